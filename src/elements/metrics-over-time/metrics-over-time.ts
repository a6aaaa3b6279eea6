import { html, svg, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { cssProps } from '../shared/css-props.js';
import { AnalyticsPanel, type LoadContext } from '../shared/analytics-panel.js';
import type { LegendItem } from '../shared/chart-image.js';
import { METRICS, type DateRange, type Granularity, type MetricName, type TimelinePoint, type TimelineResult } from '../../data/types.js';
import { csvMetric, formatMetric, hasValue, metricDef, noValueReason } from '../../data/metrics.js';
import { metricValue } from '../shared/data-table.js';
import type { CsvColumn, CsvTable } from '../../data/csv.js';
import { isRtl, type MessageKey, type MessageParams } from '../../i18n/index.js';
import { mirrorMargins, nearestIndex, xScale, type Frame } from '../../charts/line-chart.js';
import {
  alignByOffset,
  peakIndex,
  sortedIndexes,
  timelineIsEmpty,
  timelineLayout,
  type TableSort,
  type TimelineLayout,
} from '../../charts/timeline.js';
import { bucketBounds, timelineCoverage, type BucketCoverage } from '../../charts/partial.js';
import { todayIn } from '../../data/dates.js';
import { WidthController } from '../shared/width-controller.js';
import { ScrubController } from '../shared/scrub-controller.js';
import { besideStyle, chartTextStyles, lineChartStyles, liveRegion, tableToggle, tooltipStyles } from '../shared/chart-parts.js';
import { metricsOverTimeStyles } from './metrics-over-time.styles.js';


/** Each answer's bucket coverage, computed once (see `coverage`). */
const coverageOf = new WeakMap<TimeData, BucketCoverage[]>();
/**
 * The most rows the data table renders (a leap year of days); a longer timeline's table shows the first rows in the
 * chosen order and says so, and the CSV export has every point. The chart draws every point.
 */
const TABLE_ROWS = 366;

/** What `<metrics-over-time>` loads: the timeline of the range and, when comparing, of the compare range. */
export interface TimeData {
  current: TimelineResult;
  previous?: TimelineResult;
  /**
   * The range asked for and today in its time zone, which tell the partial buckets: months the range takes only in
   * part, and the bucket holding today (not over yet). Without them no bucket is marked partial.
   */
  range?: DateRange;
  today?: string;
}

const HEIGHT = 260;
const MARGIN = { top: 16, right: 56, bottom: 30, left: 56 };
const PRIMARY = 'var(--_series-1)';
const SECOND = 'var(--_series-2)';

/**
 * One metric of the entry per day or month: tabs for impressions, plays, unique viewers, minutes viewed, average
 * completion and drop-off rates; a second metric from a menu on a second axis; the compare period as dashed lines
 * aligned by offset from the start of each range (day i under day i); tooltips on hover and keyboard focus; "View
 * details" opens a sortable table of every metric per bucket, which is also what the CSV export holds. A bucket the
 * range holds only in part (a month cut by the range's first or last day, or the day or month holding today) is drawn
 * as a hollow point reached by a dotted segment, and its tooltip, announcement and table row say how much it holds.
 *
 * @summary Metrics per day or month with a second axis, compare period and details table.
 * @csspart tabs - The metric tabs.
 * @csspart tab - One metric tab.
 * @csspart controls - Granularity buttons and the second-metric menu.
 * @csspart chart - The focusable chart (a slider over the days or months).
 * @csspart plot - The SVG.
 * @csspart series - The primary metric's line (`series-second` for the second metric).
 * @csspart series-partial - The dotted segments into and out of partial buckets.
 * @csspart compare - A compare-period line.
 * @csspart tooltip - The tooltip.
 * @csspart summary - The text summary under the chart.
 * @csspart details-toggle - The "View details" button.
 * @csspart table - The details table.
 * @cssprop --ea-series-1 - Colour of the primary metric.
 * @cssprop --ea-series-2 - Colour of the second metric.
 * @cssprop --ea-chart-height - Height of the chart (default 260px).
 */
export class MetricsOverTime extends AnalyticsPanel<TimeData> {
  static override styles = [
    ...AnalyticsPanel.styles,
    lineChartStyles,
    tooltipStyles,
    chartTextStyles,
    metricsOverTimeStyles,
  ];

  /**
   * The metrics offered as tabs and in the details table and CSV, in order (a JS property). Image entries, which have
   * no duration, are best given `['impressions', 'plays', 'uniqueViewers']`.
   */
  @property({ attribute: false }) metrics: MetricName[] = [...METRICS];

  /** The metric drawn on the main axis. */
  @property({ reflect: true }) metric: MetricName = 'plays';

  /** A second metric on a second axis, or '' for none. */
  @property({ attribute: 'second-metric' }) secondMetric: MetricName | '' = '';

  /** Buckets of `day`s or `month`s; reloads when changed. */
  @property({ reflect: true }) granularity: Granularity = 'day';

  /** Whether the details table shows. */
  @property({ type: Boolean, reflect: true }) details = false;

  @state() private sort: TableSort = { field: 'date', direction: 'asc' };

  /** The chart's layout (scales, ticks, paths) and the inputs it was computed from. */
  private view?: { key: unknown[]; layout: TimelineLayout };

  private readonly size = new WidthController(this, '.chart');
  /** Keyboard scrub, hover, tooltip and live region over the days or months. */
  private readonly scrub = new ScrubController(this, {
    count: () => this.data?.current.points.length ?? 0,
    indexAt: (e) => this.indexAt(e),
    describe: (i) => (this.data ? this.describe(this.data, i) : ''),
    rtl: () => this.rtl,
  });

  protected override loadArgs(): unknown[] {
    return [this.granularity];
  }

  protected override hasChartImage(): boolean {
    return true;
  }

  /** The chart has no legend element (the tabs name the metric): the image gets one from the drawn lines. */
  protected override chartImageParts(): { chart: Element; legends: Element[]; legendItems: LegendItem[] } | undefined {
    const chart = this.renderRoot.querySelector('[part~="chart"]');
    if (!chart) return undefined;
    const items: LegendItem[] = [];
    for (const path of chart.querySelectorAll<SVGPathElement>('path.series, path.compare')) {
      const metric = path.dataset['metric'] as MetricName;
      const label = this.metricLabel(metric);
      const compare = path.classList.contains('compare');
      items.push({
        label: compare ? this.t('time.compareSeries', { metric: label }) : label,
        color: getComputedStyle(path).stroke,
        dashed: compare,
      });
    }
    // Series first, then their compare lines, as in the chart's tooltip.
    items.sort((a, b) => Number(Boolean(a.dashed)) - Number(Boolean(b.dashed)));
    return { chart, legends: [], legendItems: items };
  }

  protected override panelTitle(): string {
    return this.t('time.title');
  }

  protected override async load(ctx: LoadContext): Promise<TimeData> {
    const granularity = this.granularity === 'month' ? 'month' : 'day';
    const [current, previous] = await Promise.all([
      ctx.ask({ ...ctx.base, kind: 'timeline', granularity }),
      ctx.compare ? ctx.ask({ ...ctx.compare, kind: 'timeline', granularity }) : undefined,
    ]);
    return { current, previous, range: ctx.base.range, today: todayIn(ctx.base.timeZone) };
  }

  protected override isEmpty(data: TimeData): boolean {
    return timelineIsEmpty(data.current.points);
  }

  // ---- helpers

  private get rtl(): boolean {
    return isRtl(this.locale);
  }

  /** The metrics shown: `metrics` in contract order, or every metric when none is valid. */
  private get shown(): MetricName[] {
    const valid = METRICS.filter((m) => this.metrics?.includes(m));
    return valid.length ? valid : [...METRICS];
  }

  private get primary(): MetricName {
    const shown = this.shown;
    return shown.includes(this.metric) ? this.metric : shown.includes('plays') ? 'plays' : shown[0]!;
  }

  private get second(): MetricName | undefined {
    const s = this.secondMetric;
    return s && this.shown.includes(s) && s !== this.primary ? s : undefined;
  }

  private metricLabel(m: MetricName): string {
    return this.t(metricDef(m).label);
  }

  private metricHelp(m: MetricName): string | typeof nothing {
    const help = metricDef(m).help;
    return help ? this.t(help) : nothing;
  }

  private t2 = (key: MessageKey, params?: MessageParams) => this.t(key, params);

  /** A point's value as text: "—" and the reason for a rate without its denominator (a day without plays). */
  private pointText(m: MetricName, p: TimelinePoint | undefined): string {
    if (!p) return this.t('time.notAvailable');
    return hasValue(m, p) ? formatMetric(this.fmt, m, p[m]) : `${this.t('rate.none')} ${this.t(noValueReason(m))}`;
  }

  private axisLabel(m: MetricName, v: number): string {
    return formatMetric(this.fmt, m, v, { compact: true });
  }

  private dateLabel(iso: string, long = false): string {
    if (this.granularityOf() === 'month') return this.fmt.month(iso);
    return long ? this.fmt.date(iso) : this.fmt.shortDate(iso);
  }

  private granularityOf(): Granularity {
    return this.data?.current.granularity ?? this.granularity;
  }

  private frame(): Frame {
    return { width: Math.max(200, this.size.width), height: HEIGHT, margin: mirrorMargins(MARGIN, this.rtl) };
  }

  private unit(): string {
    return this.t(`time.unit.${this.granularityOf()}` as MessageKey);
  }

  /** How much of its bucket each point of the main range holds (all whole when the range is not known). */
  private coverage(data: TimeData): BucketCoverage[] | undefined {
    if (!data.range) return undefined;
    // Once per answer: every point's text asks for it, and a long answer has thousands of points.
    let c = coverageOf.get(data);
    if (!c) {
      c = timelineCoverage(
        data.current.points.map((p) => p.date),
        data.current.granularity,
        data.range,
        data.today,
      );
      coverageOf.set(data, c);
    }
    return c;
  }

  /** What a partial point holds, in words ("Partial month: Dec 1–3 only…"), or '' for a whole bucket. */
  private partialText(data: TimeData, i: number): string {
    const c = this.coverage(data)?.[i];
    const p = data.current.points[i];
    if (!c?.partial || !p || !data.range) return '';
    if (data.current.granularity === 'day') return this.t('time.partial.today');
    const bucket = bucketBounds(p.date, 'month');
    const from = bucket.from > data.range.from ? bucket.from : data.range.from;
    const to = bucket.to < data.range.to ? bucket.to : data.range.to;
    const range = from === to ? this.fmt.date(from) : this.fmt.dateRange(from, to);
    return this.t(c.ongoing ? 'time.partial.monthOngoing' : 'time.partial.month', { range, days: c.days, total: c.total });
  }

  private describe(data: TimeData, i: number): string {
    const p = data.current.points[i];
    if (!p) return '';
    const prev = alignByOffset(data.current.points, data.previous?.points)[i];
    const metrics = [this.primary, ...(this.second ? [this.second] : [])];
    const values = metrics.map((m) =>
      prev
        ? this.t('time.valueCompare', {
            metric: this.metricLabel(m),
            value: this.pointText(m, p),
            date: this.dateLabel(prev.date, true),
            previous: this.pointText(m, prev),
          })
        : this.t('time.value', { metric: this.metricLabel(m), value: this.pointText(m, p) }),
    );
    const said = this.t('time.announce', { date: this.dateLabel(p.date, true), values: values.join(', ') });
    const partial = this.partialText(data, i);
    return partial ? `${said} ${partial}.` : said;
  }

  // ---- interaction

  private selectMetric(m: MetricName, focus = false) {
    this.metric = m;
    if (this.secondMetric === m) this.secondMetric = '';
    if (focus)
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`[role=tab][data-metric="${m}"]`)?.focus(),
      );
  }

  private onTabKey(e: KeyboardEvent) {
    const i = this.shown.indexOf(this.primary);
    let next: number | undefined;
    if (e.key === 'ArrowRight') next = i + (this.rtl ? -1 : 1);
    else if (e.key === 'ArrowLeft') next = i + (this.rtl ? 1 : -1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = this.shown.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    this.selectMetric(this.shown[(next + this.shown.length) % this.shown.length]!, true);
  }

  private indexAt(e: MouseEvent): number {
    const svgEl = this.renderRoot.querySelector('.chart svg');
    const n = this.data?.current.points.length ?? 0;
    if (!svgEl || !n) return -1;
    const rect = svgEl.getBoundingClientRect();
    return nearestIndex(e.clientX - rect.left, xScale([0, n - 1], this.frame(), this.rtl), n);
  }

  private sortBy(field: TableSort['field']) {
    this.sort =
      this.sort.field === field
        ? { field, direction: this.sort.direction === 'asc' ? 'desc' : 'asc' }
        : { field, direction: field === 'date' ? 'asc' : 'desc' };
  }

  // ---- layout

  /** The inputs of the layout; it is recomputed only when one of them changes (not on hover or scrub steps). */
  private layoutKey(data: TimeData): unknown[] {
    return [data, this.frame().width, this.rtl, this.primary, this.second];
  }

  /** The stored layout for `data`, computed again only when its inputs changed. */
  private layoutFor(data: TimeData): TimelineLayout {
    const key = this.layoutKey(data);
    if (this.view && sameKey(this.view.key, key)) return this.view.layout;
    const layout = timelineLayout({
      points: data.current.points,
      previous: data.previous?.points,
      primary: this.primary,
      second: this.second,
      frame: this.frame(),
      rtl: this.rtl,
      partial: this.coverage(data)?.map((c) => c.partial),
    });
    this.view = { key, layout };
    return layout;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.data) this.layoutFor(this.data);
  }

  // ---- rendering

  protected override renderActions() {
    const g = this.granularity;
    return html`<div class="group" role="group" aria-label=${this.t('time.granularity')}>
      ${(['day', 'month'] as const).map(
        (v) => html`<button
          type="button"
          class="granularity"
          data-value=${v}
          aria-pressed=${g === v ? 'true' : 'false'}
          @click=${() => (this.granularity = v)}
        >
          ${this.t(v === 'day' ? 'time.day' : 'time.month')}
        </button>`,
      )}
    </div>`;
  }

  protected override renderData(data: TimeData) {
    const points = data.current.points;
    const n = points.length;
    const primary = this.primary;
    const second = this.second;
    const frame = this.frame();
    const rtl = this.rtl;
    const hasCompare = data.previous !== undefined;
    // Computed in willUpdate(); recomputed here only if the width controller measured a new width after it.
    const layout = this.layoutFor(data);
    const { box, primary: a1, second: a2 } = layout;
    const active = this.scrub.activeIn(n);
    const leftX = rtl ? box.right + 6 : box.left - 6;
    const rightX = rtl ? box.left - 6 : box.right + 6;
    const title = second
      ? this.t('time.chartLabelTwo', { metric: this.metricLabel(primary), second: this.metricLabel(second), unit: this.unit() })
      : this.t('time.chartLabel', { metric: this.metricLabel(primary), unit: this.unit() });

    const chart = svg`<g aria-hidden="true">
      ${a1.ticks.map(
        (t) => svg`<line class="grid" x1=${box.left} x2=${box.right} y1=${t.position} y2=${t.position}></line>
          <text class="axis y1" x=${leftX} y=${t.position} dy="0.32em" text-anchor=${rtl ? 'start' : 'end'}>${this.axisLabel(a1.metric, t.value)}</text>`,
      )}
      ${a2
        ? a2.ticks.map(
            (t) => svg`<text class="axis y2" x=${rightX} y=${t.position} dy="0.32em" text-anchor=${rtl ? 'end' : 'start'}>${this.axisLabel(a2.metric, t.value)}</text>`,
          )
        : nothing}
      ${layout.xTicks.map(
        (t) => svg`<text class="axis x" x=${t.position} y=${box.bottom + 18} text-anchor="middle">${this.dateLabel(points[t.index]!.date)}</text>`,
      )}
      ${a1.compare !== undefined ? svg`<path part="compare" class="compare" data-metric=${a1.metric} stroke=${PRIMARY} d=${a1.compare}></path>` : nothing}
      ${a2?.compare !== undefined ? svg`<path part="compare" class="compare" data-metric=${a2.metric} stroke=${SECOND} d=${a2.compare}></path>` : nothing}
      ${a2 ? svg`<path part="series series-second" class="series second" data-metric=${a2.metric} stroke=${SECOND} d=${a2.line}></path>` : nothing}
      ${a2?.partialLine ? svg`<path part="series-partial" class="partial second" data-metric=${a2.metric} stroke=${SECOND} d=${a2.partialLine}></path>` : nothing}
      <path part="series" class="series primary" data-metric=${a1.metric} stroke=${PRIMARY} d=${a1.line}></path>
      ${a1.partialLine ? svg`<path part="series-partial" class="partial primary" data-metric=${a1.metric} stroke=${PRIMARY} d=${a1.partialLine}></path>` : nothing}
      ${a1.ys.map((cy, i) =>
        layout.partial[i]
          ? svg`<circle class="dot hollow" r="3.5" stroke=${PRIMARY} cx=${layout.xs[i]!} cy=${cy}></circle>`
          : layout.dots
            ? svg`<circle class="dot" r="3" fill=${PRIMARY} cx=${layout.xs[i]!} cy=${cy}></circle>`
            : nothing,
      )}
      ${active >= 0
        ? svg`<line class="focus-line" x1=${layout.xs[active]!} x2=${layout.xs[active]!} y1=${box.top} y2=${box.bottom}></line>
          ${layout.partial[active]
            ? svg`<circle class="dot hollow" r="5" stroke=${PRIMARY} cx=${layout.xs[active]!} cy=${a1.ys[active]!}></circle>`
            : svg`<circle class="dot" r="5" fill=${PRIMARY} cx=${layout.xs[active]!} cy=${a1.ys[active]!}></circle>`}
          ${a2 ? svg`<circle class="dot" r="5" fill=${SECOND} cx=${layout.xs[active]!} cy=${a2.ys[active]!}></circle>` : nothing}`
        : nothing}
    </g>`;

    return html`
      <div role="tablist" part="tabs" aria-label=${this.t('time.metrics')} @keydown=${this.onTabKey}>
        ${this.shown.map((m) => {
          const selected = m === primary;
          return html`<button
            type="button"
            role="tab"
            part="tab"
            id="${this.uid}-tab-${m}"
            data-metric=${m}
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="${this.uid}-tabpanel"
            tabindex=${selected ? '0' : '-1'}
            title=${this.metricHelp(m)}
            @click=${() => this.selectMetric(m)}
          >
            ${this.metricLabel(m)}
          </button>`;
        })}
      </div>
      <div role="tabpanel" id="${this.uid}-tabpanel" aria-labelledby="${this.uid}-tab-${primary}">
        <div class="controls" part="controls">
          <label
            >${this.t('time.second')}
            <select
              class="second"
              @change=${(e: Event) => (this.secondMetric = (e.target as HTMLSelectElement).value as MetricName | '')}
            >
              <option value="" ?selected=${!second}>${this.t('time.secondNone')}</option>
              ${this.shown.filter((m) => m !== primary).map(
                (m) => html`<option value=${m} ?selected=${m === second}>${this.metricLabel(m)}</option>`,
              )}
            </select></label
          >
          <span class="key" aria-hidden="true">
            <span><span class="swatch" style=${cssProps({ color: PRIMARY })}></span>${this.metricLabel(primary)}</span>
            ${second ? html`<span><span class="swatch" style=${cssProps({ color: SECOND })}></span>${this.metricLabel(second)}</span>` : nothing}
            ${layout.partial.includes(true)
              ? html`<span><span class="swatch dotted" style=${cssProps({ color: PRIMARY })}></span>${this.t('time.partial.key')}</span>`
              : nothing}
            ${hasCompare
              ? html`<span><span class="swatch dashed" style=${cssProps({ color: PRIMARY })}></span>${this.t('time.comparePeriod')}</span>`
              : nothing}
          </span>
        </div>
        <div
          class="chart"
          part="chart"
          tabindex="0"
          role="slider"
          aria-label=${title}
          aria-describedby="${this.uid}-summary ${this.uid}-help"
          aria-valuemin="0"
          aria-valuemax=${Math.max(0, n - 1)}
          aria-valuenow=${Math.max(0, active)}
          aria-valuetext=${points[Math.max(0, active)] ? this.dateLabel(points[Math.max(0, active)]!.date, true) : ''}
          @pointermove=${this.scrub.onPointerMove}
          @pointerleave=${this.scrub.onPointerLeave}
          @focus=${this.scrub.onFocus}
          @blur=${this.scrub.onBlur}
          @keydown=${this.scrub.onKeyDown}
        >
          <svg part="plot" width=${frame.width} height=${frame.height} viewBox="0 0 ${frame.width} ${frame.height}" aria-hidden="true">
            ${chart}
          </svg>
          ${this.scrub.tipOpen && active >= 0 ? this.renderTooltip(data, active, layout.xs[active]!, frame.width) : nothing}
        </div>
        <p class="summary" part="summary" id="${this.uid}-summary">${this.summaryText(points)}</p>
        <p class="sr-only" id="${this.uid}-help">${this.t('time.instructions', { unit: this.unit() })}</p>
        ${liveRegion(this.scrub.announcement)}
      </div>
      ${tableToggle({
        open: this.details,
        controls: `${this.uid}-details`,
        label: this.t(this.details ? 'time.hideDetails' : 'time.details'),
        toggle: () => (this.details = !this.details),
        name: 'details-toggle',
      })}
      <div
        class="details"
        id="${this.uid}-details"
        ?hidden=${!this.details}
        role="region"
        tabindex=${this.details ? '0' : '-1'}
        aria-label=${this.t('time.table.caption', { unit: this.unit() })}
      >
        ${this.details ? this.renderDetails(data) : nothing}
      </div>
    `;
  }

  private renderTooltip(data: TimeData, i: number, x: number, width: number) {
    const p = data.current.points[i]!;
    const prev = alignByOffset(data.current.points, data.previous?.points)[i];
    const metrics = [this.primary, ...(this.second ? [this.second] : [])];
    const partial = this.partialText(data, i);
    return html`<div class="tooltip" part="tooltip" aria-hidden="true" style=${cssProps(besideStyle(x, width))}>
      <p class="head">${this.dateLabel(p.date, true)}</p>
      ${partial ? html`<p class="partial-note">${partial}</p>` : nothing}
      ${metrics.map((m) => html`<p data-metric=${m}>${this.metricLabel(m)}: <strong>${this.pointText(m, p)}</strong></p>`)}
      ${data.previous
        ? html`<p class="head compare-head">${this.t('time.comparePeriod')}: ${prev ? this.dateLabel(prev.date, true) : ''}</p>
            ${metrics.map(
              (m) => html`<p class="compare-value" data-metric=${m}>${this.metricLabel(m)}: ${this.pointText(m, prev)}</p>`,
            )}`
        : nothing}
    </div>`;
  }

  private renderDetails(data: TimeData) {
    const points = data.current.points;
    const order = sortedIndexes(points, this.sort);
    const header = (field: TableSort['field'], label: string) => {
      const sorted = this.sort.field === field;
      return html`<th
        scope="col"
        aria-sort=${sorted ? (this.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
        data-field=${field}
      >
        <button type="button" @click=${() => this.sortBy(field)}>
          ${label}${sorted ? html`<span aria-hidden="true">${this.sort.direction === 'asc' ? ' ▲' : ' ▼'}</span>` : nothing}
        </button>
      </th>`;
    };
    return html`<table part="table">
      <caption>
        ${this.t('time.table.caption', { unit: this.unit() })}
      </caption>
      <thead>
        <tr>
          ${header('date', this.t('time.table.date'))} ${this.shown.map((m) => header(m, this.metricLabel(m)))}
        </tr>
      </thead>
      <tbody>
        ${order.slice(0, TABLE_ROWS).map((i) => {
          const p = points[i]!;
          const partial = this.partialText(data, i);
          return html`<tr class=${partial ? 'partial' : ''}>
            <th scope="row">
              ${this.dateLabel(p.date, true)}${partial ? html`<span class="partial-note">${partial}</span>` : nothing}
            </th>
            ${this.shown.map((m) => html`<td>${metricValue(m, p, this.fmt, this.t2)}</td>`)}
          </tr>`;
        })}
      </tbody>
    </table>
    ${order.length > TABLE_ROWS
      ? html`<p class="summary">${this.t('table.truncated', { shown: this.fmt.count(TABLE_ROWS), total: this.fmt.count(order.length) })}</p>`
      : nothing}`;
  }

  private summaryText(points: readonly TimelinePoint[]): string {
    const m = this.primary;
    const best = peakIndex(points, m);
    if (best < 0) return this.t('time.summaryNone', { metric: this.metricLabel(m) });
    return this.t('time.summaryMax', {
      metric: this.metricLabel(m),
      date: this.dateLabel(points[best]!.date, true),
      max: this.pointText(m, points[best]),
    });
  }

  protected override csvTable(data: TimeData): CsvTable {
    const { current, previous } = data;
    const columns: CsvColumn[] = [this.csvName('date', this.t('time.table.date')), ...this.shown.map((m) => this.csvMetricColumn(m))];
    if (previous)
      columns.push(
        this.csvName('compareDate', this.t('time.table.compareDate')),
        ...this.shown.map((m) => this.csvName(`${m} compare`, this.t('time.table.compare', { metric: this.metricLabel(m) }))),
      );
    const aligned = alignByOffset(current.points, previous?.points);
    const rows = current.points.map((p, i) => {
      const row: (string | number | undefined)[] = [p.date, ...this.shown.map((m) => csvMetric(m, p))];
      if (previous) {
        const q = aligned[i];
        row.push(q?.date, ...this.shown.map((m) => (q ? csvMetric(m, q) : undefined)));
      }
      return row;
    });
    return { name: this.t('time.title'), columns, rows };
  }
}

/** Whether two layout keys hold the same inputs. */
const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);
