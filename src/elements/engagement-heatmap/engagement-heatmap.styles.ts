import { css } from 'lit';

/** Styles of `<engagement-heatmap>` (on top of the panel frame and the shared parts it lists). */
export const engagementHeatmapStyles = css`
  :host([compact]) .panel {
    border: none;
    padding: 0;
    background: transparent;
  }
  :host([compact]) header h2 {
    font-size: 1em;
  }
  .chart {
    position: relative;
    --_names: var(--ea-heatmap-names-width, 10em);
  }
  .viewport {
    overflow-y: auto;
    overflow-x: hidden;
  }
  .grid {
    display: grid;
    grid-template-columns: var(--_names) 1fr;
    column-gap: 8px;
  }
  .names {
    position: relative;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .names li {
    position: absolute;
    inset-inline: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 0.9em;
    display: flex;
    align-items: center;
  }
  .bars {
    position: relative;
    min-width: 0;
    cursor: crosshair;
  }
  .bars:focus-visible {
    outline-offset: 0;
  }
  canvas {
    position: sticky;
    top: 0;
    display: block;
  }
  .focus {
    position: absolute;
    box-sizing: border-box;
    border: 2px solid var(--_focus);
    pointer-events: none;
  }
  .axis {
    display: grid;
    grid-template-columns: var(--_names) 1fr;
    column-gap: 8px;
  }
  .axis svg {
    display: block;
    width: 100%;
    overflow: visible;
  }
  .axis text {
    fill: var(--_muted);
    font-size: 11px;
  }
  .axis line {
    stroke: var(--_border);
  }
  .tooltip {
    white-space: nowrap;
  }
  .summary {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 8px 0 0;
  }
  .table-wrap {
    overflow-x: auto;
    margin-top: 8px;
  }
  .table-wrap td {
    white-space: normal;
    text-align: start;
  }
`;
