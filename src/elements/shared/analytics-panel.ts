import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { DataProvider, DateRange, EntryType, Filters, Query, QueryBase, ResultOf } from '../../data/types.js';
import { runQuery } from '../../data/validate.js';
import { addDays, dateIn, isIsoDate, todayIn } from '../../data/dates.js';
import { compareCoverage, type CompareCoverage } from '../../data/compare.js';
import { toCsv, csvFileName, type CsvHeaders, type CsvName, type CsvTable } from '../../data/csv.js';
import { formatters, isRtl, translate, type Formatters, type MessageKey, type MessageParams } from '../../i18n/index.js';
import { tokens, base, type ThemeSetting } from '../../theme/tokens.js';
import { resolveLang } from './lang.js';
import { downloadBlob, downloadText } from './download.js';
import { chartSvg, svgToPng, type ChartImage, type LegendItem } from './chart-image.js';
import { ProviderTimeoutError, errorDetail, errorMessage, isTimeout, stateStyles } from './states.js';
import { panelStyles } from './analytics-panel.styles.js';
import { applyPreset, takePreset } from './preset-properties.js';
import { providerErrorKind } from '../../data/errors.js';
import { metricDef, metricsFor, type MetricKey } from '../../data/metrics.js';
import { emit } from '../../events.js';
import { LoadController, TaskStatus } from './load-controller.js';
import { RovingFocusController } from './roving-focus.js';

export { ProviderTimeoutError };

/** What a panel's loader gets: the query parts for the main range and, when comparing, for the compare range. */
export interface LoadContext {
  /** Common query fields for the main range. */
  base: QueryBase;
  /** Common query fields for the compare range, when one is set. */
  compare?: QueryBase;
  /** Aborted when inputs change, the element disconnects or the timeout passes. */
  signal: AbortSignal;
  /** Asks the provider and validates the answer against the contract. */
  ask<Q extends Query>(query: Q): Promise<ResultOf<Q>>;
}

let uid = 0;

/**
 * Base class of every panel: the inputs every element takes (provider, entry, range, compare range, time zone,
 * filters, language), the four states (initial, loading that keeps the last result dimmed, complete, error with a
 * retry), the panel frame (title, actions, CSV export) and localisation helpers.
 *
 * A subclass implements {@link load} (ask the provider through `ctx.ask`, never compute metrics), {@link renderData},
 * {@link panelTitle} and {@link csvTable}; it may override {@link isEmpty}, {@link renderActions} and
 * {@link loadArgs} (extra inputs that should trigger a reload).
 *
 * @csspart panel - The panel's frame.
 * @csspart header - The title row.
 * @csspart title - The title.
 * @csspart actions - The actions in the title row.
 * @csspart body - Where the data shows.
 * @csspart error - The error message and retry button.
 * @csspart export - The CSV export button.
 * @csspart compare-note - The note on a compare period that lies (partly) before the entry was created.
 * @csspart export-png - The button that downloads the chart as PNG (panels with a chart).
 * @csspart export-svg - The button that downloads the chart as SVG (panels with a chart).
 * @cssprop --ea-color-surface - Panel background.
 * @cssprop --ea-color-border - Borders and grid lines.
 * @cssprop --ea-color-text - Text colour.
 * @cssprop --ea-color-accent - Accent (primary series, focus, selected tabs).
 */
export abstract class AnalyticsPanel<T> extends LitElement {
  static override styles = [
    tokens,
    base,
    stateStyles,
    panelStyles,
  ];

  /** Values a host set on plain accessors before the tag was defined (see preset-properties.ts). */
  private readonly presetAccessors = takePreset(this);

