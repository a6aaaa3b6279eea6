import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnalyticsPanel, type LoadContext } from '../shared/analytics-panel.js';
import {
  breadcrumbs,
  changeText,
  changeWordsOf,
  dataTable,
  dataTableStyles,
  distributionBar,
  metricColumn,
  noValue,
  pageRows,
  pager,
  playsCompareColumns,
  playsCompareCsv,
  type Crumb,
  type TableColumn,
} from '../shared/data-table.js';
import { HostWidthController } from '../shared/width-controller.js';
import { playsCompareCsvCells, trend, ZERO_BREAKDOWN } from '../../data/compare.js';
import type { GeoLevel, GeoQuery, GeoResult, GeoRow, MetricName } from '../../data/types.js';
import type { CsvCell, CsvColumn, CsvTable } from '../../data/csv.js';
import { BREAKDOWN_METRICS, formatMetric, metricDef, csvMetric, roundMetric, shareOf, type BreakdownMetricName } from '../../data/metrics.js';
import type { AtlasCountry } from '../../charts/geo.js';
import { emit } from '../../events.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';
import { AtlasLoadError, loadAtlas, loadMapModule, type MapModule } from './atlas.js';
import { tooltipStyles } from '../shared/tooltip.styles.js';
import { topCountriesStyles } from './top-countries.styles.js';
import { pageSizeOf } from '../shared/states.js';

/** What `<top-countries>` loads: the places of the level shown and, when comparing, the same places' compare period. */
export interface CountriesData {
  current: GeoResult;
  /** The same `geo` query over the compare range, when one is set. */
  previous?: GeoResult;
}

/** Metrics the map can colour by. */
export const MAP_METRICS: readonly MetricName[] = ['plays', 'impressions', 'minutesViewed', 'uniqueViewers'];

/** The metric columns of the places table (the CSV has every breakdown metric). */
const TABLE_METRICS: readonly BreakdownMetricName[] = ['plays', 'distribution', 'impressions', 'minutesViewed', 'avgCompletionRate'];

/** Where the map's geometry stands. */
type AtlasState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; countries: AtlasCountry[]; geo: MapModule }
  | { status: 'error'; reason: string };

/** A place with nothing in the compare period. */
const ZERO_ROW: GeoRow = { name: '', ...ZERO_BREAKDOWN };

/**
 * Where the entry was watched: a world choropleth of the chosen metric (plays by default; countries too small for the
 * atlas's outlines, such as Singapore or Malta, are dots at their own coordinates or their capital's) beside the ranked
 * table of countries (rank, plays, distribution with a bar, impressions, minutes viewed, average completion), paged. Select a
 * country on the map or in the table to see its regions, then a region to see its cities: the map zooms to the
 * country and draws each place with coordinates as a circle sized by the metric; breadcrumbs lead back.
 *
 * The map's code (d3-geo, topojson-client, the projections) is imported dynamically, in its own chunk, and its
 * geometry (a module of its own, or the file `geometry-url` names) imported, both when the map first comes on screen; the table never waits for them and
 * still works when they cannot load (the panel says why).
 *
 * **Compare period** (`compare-from` / `compare-to`): the same `geo` query over the compare range, side by side (a
 * geo result lists every place of its level, so no narrowing is needed); each place shows its plays then and the
 * change (relative, "new" when it had none then) in the table, the tooltip, the mark's label and the CSV, at every
 * level. Places are matched by code (countries) or name (regions, cities).
 *
 * **CSV**: every place of the level shown (not only the table's page), with the compare columns when comparing.
 *
 * @summary World map and ranked table of countries, drilling to regions and cities.
 * @fires filter-add - The user asked to filter the dashboard by a country, region or city
 *   (`{field: 'countries' | 'regions' | 'cities', value, label}`).
 * @csspart map - The map (an SVG).
 * @csspart country - A country's shape.
 * @csspart place - A region's or city's circle.
 * @csspart legend - The map's legend.
 * @csspart tooltip - The tooltip of the hovered or focused place.
 * @csspart table - The places table.
 * @csspart change - A place's change against the compare period.
 * @csspart pager - The table's paging buttons.
 * @csspart breadcrumbs - The trail back up (World › country › region).
 * @csspart metric-select - The metric menu.
 * @csspart filter-button - A row's "Filter" button.
 * @cssprop --ea-map-color - Colour of the choropleth's darkest class and of the circles (default the first series
 *   colour); lighter classes are mixed with the surface colour.
 * @cssprop --ea-map-empty - Fill of countries without data.
 * @cssprop --ea-bar-color - Colour of the distribution bars.
 * @cssprop --ea-color-positive - Colour of an upward change.
 * @cssprop --ea-color-negative - Colour of a downward change.
 */
