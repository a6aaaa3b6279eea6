import { html, nothing, svg, type PropertyValues } from 'lit';
import { cssProps } from '../shared/css-props.js';
import { property, state } from 'lit/decorators.js';
import { AnalyticsPanel, type LoadContext } from '../shared/analytics-panel.js';
import {
  breadcrumbs,
  changeText,
  changeWordsOf,
  clampOffset,
  dataTable,
  dataTableStyles,
  distributionBar,
  metricColumn,
  noValue,
  pager,
  playsCompareColumns,
  playsCompareCsv,
  type TableColumn,
  type TableSort,
} from '../shared/data-table.js';
import { HostWidthController } from '../shared/width-controller.js';
import { tableToggle } from '../shared/chart-parts.js';
import { downloadText } from '../shared/download.js';
import { errorDetail, pageSizeOf } from '../shared/states.js';
import type {
  BreakdownMetrics,
  BreakdownSortField,
  DomainRow,
  DomainsQuery,
  DomainsResult,
  Granularity,
  MetricName,
  Query,
  QueryBase,
  ResultOf,
  Sort,
  TimelinePoint,
  TimelineResult,
  UrlRow,
  UrlsQuery,
  UrlsResult,
} from '../../data/types.js';
import { csvFileName, toCsv, type CsvCell, type CsvColumn, type CsvTable } from '../../data/csv.js';
import { runQuery } from '../../data/validate.js';
import { playsCompareCsvCells, trend, ZERO_BREAKDOWN } from '../../data/compare.js';
import {
  BREAKDOWN_METRICS,
  METRICS,
  formatMetric,
  isRate,
  metricDef,
  csvMetric,
  roundMetric,
  shareOf,
  type BreakdownMetricName,
} from '../../data/metrics.js';
import { alignByOffset, metricValues } from '../../charts/timeline.js';
import { safeHttpUrl } from '../../data/urls.js';
import {
  areaPath,
  indexTicks,
  keyStep,
  linePath,
  mirrorMargins,
  nearestIndex,
  seriesMax,
  xScale,
  yScale,
  yTicks,
  type Frame,
} from '../../charts/line-chart.js';
import { emit } from '../../events.js';
import { isRtl, type MessageKey } from '../../i18n/index.js';
import { tooltipStyles } from '../shared/tooltip.styles.js';
import { topDomainsTableStyles } from './top-domains-table.styles.js';

/** The domains list. */
export interface DomainsView {
  view: 'domains';
  /** The query of the page shown (the CSV asks it again for every row). */
  query: DomainsQuery;
  result: DomainsResult;
  /** When comparing: the compare period's rows of the domains on the page (absent ones had nothing then). */
  previous?: DomainRow[];
  /** When comparing: the compare range's common query part. */
  compare?: QueryBase;
}
/** One domain's pages and its metrics over time. */
export interface UrlsView {
  view: 'urls';
  domain: string;
  /** The query of the page shown (the CSV asks it again for every row). */
  query: UrlsQuery;
  result: UrlsResult;
  timeline: TimelineResult;
  /** When comparing: the compare period's rows of the pages on the page (absent ones had nothing then). */
  previous?: UrlRow[];
  /** When comparing: the domain's timeline over the compare range (aligned by offset on the graph). */
  previousTimeline?: TimelineResult;
  /** When comparing: the compare range's common query part. */
  compare?: QueryBase;
}
/** What `<top-domains-table>` loads. */
export type DomainsData = DomainsView | UrlsView;

/** Metrics the domain's graph can show. */
export const DOMAIN_GRAPH_METRICS: readonly MetricName[] = ['plays', ...METRICS.filter((m) => m !== 'plays')];

const DEFAULT_SORT: Sort<BreakdownSortField> = { field: 'plays', direction: 'desc' };
const RESET_ON = ['provider', 'entryId', 'from', 'to', 'timeZone', 'filters', 'pageSize'] as const;
const GRAPH_HEIGHT = 220;

type Row = DomainRow | UrlRow;

const keyOf = (r: Row): string => ('domain' in r ? r.domain : r.url);

/** Where the export of every row stands. */
type CsvState = { status: 'idle' } | { status: 'busy'; rows: number } | { status: 'error'; detail: string };

/**
 * The compare period's rows for `keys` (domains, or pages of `domain`): the same kind of query over the compare
 * range, narrowed to those keys by the `domains` / `urls` filter (the dashboard's filters already hold every key
 * shown, so narrowing further keeps their meaning) and asking for all of them at once. One small query, whatever the
 * table's size and sort; the keys absent from the answer had nothing in the compare period.
 */