  /** First update: after Lit has put back its own pre-set properties, so setters see them (`page` needs `pageSize`). */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (this.presetAccessors.size) applyPreset(this, this.presetAccessors);
    return super.shouldUpdate(changed);
  }

  /** The data provider (a JS property, never an attribute). */
  @property({ attribute: false }) provider?: DataProvider;

  /** The entry (media) id. */
  @property({ attribute: 'entry-id' }) entryId = '';

  /** First day of the range, `YYYY-MM-DD`. Default: 29 days before `to`. */
  @property() from = '';

  /** Last day of the range, `YYYY-MM-DD`. Default: today in `time-zone`. */
  @property() to = '';

  /** First day of the compare range; compare is off unless both compare ends are set. */
  @property({ attribute: 'compare-from' }) compareFrom = '';

  /** Last day of the compare range. */
  @property({ attribute: 'compare-to' }) compareTo = '';

  /** IANA time zone for days and months. Default: the browser's. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** Filters (a JS property); treat as immutable: assign a new object to change it. */
  @property({ attribute: false }) filters: Filters = {};

  /**
   * Milliseconds to wait for the provider before showing an error. `Infinity` waits as long as it takes; values above
   * 2³¹−1 (what browser timers support, about 24.8 days) are clamped to it; anything not positive means 30 s.
   * Whatever the value, removing the element aborts its request at once.
   */
  @property({ type: Number }) timeout = 30_000;

  /**
   * Colour theme: `light`, `dark`, `auto` (follows the system's light or dark setting) or `high-contrast`. Unset, the
   * element takes the theme of a themed ancestor (a panel inside the dashboard takes the dashboard's), else light.
   * Public `--ea-*` colour properties set by the page win over every theme.
   */
  @property({ reflect: true }) theme?: ThemeSetting;

  /** The element's language; also read from ancestors when unset. */
  @property({ reflect: true }) override lang = '';

  /**
   * When the entry was created: an ISO 8601 instant or a day `YYYY-MM-DD` (the dashboard sets it from the entry). A
   * compare period that ends before that day is not loaded, one that starts before it is marked; either way the panel
   * says so above its data, and no trend is claimed from days the entry did not exist.
   */
  @property() created = '';

  /**
   * The entry's type (`video`, `audio`, `image`; the dashboard sets it from the entry). An image has no playback: its
   * panels and CSV exports leave out the metrics that mean nothing for it (minutes viewed, completion and drop-off
   * rates; the metric registry's `appliesTo`). Unset: every metric.
   */
  @property({ attribute: 'entry-type' }) entryType: EntryType | '' = '';

  /**
   * The column titles of CSV exports: `labels` (default), in the page's language, as a person reading the file
   * expects; `fields`, the stable field names (`plays`, `avgCompletionRate`, `plays 2026-01-01..2026-01-31`), with
   * device classes and metrics named by their ids, for programs that read the files. Values are the same either way.
   */
  @property({ attribute: 'csv-headers' }) csvHeaders: CsvHeaders = 'labels';

  /** Id prefix unique to this instance, for aria references inside the shadow root. */
  protected readonly uid = `ea${++uid}`;

  /** The last data that loaded, kept visible (dimmed) while the next loads. */
  protected data?: T;

  /** Every table and toolbar of the panel is one Tab stop (arrow keys inside). */
  protected readonly roving = new RovingFocusController(this);

  /**
   * Whether an ancestor (`<entry-analytics>`) took charge of the last `session-expired` failure: the panel then keeps
   * its last figures dimmed and leaves the one message to the dashboard.
   */
  private sessionHandled = false;

  /** Runs {@link load} when an input changes; aborts it on removal and at the deadline (see LoadController). */
  protected readonly loader: LoadController<T> = new LoadController<T>(this, {
    args: () => [
      this.provider,
      this.entryId,
      this.from,
      this.to,
      this.compareFrom,
      this.compareTo,
      this.timeZone,
      this.filters,
      // Whether the compare period is asked for at all (not the creation instant itself: learning it reloads nothing
      // unless it rules the compare period out).
      this.compareCoverage?.kind === 'before',
      ...this.loadArgs(),
    ],
    timeout: () => this.timeout,
    load: (signal) => this.runLoad(signal),
  });

  /** Formatters for the element's language; refreshed each update. */
  protected fmt: Formatters = formatters('en');

  /** The effective language. */
  protected get locale(): string {
    return this.fmt.lang;
  }

  /** A message in the element's language. */
  protected t(key: MessageKey, params?: MessageParams): string {
    return translate(this.lang || this.fmt.lang, key, params);
  }

  /** The main range, with defaults applied. */
  get range(): DateRange {
    const zone = this.effectiveTimeZone;
    const to = isIsoDate(this.to) ? this.to : todayIn(zone);
    const from = isIsoDate(this.from) ? this.from : addDays(to, -29);
    return from <= to ? { from, to } : { from: to, to: from };
  }

  /** The compare range, or undefined. */
  get compareRange(): DateRange | undefined {
    if (!isIsoDate(this.compareFrom) || !isIsoDate(this.compareTo)) return undefined;
    return this.compareFrom <= this.compareTo
      ? { from: this.compareFrom, to: this.compareTo }
      : { from: this.compareTo, to: this.compareFrom };
  }

  /** The day the entry was created in the panel's time zone, when {@link created} says. */
  get createdDay(): string | undefined {
    const c = this.created;
    if (isIsoDate(c)) return c;
    return c && !Number.isNaN(Date.parse(c)) ? dateIn(c, this.effectiveTimeZone) : undefined;
  }

  /** How the compare range relates to the entry's creation day; undefined when not comparing. */
  get compareCoverage(): CompareCoverage | undefined {
    const range = this.compareRange;
    return range ? compareCoverage(range, this.createdDay) : undefined;
  }

  /** The time zone in force. */
  get effectiveTimeZone(): string {
    return this.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  }

  /** Loads again with the same inputs (what the error state's Retry button does). */
  reload(): void {
    this.loader.run();
  }

  /** Resolves once the current load has finished (successfully or not) and the element has rendered it. */
  async whenLoaded(): Promise<void> {
    // An input set just before this call only starts a load in the next update: let that update run first.
    await this.updateComplete;
    await this.loader.settled();
    await this.updateComplete;
  }

  /**
   * The panel's data as CSV text, or undefined when there is nothing to export. `headers` overrides
   * {@link csvHeaders} for this call.
   */
  toCsv(headers: CsvHeaders = this.csvHeaders): string | undefined {
    const table = this.data === undefined ? undefined : this.csvTable(this.data);
    return table ? toCsv(table, { headers }) : undefined;
  }

  /** Downloads the panel's data as a CSV file. */
  exportCsv(): void {
    const table = this.data === undefined ? undefined : this.csvTable(this.data);
    if (!table) return;
    const range = this.range;
    downloadText(csvFileName(table.name, range.from, range.to), toCsv(table, { headers: this.csvHeaders }), 'text/csv;charset=utf-8');
  }

  /**
   * The chart on screen as an image: the panel's title, the date range (and compare range), the chart and its
   * legend, in the panel's language and theme. Undefined when the panel shows no chart.
   */
  chartImage(): ChartImage | undefined {
    const parts = this.hasChartImage() && this.data !== undefined ? this.chartImageParts() : undefined;
    const frame = this.renderRoot.querySelector('[part~="panel"]');
    if (!parts || !frame) return undefined;
    const range = this.range;
    const compare = this.compareRange;
    const period = this.fmt.dateRange(range.from, range.to);
    return chartSvg({
      title: this.panelTitle(),
      subtitle: compare && this.chartShowsCompare()
        ? this.t('image.periodCompare', { range: period, compare: this.fmt.dateRange(compare.from, compare.to) })
        : period,
      chart: parts.chart,
      legends: parts.legends,
      legendItems: parts.legendItems,
      frame,
      lang: this.locale,
      dir: isRtl(this.locale) ? 'rtl' : 'ltr',
    });
  }

  /** Downloads the chart as a PNG or SVG file (see {@link chartImage}). */
  async exportImage(format: 'png' | 'svg'): Promise<void> {
    const image = this.chartImage();
    if (!image) return;
    const range = this.range;
    const name = csvFileName(this.panelTitle(), range.from, range.to).replace(/\.csv$/, `.${format}`);
    if (format === 'svg') downloadBlob(name, new Blob([image.svg], { type: 'image/svg+xml;charset=utf-8' }));
    else downloadBlob(name, await svgToPng(image));
  }

  // ---- for subclasses

  /** A CSV column or cell titled `label` on screen and `field` for programs (see {@link csvHeaders}). */
  protected csvName(field: string, label: string): CsvName {
    return { field, label };
  }

  /** A metric's CSV column: its id and its label. */
  protected csvMetricColumn(key: MetricKey): CsvName {
    return { field: key, label: this.t(metricDef(key).label) };
  }

  /** The CSV columns of a date range (a period's figures): `2026-01-01..2026-01-31`, and the range as the page writes it. */
  protected csvRangeColumn(range: DateRange): CsvName {
    return { field: `${range.from}..${range.to}`, label: this.fmt.dateRange(range.from, range.to) };
  }

  /** The metrics of `keys` that mean something for the entry's type (see {@link entryType}). */
  protected applicable<K extends MetricKey>(keys: readonly K[]): K[] {
    return metricsFor(keys, this.entryType);
  }

  /** Whether the panel shows a chart that can be saved as an image (its header then offers PNG and SVG). */
  protected hasChartImage(): boolean {
    return false;
  }

  /** Whether the chart draws the compare period (the image's subtitle then names it). */
  protected chartShowsCompare(): boolean {
    return true;
  }

  /** The chart element and its legend (default: the elements with the `chart` and `legend` parts). */
  protected chartImageParts(): { chart: Element; legends: Element[]; legendItems?: LegendItem[] } | undefined {
    const chart = this.renderRoot.querySelector('[part~="chart"]');
    return chart ? { chart, legends: [...this.renderRoot.querySelectorAll('[part~="legend"]')] } : undefined;
  }

  /** Extra inputs whose change should reload (a granularity, a drill-down level…). */
  protected loadArgs(): unknown[] {
    return [];
  }

  /** Fetches what the panel shows. Use `ctx.ask(query)`; results are validated. */
  protected abstract load(ctx: LoadContext): Promise<T>;

  /** The panel's visible title. */
  protected abstract panelTitle(): string;

  /** Renders the loaded data. */
  protected abstract renderData(data: T): TemplateResult | typeof nothing;

  /** The data as a table for CSV export. */
  protected abstract csvTable(data: T): CsvTable | undefined;

  /** Whether the loaded data has nothing to show (renders the empty state). */
  protected isEmpty(data: T): boolean {
    void data;
    return false;
  }

  /** Controls in the title row (tabs, selects…), before the export button. */
  protected renderActions(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Whether the panel's inputs are complete enough to load. */
  protected canLoad(): boolean {
    return Boolean(this.provider && this.entryId);
  }

  // ---- internals

  private async runLoad(signal: AbortSignal): Promise<T | undefined> {
    if (!this.canLoad()) return undefined;
    const provider = this.provider!;
    const zone = this.effectiveTimeZone;
    const filters = this.filters ?? {};
    const make = (range: DateRange): QueryBase => ({ entryId: this.entryId, range, timeZone: zone, filters });
    // A compare period the entry did not exist in has nothing to compare with: it is not asked for.
    const compare = this.compareCoverage?.kind === 'before' ? undefined : this.compareRange;
    let data: T;
    try {
      data = await this.load({
        base: make(this.range),
        compare: compare ? make(compare) : undefined,
        signal,
        ask: (query) => runQuery(provider, query, signal),
      });
    } catch (e) {
      // An expired session: say so once (the dashboard, when it catches the event, says it for every panel).
      if (providerErrorKind(e) === 'session-expired' && !signal.aborted)
        this.sessionHandled = !emit(this, 'session-expired', { message: errorMessage(e) ?? '' });
      throw e;
    }
    this.data = data;
    return data;
  }

  /** The failure of the last load is an expired session that the dashboard shows: keep the figures, dimmed. */
  private get expiredInDashboard(): boolean {
    return (
      this.loader.status === TaskStatus.ERROR && this.sessionHandled && providerErrorKind(this.loader.error) === 'session-expired'
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The property first: a `lang` set by property is reflected to the attribute only after this update.
    this.fmt = formatters(this.lang || resolveLang(this));
  }

  private errorText(error: unknown): { message: string; detail?: string } {
    const detail = errorDetail(error, (key, params) => this.t(key, params), this.fmt);
    // A timeout says it all; a missing privilege or an expired session has its own words; other errors get the
    // general message and their detail.
    if (isTimeout(error) && detail) return { message: detail };
    const kind = providerErrorKind(error);
    if (kind === 'no-access') return { message: this.t('state.noAccess'), detail };
    if (kind === 'session-expired') return { message: this.t('state.sessionExpired') };
    return { message: this.t('state.error'), detail };
  }

  private renderState(): TemplateResult | typeof nothing {
    if (!this.canLoad()) return html`<p class="message">${this.t('state.initial')}</p>`;
    switch (this.loader.status) {
      case TaskStatus.INITIAL:
      case TaskStatus.PENDING:
        return this.data === undefined ? html`<div class="skeleton" aria-hidden="true"></div>` : this.renderLoaded(this.data);
      case TaskStatus.COMPLETE:
        return this.data === undefined ? nothing : this.renderLoaded(this.data);
      case TaskStatus.ERROR: {
        if (this.expiredInDashboard)
          return this.data === undefined
            ? html`<p class="message">${this.t('state.sessionWaiting')}</p>`
            : this.renderLoaded(this.data);
        const { message, detail } = this.errorText(this.loader.error);
        return html`<div class="error" part="error" role="alert">
          <div>
            <p>${message}</p>
            ${detail ? html`<p class="detail">${detail}</p>` : nothing}
          </div>
          <button type="button" @click=${() => this.reload()}>${this.t('action.retry')}</button>
        </div>`;
      }
    }
  }

  /** The note saying that the compare period lies (partly) before the entry's creation, when it does. */
  private renderCompareNote(): TemplateResult | typeof nothing {
    const coverage = this.compareCoverage;
    const range = this.compareRange;
    if (!coverage || !range || coverage.kind === 'full') return nothing;
    const params = {
      range: this.fmt.dateRange(range.from, range.to),
      created: this.fmt.date(coverage.created),
      ...(coverage.kind === 'partial' ? { days: this.fmt.count(coverage.days), total: this.fmt.count(coverage.total) } : {}),
    };
    return html`<p class="compare-note" part="compare-note" data-coverage=${coverage.kind}>
      ${this.t(coverage.kind === 'before' ? 'compare.beforeCreation' : 'compare.partlyBeforeCreation', params)}
    </p>`;
  }

  private renderLoaded(data: T) {
    return this.isEmpty(data) ? html`<p class="message">${this.t('state.empty')}</p>` : this.renderData(data);
  }

  /** True while a load is in flight. */
  protected get loading(): boolean {
    return this.canLoad() && this.loader.pending;
  }

  /**
   * The CSV export button and, on panels with a chart, the PNG and SVG downloads: those three are a toolbar (one Tab
   * stop, arrow keys between them).
   */
  private renderDownloads(title: string, canExport: boolean) {
    const csv = html`<button
      type="button"
      part="export"
      class="export"
      ?disabled=${!canExport}
      aria-label=${this.t('action.exportCsvLabel', { title })}
      @click=${() => this.exportCsv()}
    >
      ${this.t('action.exportCsv')}
    </button>`;
    if (!(canExport && this.hasChartImage())) return csv;
    return html`<div class="downloads" role="toolbar" aria-label=${this.t('action.downloads', { title })}>
      ${csv}
      ${(['png', 'svg'] as const).map(
        (format) => html`<button
          type="button"
          part="export-${format}"
          class="export-image"
          data-format=${format}
          aria-label=${this.t('action.downloadImageLabel', { title, format: format.toUpperCase() })}
          @click=${() => void this.exportImage(format)}
        >
          ${this.t(format === 'png' ? 'action.downloadPng' : 'action.downloadSvg')}
        </button>`,
      )}
    </div>`;
  }

  protected override render() {
    const loading = this.loading;
    const expired = this.expiredInDashboard;
    const stale = (loading || expired) && this.data !== undefined;
    const showData = (this.loader.status !== TaskStatus.ERROR || expired) && this.data !== undefined;
    const title = this.panelTitle();
    const canExport = showData && !this.isEmpty(this.data!);
    return html`<section
      class="panel"
      part="panel"
      aria-labelledby="${this.uid}-title"
      aria-busy=${loading ? 'true' : 'false'}
      dir=${isRtl(this.locale) ? 'rtl' : 'ltr'}
    >
      <header part="header">
        <h2 id="${this.uid}-title" part="title">${title}</h2>
        <div class="actions" part="actions">
          ${this.renderActions()}
          ${this.renderDownloads(title, canExport)}
        </div>
      </header>
      ${this.renderCompareNote()}
      <div class="body ${stale ? 'stale' : ''}" part="body">${this.renderState()}</div>
      <div class="sr-only" role="status">${loading ? this.t(stale ? 'state.updating' : 'state.loading') : ''}</div>
    </section>`;
  }
}