export class TopCountries extends AnalyticsPanel<CountriesData> {
  static override styles = [
    ...AnalyticsPanel.styles,
    tooltipStyles,
    dataTableStyles,
    topCountriesStyles,
  ];

  /** The metric the map colours by (and sizes circles by). */
  @property() metric: MetricName = 'plays';

  /**
   * URL of a world-atlas countries TopoJSON file (`countries-110m.json`) to fetch, for hosts that serve the geometry
   * themselves (CDN, offline copy). Default (empty): the geometry module that comes with the package, imported with
   * `import()` when the map is first shown, so every bundler emits it as a chunk of its own.
   */
  @property({ attribute: 'geometry-url' }) geometryUrl = '';

  /** Rows per page of the table. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** The country drilled into (alpha-2), or '' for the world. User drill-downs set it too. */
  @property() country = '';

  /** The region drilled into (within `country`), or '' for the country's regions. */
  @property() region = '';

  @state() private atlas: AtlasState = { status: 'idle' };
  private readonly hostWidth = new HostWidthController(this, 640);
  @state() private offset = 0;
  /** The map mark under the pointer or with focus, as an index into the drawn marks, or -1. */
  @state() private active = -1;
  @state() private tip = false;

  private visibility?: IntersectionObserver;
  private atlasUrl?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    // The geometry is fetched the first time the panel is on screen.
    if (typeof IntersectionObserver === 'function') {
      this.visibility = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.visibility?.disconnect();
          this.visibility = undefined;
          this.ensureAtlas();
        }
      });
      this.visibility.observe(this);
    } else {
      this.ensureAtlas();
    }
  }

  override disconnectedCallback(): void {
    this.visibility?.disconnect();
    this.visibility = undefined;
    super.disconnectedCallback();
  }

  /** Starts loading the geometry for the current `geometry-url` unless it is loaded or loading. */
  private ensureAtlas(): void {
    const url = this.geometryUrl;
    if (this.atlasUrl === url && this.atlas.status !== 'idle') return;
    this.atlasUrl = url;
    this.atlas = { status: 'loading' };
    // The map's code (its own chunk) and the geometry load side by side; the table never waits for either.
    Promise.all([loadMapModule(), loadAtlas(url || undefined)]).then(
      ([geo, countries]) => {
        if (this.atlasUrl !== url) return;
        this.adoptMapStyles(geo);
        this.atlas = { status: 'ready', countries, geo };
      },
      (error: unknown) => {
        if (this.atlasUrl === url) this.atlas = { status: 'error', reason: this.atlasReason(error) };
      },
    );
  }

  /** Adds the map's styles (they come with its code) to the shadow root, once. */
  private adoptMapStyles(geo: MapModule) {
    const root = this.renderRoot;
    const sheet = geo.mapStyles.styleSheet;
    if (!(root instanceof ShadowRoot)) return;
    if (sheet) {
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else if (!root.querySelector('style[data-map]')) {
      const style = document.createElement('style');
      style.dataset.map = '';
      style.textContent = geo.mapStyles.cssText;
      root.append(style);
    }
  }

  private atlasReason(error: unknown): string {
    if (error instanceof AtlasLoadError) {
      switch (error.kind) {
        case 'http':
          return this.t('geo.mapHttp', { status: error.detail });
        case 'json':
          return this.t('geo.mapJson');
        case 'format':
          return this.t('geo.mapFormat');
        case 'network':
          return this.t('geo.mapNetwork', { detail: error.detail });
        case 'code':
          return this.t('geo.mapCode', { detail: error.detail });
      }
    }
    return error instanceof Error ? error.message : String(error);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('country') || changed.has('region') || changed.has('filters') || changed.has('pageSize')) {
      this.offset = 0;
      this.active = -1;
      this.tip = false;
    }
    if (changed.has('geometryUrl') && this.atlas.status !== 'idle') this.ensureAtlas();
    super.willUpdate(changed);
  }

  /** The level shown. */
  get level(): GeoLevel {
    return this.country ? (this.region ? 'city' : 'region') : 'country';
  }

  protected override loadArgs(): unknown[] {
    return [this.country, this.region];
  }

  protected override async load(ctx: LoadContext): Promise<CountriesData> {
    const scope: Pick<GeoQuery, 'kind' | 'level' | 'country' | 'region'> = { kind: 'geo', level: this.level };
    if (this.country) scope.country = this.country.toUpperCase();
    if (this.country && this.region) scope.region = this.region;
    // A geo result lists every place of the level (no paging), so the compare period is the same query over the
    // compare range, asked side by side; places are matched by code (countries) or name (regions, cities).
    const [current, previous] = await Promise.all([
      ctx.ask({ ...ctx.base, ...scope }),
      ctx.compare ? ctx.ask({ ...ctx.compare, ...scope }) : undefined,
    ]);
    return { current, previous };
  }

  /** The map is the chart: there is an image once its geometry has loaded. */
  protected override hasChartImage(): boolean {
    return this.atlas.status === 'ready';
  }

  protected override chartImageParts() {
    const chart = this.renderRoot.querySelector('[part~="map"]');
    return chart ? { chart, legends: [...this.renderRoot.querySelectorAll('[part~="legend"]')] } : undefined;
  }

  protected override panelTitle(): string {
    return this.t('geo.title');
  }

  protected override isEmpty({ current }: CountriesData): boolean {
    return current.level === 'country' && !this.country && current.rows.every((r) => r.plays === 0 && r.impressions === 0);
  }

  // ---- compare period

  /** Previous rows by place, per loaded result. */
  private previousIndex = new WeakMap<GeoResult, Map<string, GeoRow>>();

  /** The key that matches a place across periods: its code for countries, else its name. */
  private placeKey(row: GeoRow, level: GeoLevel): string {
    return level === 'country' && row.code ? `#${row.code.toUpperCase()}` : row.name;
  }

  /** The compare period's row of a place, or undefined when not comparing (a place absent then counts as zeros). */
  private previousOf(data: CountriesData, row: GeoRow): GeoRow | undefined {
    const prev = data.previous;
    if (!prev) return undefined;
    let index = this.previousIndex.get(prev);
    if (!index) {
      index = new Map(prev.rows.map((r) => [this.placeKey(r, prev.level), r]));
      this.previousIndex.set(prev, index);
    }
    return index.get(this.placeKey(row, data.current.level)) ?? ZERO_ROW;
  }

  /** "1,234 (+12%)": a metric's compare-period value and the change to now. */
  private compareText(metric: MetricName, row: GeoRow, before: GeoRow): string {
    return this.t('geo.compareValue', {
      value: this.format(metric, before[metric]),
      change: changeText(trend(metric, row[metric], before[metric]), this.fmt, changeWordsOf(this.t2, 'geo')),
    });
  }

  private get mapMetric(): MetricName {
    return this.applicable(MAP_METRICS).includes(this.metric) ? this.metric : 'plays';
  }

  /** The page size: `page-size` clamped to 1…`LIMITS.pageSize` (10 when it is not a positive number). */
  private get limit(): number {
    return pageSizeOf(this.pageSize, 10);
  }

  private countryName(code: string | undefined, fallback = ''): string {
    if (!code) return fallback || this.t('geo.unknown');
    const name = this.fmt.country(code);
    return name && name !== code ? name : fallback || code;
  }

  /** A row's display name at the current level. */
  private rowName(row: GeoRow, level: GeoLevel): string {
    return level === 'country' ? this.countryName(row.code, row.name) : row.name || this.t('geo.unknown');
  }

  private t2 = (key: MessageKey, params?: MessageParams) => this.t(key, params);

  private format(metric: BreakdownMetricName, v: number): string {
    return formatMetric(this.fmt, metric, v);
  }

  private metricLabel(metric: BreakdownMetricName): string {
    return this.t(metricDef(metric).label);
  }

  // ---- navigation

  private drill(row: GeoRow, level: GeoLevel) {
    if (level === 'country') {
      if (!row.code) return;
      this.country = row.code.toUpperCase();
      this.region = '';
    } else if (level === 'region') {
      this.region = row.name;
    } else return;
    void this.whenLoadedAfterUpdate().then(() => this.focusAfterMove());
  }

  /** After a drill-down or a step back: focus the trail's first step, or at the top the table's first place. */
  private focusAfterMove() {
    (this.renderRoot.querySelector<HTMLElement>('.crumbs button') ?? this.renderRoot.querySelector<HTMLElement>('button.drill'))?.focus();
  }

  /** Escape on the map: one drill level up (cities → regions → world), focus staying on the map's marks. */
  private up() {
    if (!this.country) return;
    if (this.region) this.region = '';
    else this.country = '';
    this.active = -1;
    void this.whenLoadedAfterUpdate().then(() => this.renderRoot.querySelector<SVGElement>('.marks [tabindex="0"]')?.focus());
  }

  private goTo(country: string, region: string) {
    this.country = country;
    this.region = region;
    void this.whenLoadedAfterUpdate().then(() => this.focusAfterMove());
  }

  private async whenLoadedAfterUpdate() {
    await this.updateComplete;
    await this.whenLoaded();
  }

  private canDrill(row: GeoRow, level: GeoLevel): boolean {
    return (level === 'country' && Boolean(row.code)) || level === 'region';
  }

  private filterAdd(row: GeoRow, level: GeoLevel) {
    const name = this.rowName(row, level);
    if (level === 'country') emit(this, 'filter-add', { field: 'countries', value: row.code!.toUpperCase(), label: name });
    else emit(this, 'filter-add', { field: level === 'region' ? 'regions' : 'cities', value: row.name, label: name });
  }

  // ---- rendering

  protected override renderActions() {
    return html`<label class="metric"
      >${this.t('geo.metric')}
      <select part="metric-select" @change=${(e: Event) => (this.metric = (e.target as HTMLSelectElement).value as MetricName)}>
        ${this.applicable(MAP_METRICS).map(
          (m) => html`<option value=${m} ?selected=${m === this.mapMetric}>${this.metricLabel(m)}</option>`,
        )}
      </select></label
    >`;
  }

  protected override renderData(data: CountriesData) {
    const wide = this.hostWidth.width >= 1200;
    return html`${this.renderCrumbs()}
      <div class="layout ${wide ? 'wide' : ''}">
        <div class="map-wrap"><div class="map-slot">${this.renderMap(data, wide)}</div></div>
        <div class="table-side">${this.renderTable(data)}</div>
      </div>`;
  }

  private renderCrumbs() {
    if (!this.country) return nothing;
    const crumbs: Crumb[] = [{ label: this.t('geo.world'), onSelect: () => this.goTo('', '') }];
    const countryLabel = this.countryName(this.country);
    crumbs.push(this.region ? { label: countryLabel, onSelect: () => this.goTo(this.country, '') } : { label: countryLabel });
    if (this.region) crumbs.push({ label: this.region });
    return breadcrumbs(this.t('geo.breadcrumbs'), crumbs);
  }

  /** The map: a message until its code and geometry are loaded (the table above never waits), then the map. */
  private renderMap(view: CountriesData, wide: boolean) {
    const atlas = this.atlas;
    if (atlas.status === 'error')
      return html`<p class="map-message" role="note">${this.t('geo.mapUnavailable', { reason: atlas.reason })}</p>`;
    if (atlas.status !== 'ready') return html`<p class="map-message">${this.t('geo.mapLoading')}</p>`;
    const level = view.current.level;
    return atlas.geo.renderMap({
      memo: this,
      data: view.current,
      countries: atlas.countries,
      width: Math.max(280, Math.round(wide ? (this.hostWidth.width - 34 - 16) * 0.5 : this.hostWidth.width - 34)),
      country: this.country,
      place: this.region || this.countryName(this.country),
      metric: this.mapMetric,
      active: this.active,
      tip: this.tip,
      uid: this.uid,
      fmt: this.fmt,
      t: this.t2,
      rowName: (row, l) => this.rowName(row, l),
      format: (metric, v) => this.format(metric, v),
      pointText: (row) => this.pointText(view, row, level),
      tipCompare: (row) => this.renderTipCompare(view, row, this.mapMetric),
      canDrill: (row, l) => this.canDrill(row, l),
      drill: (row, l) => this.drill(row, l),
      show: (i) => this.show(i),
      hide: () => (this.tip = false),
      up: () => this.up(),
      moveTo: (i) => {
        this.active = i;
        this.tip = true;
        // Marks are drawn largest first (circles) or in atlas order (countries): find mark `i` by its index.
        void this.updateComplete.then(() => this.renderRoot.querySelector<SVGElement>(`.marks [data-i="${i}"]`)?.focus());
      },
    });
  }

  /** The compare period in the tooltip: plays then and the change, and the map's metric when it is another. */
  private renderTipCompare(view: CountriesData, row: GeoRow, metric: MetricName) {
    const before = this.previousOf(view, row);
    if (!before) return nothing;
    return html`<span class="tip-compare"
      ><br />${this.t('geo.comparePeriod')}: ${this.metricLabel('plays')} ${this.compareText('plays', row, before)}${metric !== 'plays'
        ? html`, ${this.metricLabel(metric)} ${this.compareText(metric, row, before)}`
        : nothing}</span
    >`;
  }

  /** What a place's mark says (its accessible name, and the live region when it has focus). */
  private pointText(view: CountriesData, row: GeoRow, level: GeoLevel): string {
    const metric = this.mapMetric;
    const text = this.t('geo.pointShare', {
      name: this.rowName(row, level),
      metric: this.metricLabel(metric),
      value: this.format(metric, row[metric]),
      share: this.format('distribution', row.distribution),
    });
    const before = this.previousOf(view, row);
    return before ? this.t('geo.pointCompare', { point: text, compare: this.compareText(metric, row, before) }) : text;
  }

  private show(i: number) {
    this.active = i;
    this.tip = true;
  }

  /**
   * Below the world, two shares say what they are shares of: of all plays (the `distribution` of the contract: the
   * period and filters, every country) and of the place drilled into (the row's plays over the level's `totals`,
   * which the provider gives for the country or region; never a sum of the rows).
   */
  private shareColumns(data: GeoResult, place: string): TableColumn<GeoRow>[] {
    return [
      {
        key: 'distribution',
        label: this.t('share.ofAll'),
        numeric: true,
        help: this.t('share.ofAllHelp', { place }),
        cell: (r) => distributionBar(r.distribution, this.fmt),
      },
      {
        key: 'shareOfParent',
        label: this.t('share.ofParent', { place }),
        numeric: true,
        help: this.t('share.ofParentHelp', { place }),
        cell: (r) => {
          const share = shareOf(r.plays, data.totals.plays);
          return share === undefined ? noValue(this.t2, this.t('rate.noPlays')) : distributionBar(share, this.fmt);
        },
      },
    ];
  }

  private renderTable(view: CountriesData) {
    const data = view.current;
    const level = data.level;
    const offset = Math.min(this.offset, Math.max(0, data.rows.length - 1));
    const rows = pageRows(data.rows, offset, this.limit);
    const place = this.region || this.countryName(this.country);
    const nameLabel = this.t(level === 'country' ? 'geo.country' : level === 'region' ? 'geo.region' : 'geo.city');
    const columns: TableColumn<GeoRow>[] = [
      { key: 'rank', label: this.t('geo.rank'), numeric: true, cell: (_, i) => this.fmt.count(offset + i + 1) },
      {
        key: 'name',
        label: nameLabel,
        rowHeader: true,
        cell: (r) => {
          const name = this.rowName(r, level);
          return this.canDrill(r, level)
            ? html`<button
                type="button"
                class="link drill"
                title=${name}
                aria-label=${this.t(level === 'country' ? 'geo.drillRegions' : 'geo.drillCities', { name })}
                @click=${() => this.drill(r, level)}
              >
                ${name}
              </button>`
            : name;
        },
      },
      ...this.applicable(TABLE_METRICS).flatMap((m) => [
        ...(m === 'distribution' && this.country
          ? this.shareColumns(data, place)
          : [metricColumn<BreakdownMetricName, GeoRow>(m, { t: this.t2, fmt: this.fmt })]),
        ...(m === 'plays'
          ? playsCompareColumns<GeoRow>({
              area: 'geo',
              range: view.previous && this.compareRange,
              before: (r) => this.previousOf(view, r)!.plays,
              t: this.t2,
              fmt: this.fmt,
            })
          : []),
      ]),
      {
        key: 'filter',
        label: this.t('geo.filter'),
        cell: (r) =>
          level === 'country' && !r.code
            ? nothing
            : html`<button
                type="button"
                class="filter"
                part="filter-button"
                aria-label=${this.t(
                  level === 'country' ? 'geo.filterByCountry' : level === 'region' ? 'geo.filterByRegion' : 'geo.filterByCity',
                  { name: this.rowName(r, level) },
                )}
                @click=${() => this.filterAdd(r, level)}
              >
                ${this.t('geo.filter')}
              </button>`,
      },
    ];
    const caption =
      level === 'country'
        ? this.t('geo.tableCaptionWorld')
        : this.t(level === 'region' ? 'geo.tableCaptionRegions' : 'geo.tableCaptionCities', { place });
    return html`${dataTable({ caption, columns, rows, t: this.t2 })}
      ${data.rows.length === 0 ? html`<p class="message">${this.t('state.empty')}</p>` : nothing}
      ${pager({
        offset,
        limit: this.limit,
        total: data.rows.length,
        t: this.t2,
        fmt: this.fmt,
        label: this.t('geo.pager'),
        onPage: (o) => (this.offset = o),
      })}`;
  }

  /**
   * Every place of the level shown (a geo result is never paged, so this is every row, not only the table's page),
   * ranked by plays, with the compare period's plays and the change when comparing.
   */
  protected override csvTable(view: CountriesData): CsvTable {
    const data = view.current;
    const level = data.level;
    const place = [this.country ? this.countryName(this.country) : '', this.region].filter(Boolean).join(' - ');
    const range = view.previous && this.compareRange;
    const metrics = this.applicable(BREAKDOWN_METRICS);
    // No column stays empty: codes only when some place has one (regions and cities have none), coordinates only
    // when some place has them (countries never do).
    const codes = data.rows.some((r) => r.code);
    const coords = data.rows.some((r) => r.lat !== undefined || r.lon !== undefined);
    const nameLabel = this.t(level === 'country' ? 'geo.country' : level === 'region' ? 'geo.region' : 'geo.city');
    const columns: CsvColumn[] = [
      this.csvName('rank', this.t('geo.rank')),
      ...(codes ? [this.csvName('code', this.t('geo.code'))] : []),
      this.csvName(level, nameLabel),
      ...(coords ? [this.csvName('lat', this.t('geo.latitude')), this.csvName('lon', this.t('geo.longitude'))] : []),
      ...metrics.flatMap((m) =>
        m === 'distribution' && this.country
          ? [
              this.csvName('distribution', this.t('share.ofAll')),
              this.csvName('shareOfParent', this.t('share.ofParent', { place: this.region || this.countryName(this.country) })),
            ]
          : [this.csvMetricColumn(m)],
      ),
    ];
    if (range) columns.push(...playsCompareCsv('geo', range, this.t2, this.fmt));
    return {
      name: place ? `${this.t('geo.title')} - ${place}` : this.t('geo.title'),
      columns,
      rows: data.rows.map((r, i) => {
        const row: CsvCell[] = [
          i + 1,
          ...(codes ? [r.code ?? ''] : []),
          this.rowName(r, level),
          ...(coords ? [r.lat, r.lon] : []),
          ...metrics.flatMap((m) => {
            if (m !== 'distribution' || !this.country) return [csvMetric(m, r)];
            const share = shareOf(r.plays, data.totals.plays);
            return [csvMetric(m, r), share === undefined ? '' : roundMetric('distribution', share)];
          }),
        ];
        if (range) row.push(...playsCompareCsvCells(r.plays, this.previousOf(view, r)!.plays));
        return row;
      }),
    };
  }
}