function compareRows(
  ask: <Q extends Query>(q: Q) => Promise<ResultOf<Q>>,
  base: QueryBase,
  query: DomainsQuery | UrlsQuery,
  keys: string[],
): Promise<Row[]> {
  if (keys.length === 0) return Promise.resolve([]);
  const page = { offset: 0, limit: keys.length };
  if (query.kind === 'domains')
    return ask({ ...base, kind: 'domains', filters: { ...base.filters, domains: keys }, sort: query.sort, page }).then((r) => r.rows);
  return ask({ ...base, kind: 'urls', domain: query.domain, filters: { ...base.filters, urls: keys }, sort: query.sort, page }).then(
    (r) => r.rows,
  );
}

/**
 * The referring domains: plays, plays distribution (with a bar), player impressions, play/impression ratio, minutes
 * viewed, average completion and drop-off rates. Sorted by any column (by the provider), paged with first / previous
 * / next / last. Drilling into a domain shows its page URLs with the same columns and the domain's metrics over time,
 * daily or monthly. Page URLs are links only when http(s), opening in a new tab; nothing is requested from the
 * referring sites (no favicons).
 *
 * **Compare period** (`compare-from` / `compare-to`): each row also shows its plays in the compare period and the
 * change (relative, "new" when it had none then). The table is sorted and paged by the provider on the current
 * period, so the compare rows are asked for the keys on the page only: one more query of the same kind over the
 * compare range, narrowed by the `domains` (or `urls`) filter to those keys, all of them in one page. It is exact
 * (a key's figures do not depend on the other keys) and costs one page of rows whatever the table's size; it runs
 * after the page's query, which it needs. The compare columns are not sortable. The domain's graph adds the compare
 * period's line, dashed, aligned by offset from the start of each range (as `<metrics-over-time>` does).
 *
 * **CSV**: the export button downloads every row (every domain, or every page of the domain), in the current sort,
 * with the compare columns: see {@link TopDomainsTable.csvAll}, which asks the provider for all rows and their
 * compare rows; the title row says while it prepares the file and why when it fails. `toCsv()` is the page shown,
 * instantly.
 *
 * @summary Sortable, paged table of referring domains, drilling into their pages and graph.
 * @fires filter-add - The user asked to filter the dashboard by a domain (`{field: 'domains'}`) or a page
 *   (`{field: 'urls'}`).
 * @csspart table - The domains or pages table.
 * @csspart pager - The paging buttons.
 * @csspart bar - A distribution bar's filled part.
 * @csspart bar-track - A distribution bar's track.
 * @csspart change - A row's change against the compare period.
 * @csspart breadcrumbs - The trail back to all domains.
 * @csspart graph - The domain's graph (an SVG).
 * @csspart line - The graph's line.
 * @csspart area - The area under the line.
 * @csspart compare - The graph's compare-period line.
 * @csspart legend - The graph's legend (when comparing).
 * @csspart tooltip - The graph's tooltip.
 * @csspart filter-button - A row's "Filter" button.
 * @csspart csv-status - What the CSV export is doing, or why it failed.
 * @cssprop --ea-bar-color - Colour of the distribution bars.
 * @cssprop --ea-color-compare - Colour of the compare-period line.
 * @cssprop --ea-color-positive - Colour of an upward change.
 * @cssprop --ea-color-negative - Colour of a downward change.
 * @cssprop --ea-bar-width - Width of the distribution bars (default 44px).
 */
export class TopDomainsTable extends AnalyticsPanel<DomainsData> {
  static override styles = [
    ...AnalyticsPanel.styles,
    tooltipStyles,
    dataTableStyles,
    topDomainsTableStyles,
  ];

  /** Rows per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 5;

  /** Buckets of the domain's graph. */
  @property() granularity: Granularity = 'day';

  /** The metric of the domain's graph. */
  @property({ attribute: 'graph-metric' }) graphMetric: MetricName = 'plays';

  /** The domain drilled into, or '' for the domains list. The user's drill-downs set it too. */
  @property() domain = '';

  @state() private sort: Sort<BreakdownSortField> = DEFAULT_SORT;
  @state() private offset = 0;
  @state() private urlSort: Sort<BreakdownSortField> = DEFAULT_SORT;
  @state() private urlOffset = 0;
  /** The graph point under the pointer or keyboard focus, or -1. */
  @state() private point = -1;
  @state() private pointTip = false;
  @state() private showGraphTable = false;
  private readonly hostWidth = new HostWidthController(this, 640);

