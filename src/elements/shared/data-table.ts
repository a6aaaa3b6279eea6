/**
 * Building blocks for the panels' tables: a table template with sortable column titles (`aria-sort` on the sorted
 * one), a pager (first / previous / next / last, "Page 2 of 5", "6–10 of 23"), a distribution bar, breadcrumbs, and
 * the paging and sorting arithmetic. Sorting and paging may be done by the provider (set the state, reload) or on
 * the client (see {@link pageRows}): these helpers only render and compute indexes.
 *
 * Use them from a panel's `renderData`; include {@link dataTableStyles} in the panel's styles. Strings come from
 * the common catalog (`pager.*`, `sort.*`) through the panel's `t`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cssProps } from './css-props.js';
import type { MessageKey, MessageParams, Formatters } from '../../i18n/index.js';
import type { DateRange } from '../../data/types.js';
import { changeCsv, playsCompareCsvColumns, trend, type Trend } from '../../data/compare.js';
import type { CsvName } from '../../data/csv.js';
import { formatMetric, hasValue, metricDef, noValueReason, type MetricKey } from '../../data/metrics.js';
export { dataTableStyles } from './data-table.styles.js';

/** A translate function, as panels have (`this.t`). */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Sort direction. */
export type Direction = 'asc' | 'desc';

/** A table's sort: a column key and a direction. */
export interface TableSort<K extends string = string> {
  key: K;
  direction: Direction;
}

/** One column of a {@link dataTable}. */
export interface TableColumn<R, K extends string = string> {
  /** Identifies the column; the sort key when it is sortable. */
  key: K;
  /** Visible title. */
  label: string;
  /** Numbers are aligned to the end; text to the start. */
  numeric?: boolean;
  /** Whether a click on the title sorts by this column. */
  sortable?: boolean;
  /** The first click on an unsorted column sorts this way (default: descending for numbers, ascending for text). */
  firstDirection?: Direction;
  /** The cell's content (text bindings only: never HTML from data). */
  cell(row: R, index: number): unknown;
  /** Renders the cell as a row header (`<th scope="row">`); usually the name column. */
  rowHeader?: boolean;
  /** A hint shown as the title's tooltip (`title`). */
  help?: string;
  /** An extra class on the column's title and cells (e.g. `compare` for the compare period's figures). */
  className?: string;
}

/** What {@link dataTable} renders. */
export interface DataTableOptions<R, K extends string = string> {
  /** The table's caption (its accessible name). */
  caption: string;
  /** Hides the caption visually (it stays the accessible name). */
  captionHidden?: boolean;
  columns: readonly TableColumn<R, K>[];
  rows: readonly R[];
  /** The current sort, for `aria-sort` and the arrow. */
  sort?: TableSort<K>;
  /** Called with the next sort when a sortable title is activated. */
  onSort?(next: TableSort<K>): void;
  t: Translate;
  /** The `part` of the table (default `table`). */
  part?: string;
  /** An id for the table element. */
  id?: string;
  /** Extra class on each row. */
  rowClass?(row: R, index: number): string;
}

/** The sort after activating column `column`: the same column flips; another starts at its first direction. */
export function nextSort<K extends string>(current: TableSort<K> | undefined, column: TableColumn<unknown, K>): TableSort<K> {
  if (current?.key === column.key) return { key: column.key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key: column.key, direction: column.firstDirection ?? (column.numeric ? 'desc' : 'asc') };
}

/** Number of pages (at least 1). */
export function pageCount(total: number, limit: number): number {
  return Math.max(1, Math.ceil(Math.max(0, total) / Math.max(1, limit)));
}

/** The offset of the page holding `offset`, kept within the last page. */
export function clampOffset(offset: number, limit: number, total: number): number {
  const size = Math.max(1, limit);
  const last = (pageCount(total, size) - 1) * size;
  return Math.max(0, Math.min(last, Math.floor(Math.max(0, offset) / size) * size));
}

/** The rows of one page, for client-side paging. */
export function pageRows<R>(rows: readonly R[], offset: number, limit: number): R[] {
  return rows.slice(offset, offset + Math.max(1, limit));
}

