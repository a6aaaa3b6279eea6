/**
 * Pieces every chart panel shares: the styles of a line chart, its tooltip card and the text under a chart, the
 * live region that announces the focused point, and the button that shows a chart's data table.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { tooltipBeside } from '../../charts/line-chart.js';

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
`;

/** The tooltip card (positioned by each chart) and the muted text in it. */
export const tooltipStyles = css`
  .tooltip {
    position: absolute;
    top: 8px;
    z-index: 1;
    pointer-events: none;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.12);
    padding: 6px 8px;
    font-size: 0.9em;
    min-width: 160px;
    max-width: 280px;
    white-space: normal;
  }
  .tooltip p {
    margin: 0 0 2px;
  }
  .tooltip .head {
    font-weight: 600;
  }
  .muted {
    color: var(--_muted);
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

/** The polite live region that announces the point reached by keyboard. */
export function liveRegion(text: string): TemplateResult {
  return html`<div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${text}</div>`;
}

/** What {@link tableToggle} draws. */
export interface TableToggle {
  /** Whether the table shows. */
  open: boolean;
  /** Id of the element the button shows and hides. */
  controls: string;
  /** The button's text (already localised). */
  label: string;
  /** Called on activation. */
  toggle(): void;
  /** Class and part of the button. Default `table-toggle`. */
  name?: string;
  /** The button's part when it is not `name`; `false` for none. */
  part?: string | false;
}

/** The button that shows or hides a chart's data table (`aria-expanded`, `aria-controls`). */
export function tableToggle({ open, controls, label, toggle, name = 'table-toggle', part = name }: TableToggle): TemplateResult {
  return html`<button
    type="button"
    class=${name}
    part=${part === false ? nothing : part}
    aria-expanded=${open ? 'true' : 'false'}
    aria-controls=${controls}
    @click=${toggle}
  >
    ${label}
  </button>`;
}

/** The inline style that puts a tooltip beside the focus line at `x` (see `tooltipBeside`). */
export function besideStyle(x: number, width: number): Record<string, string> {
  const { left, before } = tooltipBeside(x, width);
  return before ? { left: `${left}px`, transform: 'translateX(-100%)' } : { left: `${left}px` };
}