  override disconnectedCallback(): void {
    this.csvAbort?.abort();
    this.csvAbort = undefined;
    this.csvState = { status: 'idle' };
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (RESET_ON.some((k) => changed.has(k))) {
      this.offset = 0;
      this.urlOffset = 0;
    }
    if (changed.has('domain')) {
      this.urlOffset = 0;
      this.urlSort = DEFAULT_SORT;
      this.point = -1;
    }
    super.willUpdate(changed);
  }

  protected override loadArgs(): unknown[] {
    const size = this.limit;
    return this.domain
      ? [size, this.domain, this.urlSort, this.urlOffset, this.granularity]
      : [size, this.sort, this.offset];
  }

  /** The page size: `page-size` clamped to 1…`LIMITS.pageSize` (5 when it is not a positive number). */
  private get limit(): number {
    return pageSizeOf(this.pageSize, 5);
  }

  /**
   * The last timelines, reused when only the pages table's sort or page changed: keyed by the queries and the provider
   * that answered them (a new provider must never show the old one's graph).
   */
  private graphCache?: { key: string; provider: unknown; timeline: TimelineResult; previous?: TimelineResult };

  /**
   * The page of domains (or of a domain's pages, with the domain's timeline) the table shows. When comparing, the
   * compare period's rows of the keys on that page follow (see `compareRows`: one query narrowed to those keys), and
   * the domain's timeline over the compare range is asked beside the current one.
   */
  protected override async load(ctx: LoadContext): Promise<DomainsData> {
    const page = { offset: this.domain ? this.urlOffset : this.offset, limit: this.limit };
    if (!this.domain) {
      const query: DomainsQuery = { ...ctx.base, kind: 'domains', sort: this.sort, page };
      const result = await ctx.ask(query);
      if (!ctx.compare) return { view: 'domains', query, result };
      const previous = (await compareRows(ctx.ask, ctx.compare, query, result.rows.map(keyOf))) as DomainRow[];
      return { view: 'domains', query, result, previous, compare: ctx.compare };
    }
    const domain = this.domain;
    const timelineOf = (base: QueryBase) => ({
      ...base,
      kind: 'timeline' as const,
      granularity: this.granularity,
      filters: { ...base.filters, domains: [domain] },
    });
    const timelineQuery = timelineOf(ctx.base);
    const compareQuery = ctx.compare ? timelineOf(ctx.compare) : undefined;
    const key = JSON.stringify([timelineQuery, compareQuery]);
    const provider = this.provider;
    const cached = this.graphCache?.key === key && this.graphCache.provider === provider ? this.graphCache : undefined;
    const query: UrlsQuery = { ...ctx.base, kind: 'urls', domain, sort: this.urlSort, page };
    const [result, timeline, previousTimeline] = await Promise.all([
      ctx.ask(query).then(async (result) => ({
        result,
        previous: ctx.compare ? ((await compareRows(ctx.ask, ctx.compare, query, result.rows.map(keyOf))) as UrlRow[]) : undefined,
      })),
      cached?.timeline ?? ctx.ask(timelineQuery),
      cached ? cached.previous : compareQuery ? ctx.ask(compareQuery) : undefined,
    ]);
    this.graphCache = { key, provider, timeline, previous: previousTimeline };
    return {
      view: 'urls',
      domain,
      query,
      result: result.result,
      timeline,
      ...(ctx.compare ? { previous: result.previous, previousTimeline, compare: ctx.compare } : {}),
    };
  }

  // ---- CSV of every row

  @state() private csvState: CsvState = { status: 'idle' };
  private csvAbort?: AbortController;

  /**
   * The CSV of every row of the table shown (every domain, or every page of the domain drilled into), in the current
   * sort, with the compare period's plays and the change when comparing: asks the provider for all rows (and for
   * their compare rows) with `signal`. Undefined before the first load. {@link toCsv} is the page shown, instantly.
   */
  async csvAll(signal?: AbortSignal): Promise<string | undefined> {
    if (!signal) return this.loader.side((inTime) => this.csvAll(inTime));
    const data = this.data;
    const provider = this.provider;
    if (!data || !provider) return undefined;
    const ask = <Q extends Query>(q: Q) => runQuery(provider, q, signal);
    const page = { offset: 0, limit: Math.max(1, data.result.total) };
    const all: DomainsData =
      data.view === 'domains'
        ? { ...data, query: { ...data.query, page }, result: await ask({ ...data.query, page }) }
        : { ...data, query: { ...data.query, page }, result: await ask({ ...data.query, page }) };
    if (data.compare) {
      const previous = await compareRows(ask, data.compare, all.query, all.result.rows.map(keyOf));
      (all as { previous?: Row[] }).previous = previous;
    }
    return toCsv(this.csvTable(all), { headers: this.csvHeaders });
  }

