import { css } from 'lit';

/** A line or area chart drawn in SVG inside a focusable `.chart` box, with its controls row. */
export const lineChartStyles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 16px;
    margin-bottom: 8px;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    color: var(--_muted);
  }
  .chart {
    position: relative;
    height: var(--ea-chart-height, 260px);
    outline-offset: 2px;
    cursor: crosshair;
    touch-action: pan-y;
  }
  .chart svg {
    display: block;
    overflow: visible;
    direction: ltr;
  }
  .grid {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .axis {
    fill: var(--_muted);
    font-size: 11px;
    font-variant-numeric: tabular-nums;
  }
  .series {
    fill: none;
    stroke-width: 2;
  }
  .compare {
    fill: none;
    stroke-width: 1.5;
    stroke-dasharray: 5 4;
    opacity: 0.6;
  }
  .focus-line {
    stroke: var(--_text);
    stroke-width: 1;
  }
  .dot {
    stroke: var(--_bg);
    stroke-width: 1.5;
  }
  .chart .tooltip {
    top: 8px;
    min-width: 160px;
  }
`;

/** The text summary under a chart and the button that shows its data table. */
export const chartTextStyles = css`
  .summary {
    color: var(--_muted);
    margin: 8px 0 0;
  }
  .table-toggle {
    margin-top: 8px;
  }
`;
