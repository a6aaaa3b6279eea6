import { css } from 'lit';

/** Styles of `<metrics-over-time>` (on top of the panel frame and the shared parts it lists). */
export const metricsOverTimeStyles = css`
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin-bottom: 8px;
    border-bottom: 1px solid var(--_border);
  }
  [role='tab'] {
    border: none;
    border-bottom: 3px solid transparent;
    border-radius: 0;
    background: none;
    padding: 6px 10px;
    color: var(--_muted);
  }
  [role='tab'][aria-selected='true'] {
    background: none;
    color: var(--_text);
    border-bottom-color: var(--_accent);
    font-weight: 600;
  }
  .group {
    display: inline-flex;
    gap: 4px;
  }
  .key {
    display: inline-flex;
    gap: 12px;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .swatch {
    display: inline-block;
    width: 14px;
    height: 0;
    border-top: 3px solid;
    margin-inline-end: 4px;
    vertical-align: middle;
  }
  .swatch.dashed {
    border-top-style: dashed;
    opacity: 0.6;
  }
  .swatch.dotted {
    border-top-style: dotted;
  }
  /* A partial bucket (part of a month, or today): dotted segments into it and a hollow point. */
  path.partial {
    fill: none;
    stroke-width: 2;
    stroke-dasharray: 1 4;
    stroke-linecap: round;
  }
  /* Only the primary metric's points are drawn; the shared .dot rule would give the ring the background colour. */
  circle.dot.hollow {
    fill: var(--_bg);
    stroke: var(--_series-1);
    stroke-width: 2;
  }
  .partial-note {
    display: block;
    font-size: 0.85em;
    font-weight: normal;
    color: var(--_muted);
  }
  .details-toggle {
    margin-top: 8px;
  }
  .details {
    margin-top: 12px;
    max-height: 420px;
    overflow: auto;
  }
  th button {
    border: none;
    background: none;
    padding: 0;
    font-weight: 600;
    color: inherit;
  }
  @media (forced-colors: active) {
    [role='tab'][aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-bottom-color: CanvasText;
    }
    .swatch {
      forced-color-adjust: none;
    }
  }
`;