  /**
   * Downloads every row as CSV (see {@link csvAll}); says in the title row that it is preparing the file, and why
   * when it fails. A second click while one is running starts over.
   */
  override exportCsv(): void {
    this.csvAbort?.abort();
    const controller = new AbortController();
    this.csvAbort = controller;
    const data = this.data;
    const title = data?.view === 'urls' ? this.t('domains.titleDomain', { domain: data.domain }) : this.t('domains.title');
    this.csvState = { status: 'busy', rows: data?.result.total ?? 0 };
    void this.loader.side((signal) => this.csvAll(signal), controller.signal)
      .then(
        (text) => {
          if (this.csvAbort !== controller) return;
          this.csvState = { status: 'idle' };
          if (!text) return;
          const range = this.range;
          downloadText(csvFileName(title, range.from, range.to), text, 'text/csv;charset=utf-8');
        },
        (error: unknown) => {
          if (this.csvAbort !== controller) return; // superseded by another export, or the element left the page
          this.csvState = { status: 'error', detail: errorDetail(error, (k, p) => this.t(k, p), this.fmt) ?? '' };
        },
      )
      .finally(() => {
        if (this.csvAbort === controller) this.csvAbort = undefined;
      });
  }

  protected override renderActions() {
    const state = this.csvState;
    return html`<span class="csv-status ${state.status === 'error' ? 'failed' : ''}" part="csv-status" role="status"
      >${state.status === 'busy'
        ? this.t('domains.csvBusy', { count: this.fmt.count(state.rows) })
        : state.status === 'error'
          ? this.t('domains.csvError', { detail: state.detail })
          : ''}</span
    >`;
  }

  /** The drilled domain's graph is the chart (the top level is a table). */
  protected override hasChartImage(): boolean {
    return Boolean(this.domain);
  }

  protected override chartImageParts() {
    const chart = this.renderRoot.querySelector('[part~="graph"]');
    return chart ? { chart, legends: [...this.renderRoot.querySelectorAll('[part~="legend"]')] } : undefined;
  }

  protected override panelTitle(): string {
    return this.t('domains.title');
  }

  protected override isEmpty(data: DomainsData): boolean {
    return data.view === 'domains' && data.result.total === 0;
  }

  private format(metric: BreakdownMetricName, v: number): string {
    return formatMetric(this.fmt, metric, v);
  }

  private metricLabel(metric: BreakdownMetricName): string {
    return this.t(metricDef(metric).label);
  }

  /** Compare-period rows by key, per loaded view. */
  private previousIndex = new WeakMap<Row[], Map<string, Row>>();

  /** The compare period's metrics of a row (zeros when it had nothing then), or undefined when not comparing. */
  private previousOf(data: DomainsData, row: Row): BreakdownMetrics | undefined {
    const prev = data.previous;
    if (!prev) return undefined;
    let index = this.previousIndex.get(prev);
    if (!index) {
      index = new Map(prev.map((r) => [keyOf(r), r]));
      this.previousIndex.set(prev, index);
    }
    return index.get(keyOf(row)) ?? ZERO_BREAKDOWN;
  }

  /** The compare period's plays and the change, after the plays column, when comparing (not sortable: the provider sorts). */
  private compareColumns<R extends Row>(data: DomainsData): TableColumn<R>[] {
    return playsCompareColumns<R>({
      area: 'domains',
      range: data.previous ? data.compare?.range : undefined,
      before: (r) => this.previousOf(data, r)!.plays,
      t: this.t2,
      fmt: this.fmt,
    });
  }

  /**
   * The breakdown metrics of the registry, in its column order, with the compare columns after plays. Unique viewers
   * stay out of the table (eight metric columns fill a desktop panel, and Kaltura's referrer report cannot sort by
   * them) but are in the CSV.
   */
  private metricColumns<R extends Row>(data: DomainsData): TableColumn<R>[] {
    return this.applicable(BREAKDOWN_METRICS).filter((m) => m !== 'uniqueViewers').flatMap((m) => [
      ...(m === 'distribution' && data.view === 'urls'
        ? this.shareColumns<R>(data)
        : [metricColumn<BreakdownMetricName, R>(m, { t: this.t2, fmt: this.fmt, sortable: true })]),
      ...(m === 'plays' ? this.compareColumns<R>(data) : []),
    ]);
  }

