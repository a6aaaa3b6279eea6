import { css } from 'lit';

/** Styles of `<top-domains-table>` (on top of the panel frame and the shared parts it lists). */
export const topDomainsTableStyles = css`
  .count {
    color: var(--_muted);
    margin: 0 0 8px;
  }
  td.text a,
  td.text .url {
    display: inline-block;
    max-inline-size: 24em;
    overflow: hidden;
    text-overflow: ellipsis;
    vertical-align: bottom;
    color: var(--_accent);
  }
  td.text .url {
    color: inherit;
  }
  .graph-head {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    justify-content: space-between;
    margin: 4px 0 8px;
  }
  .graph-head h3 {
    font-size: 1em;
    margin: 0;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  [role='group'].seg {
    display: inline-flex;
    gap: 0;
  }
  .seg button:first-child {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }
  .seg button:last-child {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
    margin-inline-start: -1px;
  }
  .graph {
    position: relative;
    margin-bottom: 16px;
  }
  svg {
    display: block;
    inline-size: 100%;
    overflow: visible;
  }
  .grid line {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .axis text {
    fill: var(--_muted);
    font-size: 11px;
  }
  .line {
    fill: none;
    stroke: var(--_series-1);
    stroke-width: 2;
  }
  .area {
    fill: var(--_series-1);
    opacity: 0.12;
  }
  .compare-line {
    fill: none;
    stroke: var(--_compare);
    stroke-width: 1.5;
    stroke-dasharray: 5 4;
  }
  .graph-legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    margin: 4px 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .graph-legend .key {
    display: inline-block;
    inline-size: 18px;
    margin-inline-end: 6px;
    vertical-align: middle;
    border-block-start: 2px solid var(--_series-1);
  }
  .graph-legend .key.previous {
    border-block-start: 2px dashed var(--_compare);
  }
  .cursor {
    stroke: var(--_muted);
    stroke-dasharray: 3 3;
  }
  .dot {
    fill: var(--_series-1);
    stroke: var(--_bg);
    stroke-width: 2;
  }
  .tooltip {
    inset-block-start: 0;
    transform: translateX(-50%);
    white-space: nowrap;
  }
  label.metric {
    display: inline-flex;
    gap: 6px;
    align-items: center;
  }
`;
