import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keyboard economy for every table and toolbar in a panel's shadow root: each is one Tab stop (a roving tabindex).
 *
 * - A table (`table` inside a `.table-wrap`) is a grid of its rows (column titles included) and the controls in them
 *   (sort buttons, drill and filter buttons, links, the "—" of a missing value). Up/Down move to the nearest control
 *   of the row above or below (by column), Left/Right along the row (mirrored right to left), Home/End to the first
 *   and the last row. Enter and Space press the control, as always. The stop starts on the first row of figures and
 *   stays where the user left it (clamped when a page is shorter).
 * - A toolbar (`[role=toolbar]`) is one row of buttons: Left/Right, Home/End.
 * - Any other element marked `data-roving` is such a row too: the highlight tiles, whose labels take focus to show
 *   what they count (five stops would otherwise be spent on help texts).
 *
 * The scroll region around a table is a Tab stop of its own only when the table has no control and its columns do not
 * fit (then the keyboard needs it to scroll). While the columns do not fit, the region carries `data-overflow` (the
 * styles show a scroll cue then) and `data-more` while there is more to see at the inline end.
 *
 * Works on the rendered DOM after each update, so templates need no tabindex bindings.
 */
export class RovingFocusController implements ReactiveController {
  /** Per container: the control that holds the stop, and its position when that control is gone. */
  private readonly current = new WeakMap<Element, { item?: Element; row: number; col: number }>();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment }) {
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.host.renderRoot;
    root.addEventListener('keydown', this.onKey as EventListener);
    root.addEventListener('focusin', this.onFocus as EventListener);
    root.addEventListener('scroll', this.onScroll, { capture: true });
  }

  hostDisconnected(): void {
    const root = this.host.renderRoot;
    root.removeEventListener('keydown', this.onKey as EventListener);
    root.removeEventListener('focusin', this.onFocus as EventListener);
    root.removeEventListener('scroll', this.onScroll, { capture: true });
  }

  hostUpdated(): void {
    for (const c of this.containers()) this.sync(c);
  }

  /** The tables, toolbars and `data-roving` rows of the host's own shadow root (not those of nested elements). */
  private containers(): Element[] {
    return [...this.host.renderRoot.querySelectorAll('.table-wrap > table, [role=toolbar], [data-roving]')];
  }

  /** The rows of a container, each the controls in it (rows without any left out). */
  private grid(container: Element): Element[][] {
    const rows = container instanceof HTMLTableElement ? [...container.rows] : [container];
    return rows.map((r) => [...r.querySelectorAll(ITEMS)].filter(usable)).filter((r) => r.length > 0);
  }

  /** The first row of figures (after the column titles), where the stop starts. */
  private firstBodyRow(container: Element, grid: Element[][]): number {
    if (!(container instanceof HTMLTableElement)) return 0;
    const i = grid.findIndex((r) => !r[0]!.closest('thead'));
    return i < 0 ? 0 : i;
  }

  private sync(container: Element): void {
    const grid = this.grid(container);
    const wrap = container instanceof HTMLTableElement ? (container.parentElement as HTMLElement) : undefined;
    if (wrap) {
      wrap.toggleAttribute('data-has-controls', grid.length > 0);
      // Its Tab stop now (no layout change); the cue after this task: an update may run inside a resize observer's
      // callback (a panel's width controller), where a change of height would loop. No observer of its own (panels
      // keep one at most): measured after each update and scroll.
      setTimeout(() => wrap.isConnected && this.measure(wrap));
    }
    if (grid.length === 0) return;
    const state = this.current.get(container) ?? { row: this.firstBodyRow(container, grid), col: 0 };
    let row = -1;
    let col = -1;
    if (state.item) {
      row = grid.findIndex((r) => r.includes(state.item!));
      if (row >= 0) col = grid[row]!.indexOf(state.item);
    }
    if (row < 0) {
      row = Math.min(state.row, grid.length - 1);
      col = Math.min(state.col, grid[row]!.length - 1);
    }
    const stop = grid[row]![col]!;
    this.current.set(container, { item: stop, row, col });
    for (const r of grid) for (const item of r) if (item !== stop) item.setAttribute('tabindex', '-1');
    stop.setAttribute('tabindex', '0');
  }

  /** Whether a scroll region's columns overflow (and whether more lies at its inline end); its Tab stop when needed. */
  private measure(wrap: HTMLElement): void {
    const overflow = wrap.scrollWidth > wrap.clientWidth + 1;
    wrap.toggleAttribute('data-overflow', overflow);
    // scrollLeft runs from 0 towards negative values right to left: its size is how far the start edge has moved.
    wrap.toggleAttribute('data-more', overflow && Math.abs(wrap.scrollLeft) + wrap.clientWidth < wrap.scrollWidth - 1);
    this.setStop(wrap);
  }

  /**
   * A region without controls must take focus to be scrolled with the keyboard, but only when there is something to
   * scroll (sideways, or down in a region of limited height).
   */
  private setStop(wrap: HTMLElement): void {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1 || wrap.scrollHeight > wrap.clientHeight + 1;
    if (!wrap.hasAttribute('data-has-controls') && scrolls) wrap.setAttribute('tabindex', '0');
    else wrap.removeAttribute('tabindex');
  }

  private readonly onScroll = (e: Event): void => {
    const t = e.target;
    if (t instanceof HTMLElement && t.classList.contains('table-wrap')) this.measure(t);
  };

  private containerOf(el: Element): Element | undefined {
    const c = el.closest('table, [role=toolbar], [data-roving]');
    if (!c) return undefined;
    if (c instanceof HTMLTableElement && !c.parentElement?.classList.contains('table-wrap')) return undefined;
    return c;
  }

  private readonly onFocus = (e: FocusEvent): void => {
    const target = e.target as Element;
    const container = target && this.containerOf(target);
    if (!container) return;
    const grid = this.grid(container);
    const row = grid.findIndex((r) => r.includes(target));
    if (row < 0) return;
    const col = grid[row]!.indexOf(target);
    const prev = this.current.get(container)?.item;
    this.current.set(container, { item: target, row, col });
    if (prev && prev !== target) prev.setAttribute('tabindex', '-1');
    target.setAttribute('tabindex', '0');
  };

  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as Element;
    if (!target || target.matches('input, select, textarea')) return;
    const container = this.containerOf(target);
    if (!container) return;
    const grid = this.grid(container);
    const row = grid.findIndex((r) => r.includes(target));
    if (row < 0) return;
    const col = grid[row]!.indexOf(target);
    const rtl = getComputedStyle(target).direction === 'rtl';
    const next = rtl ? 'ArrowLeft' : 'ArrowRight';
    const prev = rtl ? 'ArrowRight' : 'ArrowLeft';
    const table = container instanceof HTMLTableElement;
    let to: Element | undefined;
    if (e.key === next) to = grid[row]![col + 1];
    else if (e.key === prev) to = grid[row]![col - 1];
    else if (table && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      const r = grid[row + (e.key === 'ArrowDown' ? 1 : -1)];
      to = r && nearestByColumn(r, target);
    } else if (e.key === 'Home') to = table ? nearestByColumn(grid[this.firstBodyRow(container, grid)]!, target) : grid[0]![0];
    else if (e.key === 'End') to = table ? nearestByColumn(grid[grid.length - 1]!, target) : grid[0]![grid[0]!.length - 1];
    else return;
    e.preventDefault();
    if (!to || to === target) return;
    (to as HTMLElement).focus();
  };
}

/** What can hold the stop: the controls a table or toolbar may contain. */
const ITEMS = 'button, a[href], [tabindex]:not(table):not(tr):not(.table-wrap)';

/** Enabled and not hidden (read without layout: an update must not force one, it would start the panels' transitions). */
function usable(el: Element): boolean {
  return !(el as HTMLButtonElement).disabled && !el.closest('[hidden], .sr-only');
}

/** The control of `row` whose cell is nearest to the cell of `from` (the first of equals). */
function nearestByColumn(row: Element[], from: Element): Element {
  const col = (el: Element) => (el.closest('td, th') as HTMLTableCellElement | null)?.cellIndex ?? 0;
  const c = col(from);
  let best = row[0]!;
  for (const el of row) if (Math.abs(col(el) - c) < Math.abs(col(best) - c)) best = el;
  return best;
}