  /**
   * In a domain's pages, two shares say what they are shares of: of all plays (the contract's `distribution`: the
   * period and filters, every domain) and of the domain (a page's plays over the domain's `totals`, which the provider
   * gives; never a sum of the rows). The share of the domain is not sortable (the provider sorts; it orders as plays).
   */
  private shareColumns<R extends Row>(data: UrlsView): TableColumn<R>[] {
    const place = data.domain;
    return [
      {
        ...metricColumn<BreakdownMetricName, R>('distribution', { t: this.t2, fmt: this.fmt, sortable: true }),
        label: this.t('share.ofAll'),
        help: this.t('share.ofAllHelp', { place }),
      },
      {
        key: 'shareOfParent',
        label: this.t('share.ofParent', { place }),
        numeric: true,
        help: this.t('share.ofParentHelp', { place }),
        cell: (r) => {
          const share = shareOf(r.plays, data.result.totals.plays);
          return share === undefined ? noValue(this.t2, this.t('rate.noPlays')) : distributionBar(share, this.fmt);
        },
      },
    ];
  }

  private columnLabel(field: BreakdownSortField, keyLabel: string): string {
    return field === 'key' ? keyLabel : this.metricLabel(field);
  }

  protected override renderData(data: DomainsData) {
    return data.view === 'domains' ? this.renderDomains(data) : this.renderUrls(data);
  }

  private t2 = (key: MessageKey, params?: Record<string, string | number>) => this.t(key, params);

  private filterButton(field: 'domains' | 'urls', value: string) {
    const label = this.t(field === 'domains' ? 'domains.filterBy' : 'domains.filterByUrl', { name: value });
    return html`<button
      type="button"
      class="filter"
      part="filter-button"
      aria-label=${label}
      @click=${() => emit(this, 'filter-add', { field, value, label: value })}
    >
      ${this.t('domains.filter')}
    </button>`;
  }

  private renderDomains(data: DomainsView) {
    const { result } = data;
    const offset = data.query.page.offset;
    const columns: TableColumn<DomainRow>[] = [
      { key: 'rank', label: this.t('domains.rank'), numeric: true, cell: (_, i) => this.fmt.count(offset + i + 1) },
      {
        key: 'key',
        label: this.t('domains.domain'),
        sortable: true,
        rowHeader: true,
        cell: (r) => html`<button
          type="button"
          class="link drill"
          title=${r.domain}
          aria-label=${this.t('domains.drill', { domain: r.domain })}
          @click=${() => this.drill(r.domain)}
        >
          ${r.domain}
        </button>`,
      },
      ...this.metricColumns<DomainRow>(data),
      { key: 'filter', label: this.t('domains.filter'), cell: (r) => this.filterButton('domains', r.domain) },
    ];
    return html`<p class="count">${this.t('domains.count', { count: this.fmt.count(result.total) })}</p>
      ${this.pagedTable({
        caption: this.t('domains.tableCaption', {
          column: this.columnLabel(this.sort.field, this.t('domains.domain')),
        }),
        columns,
        result,
        offset,
        sort: this.sort,
        onSort: (sort) => {
          this.sort = sort;
          this.offset = 0;
        },
        onPage: (o) => (this.offset = o),
      })}`;
  }

  private drill(domain: string) {
    this.domain = domain;
    this.point = -1;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.crumbs button')?.focus());
  }

  private back() {
    const domain = this.domain;
    this.domain = '';
    void this.whenLoaded().then(() => {
      const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.drill')];
      (buttons.find((b) => b.textContent!.trim() === domain) ?? buttons[0])?.focus();
    });
  }

  private renderUrls(data: UrlsView) {
    const { result, domain } = data;
    const offset = data.query.page.offset;
    const columns: TableColumn<UrlRow>[] = [
      { key: 'rank', label: this.t('domains.rank'), numeric: true, cell: (_, i) => this.fmt.count(offset + i + 1) },
      {
        key: 'key',
        label: this.t('domains.url'),
        sortable: true,
        rowHeader: true,
        cell: (r) => this.urlCell(r.url),
      },
      ...this.metricColumns<UrlRow>(data),
      { key: 'filter', label: this.t('domains.filter'), cell: (r) => this.filterButton('urls', r.url) },
    ];
    return html`${breadcrumbs(this.t('domains.breadcrumbs'), [
        { label: this.t('domains.all'), onSelect: () => this.back() },
        { label: domain },
      ])}
      ${this.renderGraph(data)}
      <p class="count">${this.t('domains.urlCount', { count: this.fmt.count(result.total) })}</p>
      ${this.pagedTable({
        caption: this.t('domains.urlsCaption', {
          domain,
          column: this.columnLabel(this.urlSort.field, this.t('domains.url')),
        }),
        columns,
        result,
        offset,
        sort: this.urlSort,
        onSort: (sort) => {
          this.urlSort = sort;
          this.urlOffset = 0;
        },
        onPage: (o) => (this.urlOffset = clampOffset(o, this.limit, result.total)),
      })}`;
  }

