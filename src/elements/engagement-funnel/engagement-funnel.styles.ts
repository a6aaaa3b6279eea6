import { css } from 'lit';

/** Styles of `<engagement-funnel>` (on top of the panel frame and the shared parts it lists). */
export const engagementFunnelStyles = css`
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 12px;
    container-type: inline-size;
  }
  .step {
    display: grid;
    grid-template-columns: minmax(140px, 1fr) repeat(var(--_periods, 1), minmax(0, 2fr));
    gap: 8px 16px;
    align-items: start;
  }
  .name {
    font-weight: 600;
    padding-top: 2px;
  }
  .period {
    position: relative;
  }
  .period-name {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .track {
    background: var(--_bg-alt);
    border-radius: 3px;
    height: 24px;
    margin: 2px 0 4px;
    cursor: default;
  }
  .track:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .fill {
    height: 100%;
    border-radius: 3px;
    background: var(--_series-1);
    min-width: 2px;
  }
  .previous .fill {
    background: var(--_compare);
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 12px;
    font-variant-numeric: tabular-nums;
  }
  .count {
    font-weight: 600;
  }
  .share {
    color: var(--_muted);
  }
  .tooltip {
    top: 28px;
    inset-inline-start: 0;
  }
  .summary {
    margin-top: 12px;
  }
  .step-select {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    color: var(--_muted);
  }
  .table {
    margin-top: 12px;
    overflow: auto;
  }
  /* Narrow panels (phones): the step's name above its bars, so the periods' figures have the whole width. */
  @container (max-width: 420px) {
    .step {
      grid-template-columns: repeat(var(--_periods, 1), minmax(0, 1fr));
    }
    .name {
      grid-column: 1 / -1;
    }
  }
  /* Forced colours: the track gets an outline and the fill a system colour (a background would be repainted as the
     page colour and the bar would vanish); the compare period is hatched. */
  @media (forced-colors: active) {
    .track {
      border: 1px solid CanvasText;
    }
    .fill {
      forced-color-adjust: none;
      background: Highlight;
    }
    .previous .fill {
      background: repeating-linear-gradient(45deg, LinkText 0 3px, Canvas 3px 6px);
    }
  }
`;
