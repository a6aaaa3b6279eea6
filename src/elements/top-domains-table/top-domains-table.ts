import { html, css, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnalyticsPanel, type LoadContext } from '../shared/analytics-panel.js';
import {
  breadcrumbs,
  clampOffset,
  dataTable,
  dataTableStyles,
  distributionBar,
  pager,
  type TableColumn,
  type TableSort,
} from '../shared/data-table.js';
import type {
  BreakdownMetrics,
  BreakdownSortField,
  DomainRow,
  DomainsResult,
  Granularity,
  MetricName,
  Sort,
  TimelineResult,
  UrlRow,
  UrlsResult,
} from '../../data/types.js';
import type { CsvTable } from '../../data/csv.js';
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

/** The domains list. */
export interface DomainsView {
  view: 'domains';
  result: DomainsResult;
}
/** One domain's pages and its metrics over time. */
export interface UrlsView {
  view: 'urls';
  domain: string;
  result: UrlsResult;
  timeline: TimelineResult;
}
/** What `<top-domains-table>` loads. */
export type DomainsData = DomainsView | UrlsView;

/** Metrics the domain's graph can show. */
export const DOMAIN_GRAPH_METRICS: readonly MetricName[] = [
  'plays',
  'impressions',
  'uniqueViewers',
  'minutesViewed',
  'avgCompletionRate',
  'avgDropOffRate',
];

const DEFAULT_SORT: Sort<BreakdownSortField> = { field: 'plays', direction: 'desc' };
const RESET_ON = ['provider', 'entryId', 'from', 'to', 'timeZone', 'filters', 'pageSize'] as const;
const GRAPH_HEIGHT = 220;

type Row = DomainRow | UrlRow;

/**
 * The referring domains: plays, plays distribution (with a bar), player impressions, play/impression ratio, minutes
 * viewed, average completion and drop-off rates. Sorted by any column (by the provider), paged with first / previous
 * / next / last. Drilling into a domain shows its page URLs with the same columns and the domain's metrics over time,
 * daily or monthly. Page URLs are links only when http(s), opening in a new tab; nothing is requested from the
 * referring sites (no favicons).
 *
 * @summary Sortable, paged table of referring domains, drilling into their pages and graph.
 * @fires filter-add - The user asked to filter the dashboard by a domain (`{field: 'domains'}`) or a page
 *   (`{field: 'urls'}`).
 * @csspart table - The domains or pages table.
 * @csspart pager - The paging buttons.
 * @csspart bar - A distribution bar's filled part.
 * @csspart bar-track - A distribution bar's track.
 * @csspart breadcrumbs - The trail back to all domains.
 * @csspart graph - The domain's graph (an SVG).
 * @csspart line - The graph's line.
 * @csspart area - The area under the line.
 * @csspart tooltip - The graph's tooltip.
 * @csspart filter-button - A row's "Filter" button.
 * @cssprop --ea-bar-color - Colour of the distribution bars.
 * @cssprop --ea-bar-width - Width of the distribution bars (default 60px).
 */