  /** A page of rows sorted by the provider, with sortable titles, and the pager (both tables of the panel). */
  private pagedTable<R>(o: {
    caption: string;
    columns: TableColumn<R>[];
    result: { rows: R[]; total: number };
    offset: number;
    sort: Sort<BreakdownSortField>;
    onSort(sort: Sort<BreakdownSortField>): void;
    onPage(offset: number): void;
  }) {
    return html`${dataTable<R>({
        caption: o.caption,
        captionHidden: true,
        columns: o.columns,
        rows: o.result.rows,
        sort: { key: o.sort.field, direction: o.sort.direction },
        onSort: (s: TableSort) => o.onSort({ field: s.key as BreakdownSortField, direction: s.direction }),
        t: this.t2,
      })}
      ${pager({
        offset: o.offset,
        limit: this.limit,
        total: o.result.total,
        t: this.t2,
        fmt: this.fmt,
        label: this.t('domains.pager'),
        onPage: (offset) => o.onPage(offset),
      })}`;
  }

  /** A page URL: a link when http(s), opening in a new tab without referrer or opener; plain text otherwise. */
  private urlCell(url: string) {
    const href = safeHttpUrl(url);
    return href
      ? html`<a href=${href} target="_blank" rel="noopener noreferrer" title=${url}
          >${url}<span class="sr-only"> ${this.t('domains.opensNewTab')}</span></a
        >`
      : html`<span class="url" title=${url}>${url}</span>`;
  }

  // ---- the domain's graph

  private get graphMetricName(): MetricName {
    return this.applicable(DOMAIN_GRAPH_METRICS).includes(this.graphMetric) ? this.graphMetric : 'plays';
  }

  private dateLabel(date: string): string {
    return this.granularity === 'month' ? this.fmt.month(date) : this.fmt.date(date);
  }

