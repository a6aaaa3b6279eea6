/**
 * Pieces every chart panel shares: the styles of a line chart, its tooltip card and the text under a chart, the
 * live region that announces the focused point, and the button that shows a chart's data table.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { tooltipBeside } from '../../charts/line-chart.js';
export { lineChartStyles, chartTextStyles } from './chart-parts.styles.js';
export { tooltipStyles } from './tooltip.styles.js';

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
