import { css } from 'lit';

/** Styles of `<devices-overview>` (on top of the panel frame and the shared parts it lists). */
export const devicesOverviewStyles = css`
  /* One grid for the whole list (rows and marks are subgrids): the name, track, figures and button columns are the
     same for every device, so every track has one length and the bars one scale, also when the compare figures make
     some rows' text longer. */
  .chart {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: minmax(7em, 11em) 1fr minmax(8em, max-content) auto;
    gap: 6px 8px;
    position: relative;
  }
  .row {
    position: relative;
    grid-column: 1 / -1;
    display: grid;
    grid-template-columns: subgrid;
    align-items: center;
  }
  .row > .filter {
    grid-column: 4;
  }
  .mark {
    grid-column: 1 / 4;
    display: grid;
    grid-template-columns: subgrid;
    align-items: center;
    padding: 4px 6px;
    border-radius: calc(var(--_radius) / 2);
    cursor: default;
  }
  .mark:hover,
  .mark.active {
    background: var(--_bg-alt);
  }
  .track {
    display: block;
    block-size: var(--ea-bar-height, 12px);
    background: var(--_bg-alt);
    border-radius: 3px;
    overflow: hidden;
  }
  .bar {
    display: block;
    block-size: 100%;
    background: var(--ea-bar-color, var(--_series-1));
    border-radius: 3px;
  }
  .figures {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .figures > span {
    unicode-bidi: isolate;
  }
  .share {
    color: var(--_muted);
    margin-inline-start: 6px;
    display: inline-block;
  }
  .compare {
    display: block;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .tooltip {
    inset-block-start: 100%;
    inset-inline-end: 0;
  }
  .tooltip dl {
    margin: 4px 0 0;
    display: grid;
    grid-template-columns: auto auto;
    gap: 2px 12px;
  }
  .tooltip dd {
    margin: 0;
    text-align: end;
  }
  .toggle {
    margin-top: 12px;
  }
  label.metric {
    display: inline-flex;
    gap: 6px;
    align-items: center;
  }
  /* Narrow panels (phones): each device's name, track and figures one above the other, its button beside them; the
     tracks still share one length. */
  .body {
    container-type: inline-size;
  }
  @container (max-width: 400px) {
    .chart {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .mark {
      grid-column: 1;
      grid-template-columns: minmax(0, 1fr);
    }
    .mark > * {
      grid-column: 1;
    }
    .row > .filter {
      grid-column: 2;
      align-self: start;
    }
  }
  @media (forced-colors: active) {
    .track {
      border: 1px solid CanvasText;
    }
    .bar {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
`;