export class TopDomainsTable extends AnalyticsPanel<DomainsData> {
  static override styles = [
    ...AnalyticsPanel.styles,
    dataTableStyles,
    css`
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
        position: absolute;
        inset-block-start: 0;
        transform: translateX(-50%);
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
        padding: 4px 8px;
        pointer-events: none;
        white-space: nowrap;
        font-size: 0.9em;
      }
      label.metric {
        display: inline-flex;
        gap: 6px;
        align-items: center;
      }
    `,
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
  @state() private width = 640;

  private resizer?: ResizeObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && Math.abs(w - this.width) > 1) this.width = w;
    });
    this.resizer.observe(this);
  }

  override disconnectedCallback(): void {
    this.resizer?.disconnect();
    this.resizer = undefined;
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

  private get limit(): number {
    return Math.max(1, Math.floor(this.pageSize) || 5);
  }

  /** The last timeline, reused when only the pages table's sort or page changed. */
  private graphCache?: { key: string; timeline: TimelineResult };

  protected override async load(ctx: LoadContext): Promise<DomainsData> {
    const page = { offset: this.domain ? this.urlOffset : this.offset, limit: this.limit };
    if (!this.domain) {
      const result = await ctx.ask({ ...ctx.base, kind: 'domains', sort: this.sort, page });
      return { view: 'domains', result };
    }
    const domain = this.domain;
    const timelineQuery = {
      ...ctx.base,
      kind: 'timeline' as const,
      granularity: this.granularity,
      filters: { ...ctx.base.filters, domains: [domain] },
    };
    const key = JSON.stringify(timelineQuery);
    const cached = this.graphCache?.key === key ? this.graphCache.timeline : undefined;
    const [result, timeline] = await Promise.all([
      ctx.ask({ ...ctx.base, kind: 'urls', domain, sort: this.urlSort, page }),
      cached ?? ctx.ask(timelineQuery),
    ]);
    this.graphCache = { key, timeline };
    return { view: 'urls', domain, result, timeline };
  }

  protected override panelTitle(): string {
    return this.t('domains.title');
  }

  protected override isEmpty(data: DomainsData): boolean {
    return data.view === 'domains' && data.result.total === 0;
  }

  private pct(v: number) {
    return this.fmt.percent(v, 1);
  }

  private format(metric: MetricName, v: number): string {
    if (metric === 'avgCompletionRate' || metric === 'avgDropOffRate') return this.pct(v);
    if (metric === 'minutesViewed') return this.fmt.minutes(v);
    return this.fmt.count(v);
  }

  private metricColumns<R extends Row>(): TableColumn<R>[] {
    const m = (key: keyof BreakdownMetrics, cell: (r: R) => unknown): TableColumn<R> => ({
      key,
      label: this.t(`metric.${key}` as MessageKey),
      numeric: true,
      sortable: true,
      cell,
      help: this.helpFor(key),
    });
    return [
      m('plays', (r) => this.fmt.count(r.plays)),
      m('distribution', (r) => distributionBar(r.distribution, this.fmt)),
      m('impressions', (r) => this.fmt.count(r.impressions)),
      m('playImpressionRatio', (r) => this.pct(r.playImpressionRatio)),
      m('minutesViewed', (r) => this.fmt.minutes(r.minutesViewed)),
      m('avgCompletionRate', (r) => this.pct(r.avgCompletionRate)),
      m('avgDropOffRate', (r) => this.pct(r.avgDropOffRate)),
    ];
  }

  private helpFor(key: keyof BreakdownMetrics): string | undefined {
    return key === 'avgCompletionRate' || key === 'avgDropOffRate' || key === 'minutesViewed'
      ? this.t(`metric.help.${key}` as MessageKey)
      : undefined;
  }

  private columnLabel(field: BreakdownSortField, keyLabel: string): string {
    return field === 'key' ? keyLabel : this.t(`metric.${field}` as MessageKey);
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
    const offset = this.offset;
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
          aria-label=${this.t('domains.drill', { domain: r.domain })}
          @click=${() => this.drill(r.domain)}
        >
          ${r.domain}
        </button>`,
      },
      ...this.metricColumns<DomainRow>(),
      { key: 'filter', label: this.t('domains.filter'), cell: (r) => this.filterButton('domains', r.domain) },
    ];
    return html`<p class="count">${this.t('domains.count', { count: this.fmt.count(result.total) })}</p>
      ${dataTable<DomainRow>({
        caption: this.t('domains.tableCaption', {
          column: this.columnLabel(this.sort.field, this.t('domains.domain')),
        }),
        captionHidden: true,
        columns,
        rows: result.rows,
        sort: { key: this.sort.field, direction: this.sort.direction },
        onSort: (s: TableSort) => {
          this.sort = { field: s.key as BreakdownSortField, direction: s.direction };
          this.offset = 0;
        },
        t: this.t2,
      })}
      ${pager({
        offset,
        limit: this.limit,
        total: result.total,
        t: this.t2,
        fmt: this.fmt,
        label: this.t('domains.pager'),
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
    const offset = this.urlOffset;
    const columns: TableColumn<UrlRow>[] = [
      { key: 'rank', label: this.t('domains.rank'), numeric: true, cell: (_, i) => this.fmt.count(offset + i + 1) },
      {
        key: 'key',
        label: this.t('domains.url'),
        sortable: true,
        rowHeader: true,
        cell: (r) => this.urlCell(r.url),
      },
      ...this.metricColumns<UrlRow>(),
      { key: 'filter', label: this.t('domains.filter'), cell: (r) => this.filterButton('urls', r.url) },
    ];
    return html`${breadcrumbs(this.t('domains.breadcrumbs'), [
        { label: this.t('domains.all'), onSelect: () => this.back() },
        { label: domain },
      ])}
      ${this.renderGraph(data)}
      <p class="count">${this.t('domains.urlCount', { count: this.fmt.count(result.total) })}</p>
      ${dataTable<UrlRow>({
        caption: this.t('domains.urlsCaption', {
          domain,
          column: this.columnLabel(this.urlSort.field, this.t('domains.url')),
        }),
        captionHidden: true,
        columns,
        rows: result.rows,
        sort: { key: this.urlSort.field, direction: this.urlSort.direction },
        onSort: (s: TableSort) => {
          this.urlSort = { field: s.key as BreakdownSortField, direction: s.direction };
          this.urlOffset = 0;
        },
        t: this.t2,
      })}
      ${pager({
        offset,
        limit: this.limit,
        total: result.total,
        t: this.t2,
        fmt: this.fmt,
        label: this.t('domains.pager'),
        onPage: (o) => (this.urlOffset = clampOffset(o, this.limit, result.total)),
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
    return DOMAIN_GRAPH_METRICS.includes(this.graphMetric) ? this.graphMetric : 'plays';
  }

  private dateLabel(date: string): string {
    return this.granularity === 'month' ? this.fmt.month(date) : this.fmt.date(date);
  }

  private renderGraph(data: UrlsView) {
    const metric = this.graphMetricName;
    const points = data.timeline.points;
    const values = points.map((p) => p[metric]);
    const rtl = isRtl(this.locale);
    const frame: Frame = {
      width: Math.max(240, this.width - 2),
      height: GRAPH_HEIGHT,
      margin: mirrorMargins({ top: 12, right: 16, bottom: 28, left: 52 }, rtl),
    };
    const n = values.length;
    const x = xScale([0, Math.max(0, n - 1)], frame, rtl);
    const y = yScale(seriesMax(values), frame, 4);
    const ticks = yTicks(y, 4);
    const xTicks = indexTicks(n, Math.max(2, Math.floor(frame.width / 90)));
    const metricLabel = this.t(`metric.${metric}` as MessageKey);
    const granularity = this.t(this.granularity === 'month' ? 'domains.monthly' : 'domains.daily');
    const label = this.t('domains.graphLabel', { metric: metricLabel, domain: data.domain, granularity });
    const rate = metric === 'avgCompletionRate' || metric === 'avgDropOffRate';
    let maxI = 0;
    values.forEach((v, i) => (v > values[maxI]! ? (maxI = i) : 0));
    const summary = n
      ? this.t(rate ? 'domains.graphSummaryRate' : 'domains.graphSummary', {
          count: this.fmt.count(n),
          from: this.dateLabel(points[0]!.date),
          to: this.dateLabel(points[n - 1]!.date),
          max: this.format(metric, values[maxI]!),
          date: this.dateLabel(points[maxI]!.date),
          total: this.format(metric, values.reduce((s, v) => s + v, 0)),
        })
      : '';
    const active = this.point >= 0 && this.point < n ? this.point : -1;
    const pointText = (i: number) =>
      this.t('domains.point', { date: this.dateLabel(points[i]!.date), metric: metricLabel, value: this.format(metric, values[i]!) });
    const axisX = rtl ? frame.width - frame.margin.right + 6 : frame.margin.left - 6;
    return html`<div class="graph-head">
        <h3>${this.t('domains.graphTitle', { domain: data.domain })}</h3>
        <div class="controls">
          <label class="metric"
            >${this.t('domains.graphMetric')}
            <select @change=${(e: Event) => (this.graphMetric = (e.target as HTMLSelectElement).value as MetricName)}>
              ${DOMAIN_GRAPH_METRICS.map(
                (m) => html`<option value=${m} ?selected=${m === metric}>${this.t(`metric.${m}` as MessageKey)}</option>`,
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
        <p class="sr-only" id="${this.uid}-graph-summary">${summary} ${this.t('domains.graphKeys')}</p>
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
          ? html`<div class="tooltip" part="tooltip" aria-hidden="true" style="left:${(x(active) / frame.width) * 100}%">
              <strong>${this.dateLabel(points[active]!.date)}</strong><br />${metricLabel}: ${this.format(metric, values[active]!)}
            </div>`
          : nothing}
        <div class="sr-only graph-live" role="status" aria-live="polite">${active >= 0 && this.pointTip ? pointText(active) : ''}</div>
        <button
          type="button"
          class="toggle graph-toggle"
          aria-expanded=${this.showGraphTable ? 'true' : 'false'}
          aria-controls="${this.uid}-graph-table"
          @click=${() => (this.showGraphTable = !this.showGraphTable)}
        >
          ${this.t(this.showGraphTable ? 'action.hideTable' : 'action.showTable')}
        </button>
        <div id="${this.uid}-graph-table">
          ${this.showGraphTable
            ? dataTable({
                caption: label,
                columns: [
                  { key: 'date', label: this.t('domains.date'), rowHeader: true, cell: (p: (typeof points)[number]) => this.dateLabel(p.date) },
                  ...DOMAIN_GRAPH_METRICS.map((m) => ({
                    key: m,
                    label: this.t(`metric.${m}` as MessageKey),
                    numeric: true,
                    cell: (p: (typeof points)[number]) => this.format(m, p[m]),
                  })),
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

  protected override csvTable(data: DomainsData): CsvTable {
    const metrics: (keyof BreakdownMetrics)[] = [
      'plays',
      'distribution',
      'impressions',
      'playImpressionRatio',
      'minutesViewed',
      'avgCompletionRate',
      'avgDropOffRate',
      'uniqueViewers',
    ];
    if (data.view === 'domains')
      return {
        name: this.t('domains.title'),
        columns: ['rank', 'domain', ...metrics],
        rows: data.result.rows.map((r, i) => [this.offset + i + 1, r.domain, ...metrics.map((m) => r[m])]),
      };
    return {
      name: this.t('domains.titleDomain', { domain: data.domain }),
      columns: ['rank', 'url', ...metrics],
      rows: data.result.rows.map((r, i) => [this.urlOffset + i + 1, r.url, ...metrics.map((m) => r[m])]),
    };
  }
}