const cellClass = (c: TableColumn<never>) =>
  (c.numeric ? 'num' : 'text') + (c.className ? ` ${c.className}` : '') + (c.rowHeader ? ' sticky' : '');

const ariaSort = (sort: TableSort | undefined, key: string) =>
  sort?.key === key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : nothing;

/** A table with sortable titles. Rows are rendered as given (already sorted and paged). */
export function dataTable<R, K extends string = string>(o: DataTableOptions<R, K>): TemplateResult {
  // The wrapper scrolls sideways on narrow screens; it is named, and the panel's RovingFocusController makes it a Tab
  // stop when its columns overflow and the table has no control to move through (else the table is the one stop).
  // The row-header column sticks to the start edge while the others scroll; a cue under the table says they do.
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${o.caption}>
    <table part=${o.part ?? 'table'} id=${o.id ?? nothing}>
      <caption class=${o.captionHidden ? 'sr-only' : ''}>${o.caption}</caption>
      <thead>
        <tr>
          ${o.columns.map((c) => {
            const sorted = o.sort?.key === c.key;
            const arrow = sorted ? (o.sort!.direction === 'asc' ? '▲' : '▼') : '';
            return html`<th
              scope="col"
              class=${cellClass(c)}
              aria-sort=${c.sortable ? ariaSort(o.sort, c.key) : nothing}
              title=${c.help ?? nothing}
              data-key=${c.key}
            >
              ${c.sortable && o.onSort
                ? html`<button type="button" class="sort" @click=${() => o.onSort!(nextSort(o.sort, c))}>
                    ${c.label}<span class="arrow" aria-hidden="true">${arrow}</span>
                  </button>`
                : c.label}
            </th>`;
          })}
        </tr>
      </thead>
      <tbody>
        ${o.rows.map(
          (row, i) => html`<tr class=${o.rowClass?.(row, i) ?? ''}>
            ${o.columns.map((c) =>
              c.rowHeader
                ? html`<th scope="row" class=${cellClass(c)}>${c.cell(row, i)}</th>`
                : html`<td class=${cellClass(c)}>${c.cell(row, i)}</td>`,
            )}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>
  <p class="scroll-cue" aria-hidden="true">${o.t('table.scrollCue')}</p>`;
}

/** What {@link pager} renders. */
export interface PagerOptions {
  offset: number;
  limit: number;
  total: number;
  t: Translate;
  fmt: Formatters;
  /** The pager's accessible name, e.g. "Pages of the domains table". */
  label: string;
  /** Called with the new offset. */
  onPage(offset: number): void;
}

/** First / previous / next / last buttons and where we are. Renders nothing when everything fits on one page. */
export function pager(o: PagerOptions): TemplateResult | typeof nothing {
  const limit = Math.max(1, o.limit);
  const pages = pageCount(o.total, limit);
  if (pages <= 1) return nothing;
  const page = Math.floor(o.offset / limit) + 1;
  const lastOffset = (pages - 1) * limit;
  const go = (offset: number) => () => o.onPage(clampOffset(offset, limit, o.total));
  const from = Math.min(o.total, o.offset + 1);
  const to = Math.min(o.total, o.offset + limit);
  return html`<nav class="pager" part="pager" aria-label=${o.label}>
    <button type="button" class="first" aria-label=${o.t('pager.first')} ?disabled=${page <= 1} @click=${go(0)}>
      <span aria-hidden="true" class="icon">«</span>
    </button>
    <button
      type="button"
      class="previous"
      aria-label=${o.t('pager.previous')}
      ?disabled=${page <= 1}
      @click=${go(o.offset - limit)}
    >
      <span aria-hidden="true" class="icon">‹</span>
    </button>
    <span class="status">${o.t('pager.status', { page: o.fmt.count(page), pages: o.fmt.count(pages) })}</span>
    <button
      type="button"
      class="next"
      aria-label=${o.t('pager.next')}
      ?disabled=${page >= pages}
      @click=${go(o.offset + limit)}
    >
      <span aria-hidden="true" class="icon">›</span>
    </button>
    <button type="button" class="last" aria-label=${o.t('pager.last')} ?disabled=${page >= pages} @click=${go(lastOffset)}>
      <span aria-hidden="true" class="icon">»</span>
    </button>
    <span class="rows"
      >${o.t('pager.rows', { from: o.fmt.count(from), to: o.fmt.count(to), total: o.fmt.count(o.total) })}</span
    >
  </nav>`;
}

/** A percent with a bar (for distributions). `percent` is 0–100; the bar is decorative, the text says it all. */
export function distributionBar(percent: number, fmt: Formatters): TemplateResult {
  const width = Math.max(0, Math.min(100, percent));
  return html`<span class="dist"
    ><span class="dist-value">${fmt.percent(percent, 1)}</span
    ><span class="dist-track" part="bar-track" aria-hidden="true"
      ><span class="dist-bar" part="bar" style=${cssProps({ 'inline-size': `${width}%` })}></span></span
  ></span>`;
}

/** What {@link metricColumn} needs besides the metric. */
export interface MetricColumnOptions {
  t: Translate;
  fmt: Formatters;
  /** Whether a click on the title sorts by it. */
  sortable?: boolean;
}

/**
 * A table column for a metric of the registry: its label and help text, right-aligned, formatted as the registry
 * says (a distribution gets its bar). Rows are anything holding the metric by its name.
 */
export function metricColumn<K extends MetricKey, R extends { [P in K]: number }>(
  key: K,
  o: MetricColumnOptions,
): TableColumn<R> {
  const def = metricDef(key);
  return {
    key,
    label: o.t(def.label),
    numeric: true,
    sortable: o.sortable,
    help: def.help ? o.t(def.help) : undefined,
    cell: (r) =>
      !hasValue(key, r) ? noValue(o.t, o.t(noValueReason(key))) : key === 'distribution' ? distributionBar(r[key], o.fmt) : formatMetric(o.fmt, key, r[key]),
  };
}

/**
 * "—" for a figure that does not exist (a rate without plays, a trend from before the entry existed), with `reason`
 * shown on hover and on keyboard focus (`.no-value` in the panel styles) and read as its accessible name.
 */
export function noValue(t: Translate, reason: string): TemplateResult {
  const dash = t('rate.none');
  return html`<span class="no-value" tabindex="0" role="img" aria-label=${`${dash} ${reason}`} data-reason=${reason}>${dash}</span>`;
}

/**
 * `content` (a count, a title) that says what it counts: `help` shows on hover and on keyboard focus (`.has-help` in
 * the panel styles) and is read with it as its accessible name.
 */
export function withHelp(t: Translate, content: string, help: string): TemplateResult {
  return html`<span class="has-help" tabindex="0" role="img" aria-label=${t('help.label', { content, help })} data-help=${help}
    >${content}</span
  >`;
}

/** A metric of a row as shown: formatted, or {@link noValue} with its reason when the row has no such value. */
export function metricValue<K extends MetricKey>(key: K, row: { [P in K]: number } & Partial<Record<MetricKey, number>>, fmt: Formatters, t: Translate): TemplateResult | string {
  return hasValue(key, row) ? formatMetric(fmt, key, row[key]) : noValue(t, t(noValueReason(key)));
}

/** Words of a change against the compare period (from the panel's catalog). */
export interface ChangeWords {
  /** Nothing in the compare period, something now ("new"). */
  new: string;
  /** Nothing in either period. */
  none: string;
  /** A difference in percentage points, for rates: `points('+6')` → "+6 pts". */
  points(change: string): string;
}

/** Whether a trend went up, down or neither (a change that rounds to 0 is flat). */
export function trendDirection(t: Trend): 'up' | 'down' | 'flat' {
  if (t.kind === 'new') return 'up';
  if (t.kind === 'none') return 'flat';
  const rounded = Math.round(t.change * 10) / 10;
  return rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
}

/**
 * A trend as short text: a signed relative change ("+12%", "−4.5%": one decimal under 10 %), a difference in points
 * for rates, or the words for "new" and "none".
 */
export function changeText(t: Trend, fmt: Formatters, words: ChangeWords): string {
  switch (t.kind) {
    case 'new':
      return words.new;
    case 'none':
      return words.none;
    case 'points': {
      const sign = t.change > 0 ? '+' : t.change < 0 ? '−' : '';
      return words.points(sign + fmt.decimal(Math.abs(t.change), 1));
    }
    case 'relative':
      return fmt.signedPercent(t.change, Math.abs(t.change) < 10 ? 1 : 0);
  }
}

export { changeCsv };

/** A change cell: {@link changeText} coloured by direction (the text says it all; the colour only repeats it). */
export function changeCell(t: Trend, fmt: Formatters, words: ChangeWords): TemplateResult {
  return html`<span class="change ${trendDirection(t)}" part="change">${changeText(t, fmt, words)}</span>`;
}

/**
 * The breakdown panels whose catalogs word the compare period alike: `<area>.changeNew`, `.changeNone`,
 * `.changePoints`, `.comparePlays`, `.change` and `.comparePeriodRange`.
 */
export type CompareArea = 'devices' | 'geo' | 'domains';

/** The words of a change, from an area's catalog. */
export function changeWordsOf(t: Translate, area: CompareArea): ChangeWords {
  return {
    new: t(`${area}.changeNew` as const),
    none: t(`${area}.changeNone` as const),
    points: (change) => t(`${area}.changePoints` as const, { change }),
  };
}

/** What {@link playsCompareColumns} needs. */
export interface PlaysCompareOptions<R> {
  /** Whose catalog words the columns. */
  area: CompareArea;
  /** The compare range, or undefined when not comparing (no columns then). */
  range: DateRange | undefined;
  /** A row's plays in the compare period (0 when it had nothing then). */
  before(row: R): number;
  t: Translate;
  fmt: Formatters;
}

/**
 * The two columns a breakdown table adds after its plays when comparing: the compare period's plays and the change
 * (coloured by direction), both titled with the compare range. Not sortable. None when not comparing.
 */
export function playsCompareColumns<R extends { plays: number }>(o: PlaysCompareOptions<R>): TableColumn<R>[] {
  const range = o.range;
  if (!range) return [];
  const help = o.t(`${o.area}.comparePeriodRange` as const, { range: o.fmt.dateRange(range.from, range.to) });
  const words = changeWordsOf(o.t, o.area);
  return [
    {
      key: 'playsCompare',
      label: o.t(`${o.area}.comparePlays` as const),
      numeric: true,
      className: 'compare',
      help,
      cell: (r) => o.fmt.count(o.before(r)),
    },
    {
      key: 'playsChange',
      label: o.t(`${o.area}.change` as const),
      numeric: true,
      help,
      cell: (r) => changeCell(trend('plays', r.plays, o.before(r)), o.fmt, words),
    },
  ];
}

/**
 * The CSV columns of {@link playsCompareColumns}: the compare period's plays and the change, titled in the page's
 * language with the compare range ("Plays, compare period (Jan 1 – 31, 2026)"), fields `plays <from>..<to>` and
 * `playsChange`.
 */
export function playsCompareCsv(area: CompareArea, range: DateRange, t: Translate, fmt: Formatters): CsvName[] {
  const shown = fmt.dateRange(range.from, range.to);
  return playsCompareCsvColumns(range, {
    plays: t('csv.compareColumn', { column: t(`${area}.comparePlays` as const), range: shown }),
    change: t('csv.compareColumn', { column: t(`${area}.change` as const), range: shown }),
  });
}

/** One step of a breadcrumb trail; the last one is the current place. */
export interface Crumb {
  label: string;
  /** Goes back to this step; absent for the current one. */
  onSelect?(): void;
}

/** A breadcrumb trail (`nav` > `ol`), the last step marked `aria-current`. */
export function breadcrumbs(label: string, crumbs: readonly Crumb[]): TemplateResult {
  return html`<nav class="crumbs" part="breadcrumbs" aria-label=${label}>
    <ol>
      ${crumbs.map((c, i) =>
        i === crumbs.length - 1 || !c.onSelect
          ? html`<li><span aria-current=${i === crumbs.length - 1 ? 'location' : nothing}>${c.label}</span></li>`
          : html`<li><button type="button" class="link" @click=${() => c.onSelect!()}>${c.label}</button></li>`,
      )}
    </ol>
  </nav>`;
}

