import { css } from 'lit';

/** Styles of `<class-engagement>` (on top of the panel frame and the shared parts it lists). */
export const classEngagementStyles = css`
  /* The share axis and the chart side by side; the row follows the panel's direction (axis on the right in RTL). */
  .plot {
    display: flex;
    align-items: flex-start;
  }
  .plot .chart {
    flex: 1 1 auto;
    min-width: 0;
  }
  .y-axis {
    flex: none;
    display: block;
    overflow: visible;
  }
  .y-axis text {
    fill: var(--_muted);
    font-size: 11px;
  }
  .y-axis line {
    stroke: var(--_border);
  }
  .chart {
    position: relative;
    touch-action: none;
    cursor: crosshair;
    user-select: none;
  }
  .chart svg {
    display: block;
    overflow: visible;
  }
  .chart text {
    fill: var(--_muted);
    font-size: 11px;
  }
  .chart line {
    stroke: var(--_border);
  }
  .sel {
    fill: none;
    stroke: var(--_text);
    stroke-width: 2;
  }
  .focus {
    fill: none;
    stroke: var(--_focus);
    stroke-width: 2;
  }
  .rewatched {
    fill: var(--_series-2);
  }
  .skipped {
    fill: var(--_series-5);
  }
  .tooltip {
    top: 0;
    max-width: 24em;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
    gap: 16px;
    margin-top: 12px;
  }
  h3 {
    font-size: 1em;
    margin: 0 0 6px;
  }
  ul.spans,
  ul.missed {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ul.spans li,
  ul.missed li {
    padding: 2px 0;
  }
  ul.missed {
    max-height: 16em;
    overflow: auto;
  }
  ul.spans button {
    text-align: start;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 8px;
  }
  form label {
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-size: 0.9em;
  }
  form input[type='text'] {
    width: 6em;
  }
  .check {
    flex-direction: row !important;
    align-items: center;
  }
  .error-text {
    color: var(--_negative);
  }
  .table-wrap {
    max-height: 20em;
    overflow: auto;
    margin-top: 8px;
  }
  /* Forced colours: tiers are system colours (see the tokens) and each watched tile is outlined, so neighbouring
     tiers stay apart in any palette. */
  @media (forced-colors: active) {
    rect[data-tier='1'],
    rect[data-tier='2'],
    rect[data-tier='3'] {
      stroke: Canvas;
      stroke-width: 0.5;
    }
  }
`;