  private renderGraph(data: UrlsView) {
    const metric = this.graphMetricName;
    const points = data.timeline.points;
    const values = points.map((p) => p[metric]);
    // The compare period's buckets aligned by offset from the start of each range (as <metrics-over-time> does).
    const previousPoints: (TimelinePoint | undefined)[] | undefined = data.previousTimeline
      ? alignByOffset(points, data.previousTimeline.points)
      : undefined;
    const previousValues = previousPoints ? metricValues(previousPoints, metric) : undefined;
    const rtl = isRtl(this.locale);
    const frame: Frame = {
      width: Math.max(240, this.hostWidth.width - 2),
      height: GRAPH_HEIGHT,
      margin: mirrorMargins({ top: 12, right: 16, bottom: 28, left: 52 }, rtl),
    };
    const n = values.length;
    const x = xScale([0, Math.max(0, n - 1)], frame, rtl);
    const y = yScale(seriesMax(values, previousValues), frame, 4);
    const ticks = yTicks(y, 4);
    const xTicks = indexTicks(n, Math.max(2, Math.floor(frame.width / 90)));
    const metricLabel = this.metricLabel(metric);
    const granularity = this.t(this.granularity === 'month' ? 'domains.monthly' : 'domains.daily');
    const label = this.t('domains.graphLabel', { metric: metricLabel, domain: data.domain, granularity });
    const rate = isRate(metric);
    let maxI = 0;
    values.forEach((v, i) => (v > values[maxI]! ? (maxI = i) : 0));
    const summary = n
      ? this.t(rate ? 'domains.graphSummaryRate' : 'domains.graphSummary', {
          count: this.fmt.count(n),
          from: this.dateLabel(points[0]!.date),
          to: this.dateLabel(points[n - 1]!.date),
          max: this.format(metric, values[maxI]!),
          date: this.dateLabel(points[maxI]!.date),
          // The domain's total comes from the provider (the pages' totals), never from adding up the points: daily
          // unique viewers or rates do not add up.
          total: this.format(metric, data.result.totals[metric]),
        })
      : '';
    const active = this.point >= 0 && this.point < n ? this.point : -1;
    const compareText = (i: number) => {
      const before = previousPoints?.[i];
      return before
        ? this.t('domains.pointCompareValue', {
            date: this.dateLabel(before.date),
            value: this.format(metric, before[metric]),
            change: changeText(trend(metric, values[i]!, before[metric]), this.fmt, changeWordsOf(this.t2, 'domains')),
          })
        : this.t('domains.pointCompareNone');
    };
    const pointText = (i: number) => {
      const text = this.t('domains.point', { date: this.dateLabel(points[i]!.date), metric: metricLabel, value: this.format(metric, values[i]!) });
      return previousPoints ? this.t('domains.pointCompare', { point: text, compare: compareText(i) }) : text;
    };
    const compareRange = data.compare?.range;
    const axisX = rtl ? frame.width - frame.margin.right + 6 : frame.margin.left - 6;
    return html`<div class="graph-head">
        <h3>${this.t('domains.graphTitle', { domain: data.domain })}</h3>
        <div class="controls">
          <label class="metric"
            >${this.t('domains.graphMetric')}
            <select @change=${(e: Event) => (this.graphMetric = (e.target as HTMLSelectElement).value as MetricName)}>
              ${this.applicable(DOMAIN_GRAPH_METRICS).map(
                (m) => html`<option value=${m} ?selected=${m === metric}>${this.metricLabel(m)}</option>`,
              )}
            </select></label
          >
          <div role="group" class="seg" aria-label=${this.t('domains.granularity')}>
            ${(['day', 'month'] as const).map(
              (g) => html`<button
                type="button"
                class="granularity"
                data-granularity=${g}
                aria-pressed=${this.granularity === g ? 'true' : 'false'}
                @click=${() => (this.granularity = g)}
              >
                ${this.t(g === 'day' ? 'domains.daily' : 'domains.monthly')}
              </button>`,
            )}
          </div>
        </div>
      </div>
      <div class="graph">
        <p class="sr-only" id="${this.uid}-graph-summary">
          ${summary}
          ${compareRange
            ? this.t('domains.graphCompare', { range: this.fmt.dateRange(compareRange.from, compareRange.to) })
            : ''}
          ${this.t('domains.graphKeys')}
        </p>
        <svg
          part="graph"
          role="img"
          tabindex="0"
          aria-label=${label}
          aria-describedby="${this.uid}-graph-summary"
          viewBox="0 0 ${frame.width} ${frame.height}"
          height=${frame.height}
          @keydown=${(e: KeyboardEvent) => this.onGraphKey(e, n, rtl)}
          @focus=${() => {
            if (this.point < 0 && n) this.point = n - 1;
            this.pointTip = true;
          }}
          @blur=${() => (this.pointTip = false)}
          @pointermove=${(e: PointerEvent) => this.onGraphPointer(e, x, n, frame.width)}
          @pointerleave=${() => (this.pointTip = false)}
        >
          ${svg`<g class="grid axis" aria-hidden="true">
            ${ticks.map(
              (t) => svg`<line x1=${frame.margin.left} x2=${frame.width - frame.margin.right} y1=${t.position} y2=${t.position}></line>
                <text x=${axisX} y=${t.position} dy="0.32em" text-anchor=${rtl ? 'start' : 'end'}>${this.fmt.compact(t.value)}</text>`,
            )}
            ${xTicks.map(
              (i) => svg`<text x=${x(i)} y=${frame.height - 8} text-anchor="middle">${
                this.granularity === 'month' ? this.fmt.month(points[i]!.date) : this.fmt.shortDate(points[i]!.date)
              }</text>`,
            )}
          </g>
          <path class="area" part="area" d=${areaPath(values, x, y)} aria-hidden="true"></path>
          ${
            previousValues
              ? svg`<path class="compare-line" part="compare" d=${linePath(previousValues, x, y)} aria-hidden="true"></path>`
              : nothing
          }
          <path class="line" part="line" d=${linePath(values, x, y)} aria-hidden="true"></path>
          ${
            active >= 0
              ? svg`<g aria-hidden="true"><line class="cursor" x1=${x(active)} x2=${x(active)} y1=${frame.margin.top} y2=${
                  frame.height - frame.margin.bottom
                }></line><circle class="dot" cx=${x(active)} cy=${y(values[active]!)} r="4"></circle></g>`
              : nothing
          }`}
        </svg>
        ${active >= 0 && this.pointTip
          ? html`<div class="tooltip" part="tooltip" aria-hidden="true" style=${cssProps({ left: `${(x(active) / frame.width) * 100}%` })}>
              <strong>${this.dateLabel(points[active]!.date)}</strong><br />${metricLabel}: ${this.format(metric, values[active]!)}
              ${previousPoints ? html`<br /><span class="tip-compare">${compareText(active)}</span>` : nothing}
            </div>`
          : nothing}
        ${compareRange
          ? html`<p class="graph-legend" part="legend">
              <span><span class="key current" aria-hidden="true"></span>${data.domain}</span>
              <span
                ><span class="key previous" aria-hidden="true"></span>${this.t('domains.comparePeriodRange', {
                  range: this.fmt.dateRange(compareRange.from, compareRange.to),
                })}</span
              >
            </p>`
          : nothing}
        <div class="sr-only graph-live" role="status" aria-live="polite">${active >= 0 && this.pointTip ? pointText(active) : ''}</div>
        ${tableToggle({
          open: this.showGraphTable,
          controls: `${this.uid}-graph-table`,
          label: this.t(this.showGraphTable ? 'action.hideTable' : 'action.showTable'),
          toggle: () => (this.showGraphTable = !this.showGraphTable),
          name: 'toggle graph-toggle',
          part: false,
        })}
        <div id="${this.uid}-graph-table">
          ${this.showGraphTable
            ? dataTable({
                caption: label,
                columns: [
                  { key: 'date', label: this.t('domains.date'), rowHeader: true, cell: (p: (typeof points)[number]) => this.dateLabel(p.date) },
                  ...this.applicable(DOMAIN_GRAPH_METRICS).map((m) => ({
                    key: m,
                    label: this.metricLabel(m),
                    numeric: true,
                    cell: (p: (typeof points)[number]) => this.format(m, p[m]),
                  })),
                  ...(previousPoints
                    ? [
                        {
                          key: 'compareDate',
                          label: this.t('domains.compareDate'),
                          className: 'compare',
                          cell: (_: TimelinePoint, i: number) => (previousPoints[i] ? this.dateLabel(previousPoints[i]!.date) : ''),
                        },
                        {
                          key: 'compareValue',
                          label: this.t('domains.compareMetric', { metric: metricLabel }),
                          numeric: true,
                          className: 'compare',
                          cell: (_: TimelinePoint, i: number) =>
                            previousPoints[i] ? this.format(metric, previousPoints[i]![metric]) : '',
                        },
                      ]
                    : []),
                ],
                rows: points,
                t: this.t2,
              })
            : nothing}
        </div>
      </div>`;
  }

  private onGraphKey(e: KeyboardEvent, n: number, rtl: boolean) {
    const next = keyStep(e.key, this.point, n, rtl, this.granularity === 'month' ? 3 : 7);
    if (next === undefined) return;
    e.preventDefault();
    this.point = next;
    this.pointTip = true;
  }

  private onGraphPointer(e: PointerEvent, x: ReturnType<typeof xScale>, n: number, width: number) {
    const svgEl = e.currentTarget as SVGSVGElement;
    const box = svgEl.getBoundingClientRect();
    if (!box.width) return;
    const px = ((e.clientX - box.left) / box.width) * width;
    this.point = nearestIndex(px, x, n);
    this.pointTip = true;
  }

  /**
   * The rows of `data` as CSV: for the panel's {@link toCsv}, the page shown (ranks as on screen); for {@link csvAll},
   * every row. Columns: rank, domain or url, every metric, and when comparing the compare period's plays
   * (`plays <from>..<to>`) and the change (`playsChange`: percent, `new`, or empty when both are 0).
   */
  protected override csvTable(data: DomainsData): CsvTable {
    const metrics = this.applicable(BREAKDOWN_METRICS);
    const range = data.previous && data.compare?.range;
    const offset = data.query.page.offset;
    // A domain's pages also get each page's share of the domain, after the share of all plays.
    const parent = data.view === 'urls';
    const share = (r: Row): CsvCell => {
      const s = shareOf(r.plays, data.result.totals.plays);
      return s === undefined ? '' : roundMetric('distribution', s);
    };
    const rows = (data.result.rows as Row[]).map((r, i) => {
      const row: CsvCell[] = [
        offset + i + 1,
        keyOf(r),
        ...metrics.flatMap((m) => (m === 'distribution' && parent ? [csvMetric(m, r), share(r)] : [csvMetric(m, r)])),
      ];
      if (range) row.push(...playsCompareCsvCells(r.plays, this.previousOf(data, r)!.plays));
      return row;
    });
    const columns: CsvColumn[] = [
      this.csvName('rank', this.t('domains.rank')),
      data.view === 'domains' ? this.csvName('domain', this.t('domains.domain')) : this.csvName('url', this.t('domains.url')),
      ...metrics.flatMap((m) =>
        m === 'distribution' && data.view === 'urls'
          ? [
              this.csvName('distribution', this.t('share.ofAll')),
              this.csvName('shareOfParent', this.t('share.ofParent', { place: data.domain })),
            ]
          : [this.csvMetricColumn(m)],
      ),
    ];
    if (range) columns.push(...playsCompareCsv('domains', range, this.t2, this.fmt));
    return {
      name: data.view === 'domains' ? this.t('domains.title') : this.t('domains.titleDomain', { domain: data.domain }),
      columns,
      rows,
    };
  }
}
