import { html, nothing } from 'lit';
import { cssProps } from '../shared/css-props.js';
import { property, state } from 'lit/decorators.js';
import { AnalyticsPanel, type LoadContext } from '../shared/analytics-panel.js';
import { tableToggle } from '../shared/chart-parts.js';
import {
  changeText,
  changeWordsOf,
  dataTable,
  dataTableStyles,
  metricColumn,
  metricValue,
  playsCompareColumns,
  playsCompareCsv,
  type TableColumn,
} from '../shared/data-table.js';
import type { DeviceRow, DevicesResult, MetricName } from '../../data/types.js';
import { playsCompareCsvCells, trend, ZERO_BREAKDOWN } from '../../data/compare.js';
import type { CsvCell, CsvColumn, CsvTable } from '../../data/csv.js';
import {
  BREAKDOWN_METRICS,
  METRICS,
  csvMetric,
  formatMetric,
  hasValue,
  isRate,
  metricDef,
  noValueReason,
  type BreakdownMetricName,
} from '../../data/metrics.js';
import { barLayout, type BarItem } from '../../charts/bars.js';
import { listStep } from '../../charts/list-keys.js';
import { emit } from '../../events.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';
import { tooltipStyles } from '../shared/tooltip.styles.js';
import { devicesOverviewStyles } from './devices-overview.styles.js';

/** What `<devices-overview>` loads: devices for the range and, when comparing, for the compare range. */
export interface DevicesData {
  current: DevicesResult;
  previous?: DevicesResult;
}

/** Metrics the panel can show, in menu order. */
export const DEVICE_METRICS: readonly MetricName[] = ['plays', ...METRICS.filter((m) => m !== 'plays')];

/**
 * Where viewers watched from, by device class (Computer, Mobile, Tablet, Game console, Digital media receiver,
 * Other): a bar per device with its count and share of the chosen metric (plays by default), the compare period's
 * figure and the change (relative for counts, points for rates, "new" when nothing before) when one is set, a data
 * table with every metric (and the compare period's plays and change), and a button per device to filter the
 * dashboard by it. The CSV has every device, with the compare period's plays and the change when comparing.
 *
 * @summary Distribution of plays (or another metric) by device.
 * @fires filter-add - The user asked to filter the dashboard by a device: `{field: 'devices', value, label}`.
 * @csspart chart - The bar list.
 * @csspart bar - A bar's filled part.
 * @csspart bar-track - A bar's track.
 * @csspart mark - A focusable bar row (label, bar, figures).
 * @csspart tooltip - The tooltip of the hovered or focused bar.
 * @csspart change - A device's change against the compare period (data table).
 * @csspart table - The data table.
 * @csspart metric-select - The metric menu.
 * @csspart filter-button - A device's "Filter" button.
 * @cssprop --ea-bar-color - Colour of the bars (default the first series colour).
 * @cssprop --ea-bar-height - Height of a bar (default 12px).
 */
export class DevicesOverview extends AnalyticsPanel<DevicesData> {
  static override styles = [
    ...AnalyticsPanel.styles,
    tooltipStyles,
    dataTableStyles,
    devicesOverviewStyles,
  ];

  /** The metric of the bars. */
  @property() metric: MetricName = 'plays';

  /** Shows the data table with every metric. */
  @property({ type: Boolean, attribute: 'show-table' }) showTable = false;

  /** The bar with keyboard focus or the pointer, as an index in the drawn order. */
  @state() private active = -1;
  /** Whether the tooltip shows (pointer over a bar or keyboard focus on it). */
  @state() private tip = false;

  protected override hasChartImage(): boolean {
    return true;
  }

  protected override panelTitle(): string {
    return this.t('devices.title');
  }

  protected override async load(ctx: LoadContext): Promise<DevicesData> {
    const [current, previous] = await Promise.all([
      ctx.ask({ ...ctx.base, kind: 'devices' }),
      ctx.compare ? ctx.ask({ ...ctx.compare, kind: 'devices' }) : undefined,
    ]);
    return { current, previous };
  }

  protected override isEmpty(data: DevicesData): boolean {
    return data.current.rows.every((r) => r.plays === 0 && r.impressions === 0);
  }

  private get effectiveMetric(): MetricName {
    return this.applicable(DEVICE_METRICS).includes(this.metric) ? this.metric : 'plays';
  }

  private t2 = (key: MessageKey, params?: MessageParams) => this.t(key, params);

  private label(device: string): string {
    return this.t(`device.${device}` as MessageKey);
  }

  private format(metric: BreakdownMetricName, v: number): string {
    return formatMetric(this.fmt, metric, v);
  }

  /** `metric` of `row` as text: "—" and the reason for a rate the row has no value of (no plays, no impressions). */
  private rowText(metric: BreakdownMetricName, row: DeviceRow): string {
    return hasValue(metric, row) ? this.format(metric, row[metric]) : `${this.t('rate.none')} ${this.t(noValueReason(metric))}`;
  }

  private metricLabel(metric: BreakdownMetricName): string {
    return this.t(metricDef(metric).label);
  }

  /** The bars of a result for the chosen metric: shares of the total for counts, none for rates. */
  private bars(result: DevicesResult): BarItem<DeviceRow>[] {
    const metric = this.effectiveMetric;
    const rate = isRate(metric);
    return barLayout(result.rows, (r) => r[metric], rate ? { max: 100 } : { total: result.totals[metric] });
  }

  protected override renderActions() {
    return html`<label class="metric"
      >${this.t('devices.metric')}
      <select part="metric-select" @change=${this.onMetric}>
        ${this.applicable(DEVICE_METRICS).map(
          (m) => html`<option value=${m} ?selected=${m === this.effectiveMetric}>${this.metricLabel(m)}</option>`,
        )}
      </select></label
    >`;
  }

  private onMetric(e: Event) {
    this.metric = (e.target as HTMLSelectElement).value as MetricName;
  }

  /** A device's row in the compare period (zeros when it had none then), or undefined when not comparing. */
  private previousOf(data: DevicesData, device: string): DeviceRow | undefined {
    if (!data.previous) return undefined;
    return data.previous.rows.find((r) => r.device === device) ?? { ...ZERO_BREAKDOWN, device: device as DeviceRow['device'] };
  }

  /** "50 (+12%)": `metric` in the compare period and the change to now. */
  private compareText(metric: MetricName, now: DeviceRow, before: DeviceRow): string {
    return this.t('devices.compareValue', {
      value: this.rowText(metric, before),
      change: changeText(trend(metric, now[metric], before[metric]), this.fmt, changeWordsOf(this.t2, 'devices')),
    });
  }

  private pointText(bar: BarItem<DeviceRow>, data?: DevicesData): string {
    const metric = this.effectiveMetric;
    const name = this.label(bar.item.device);
    const value = this.rowText(metric, bar.item);
    const metricLabel = this.metricLabel(metric);
    const text =
      bar.share === undefined
        ? this.t('devices.pointRate', { device: name, metric: metricLabel, value })
        : this.t('devices.point', { device: name, value, share: this.fmt.percent(bar.share, 1), metric: metricLabel });
    const before = data && this.previousOf(data, bar.item.device);
    return before ? `${text}; ${this.t('devices.compare', { value: this.compareText(metric, bar.item, before) })}` : text;
  }

  protected override renderData(data: DevicesData) {
    const metric = this.effectiveMetric;
    const bars = this.bars(data.current);
    const prev = data.previous;
    const active = this.active >= 0 && this.active < bars.length ? this.active : -1;
    const focusIndex = active >= 0 ? active : 0;
    const metricLabel = this.metricLabel(metric);
    const top = bars[0];
    const summary = top
      ? this.t(top.share === undefined ? 'devices.summaryRate' : 'devices.summary', {
          count: this.fmt.count(bars.length),
          top: this.label(top.item.device),
          value: this.format(metric, top.value),
          share: this.fmt.percent(top.share ?? 0, 1),
        })
      : '';
    const tipBar = this.tip && active >= 0 ? bars[active] : undefined;
    return html`
      <p class="sr-only" id="${this.uid}-summary">${summary} ${this.t('devices.keys')}</p>
      <ul
        class="chart"
        part="chart"
        aria-label=${this.t('devices.chartLabel', { metric: metricLabel })}
        aria-describedby="${this.uid}-summary"
        @keydown=${(e: KeyboardEvent) => this.onKey(e, bars.length)}
      >
        ${bars.map((bar, i) => {
          const device = bar.item.device;
          const name = this.label(device);
          const before = this.previousOf(data, device);
          return html`<li class="row" data-device=${device}>
            <div
              class="mark ${i === active ? 'active' : ''}"
              part="mark"
              role="img"
              tabindex=${i === focusIndex ? 0 : -1}
              aria-label=${this.pointText(bar, data)}
              @focus=${() => this.show(i)}
              @blur=${() => (this.tip = false)}
              @pointerenter=${() => this.show(i)}
              @pointerleave=${() => (this.tip = false)}
            >
              <span class="name">${name}</span>
              <span class="track" part="bar-track"><span class="bar" part="bar" style=${cssProps({ 'inline-size': `${bar.fraction * 100}%` })}></span></span>
              <span class="figures"
                ><span class="value">${metricValue(metric, bar.item, this.fmt, this.t2)}</span>${bar.share === undefined
                  ? nothing
                  : html`<span class="share">${this.fmt.percent(bar.share, 1)}</span>`}${prev
                  ? html`<span class="compare">${this.t('devices.compare', { value: this.compareText(metric, bar.item, before!) })}</span>`
                  : nothing}</span
              >
            </div>
            <button
              type="button"
              class="filter"
              part="filter-button"
              aria-label=${this.t('devices.filterBy', { name })}
              @click=${() => emit(this, 'filter-add', { field: 'devices', value: device, label: name })}
            >
              ${this.t('devices.filter')}
            </button>
            ${tipBar && i === active ? this.renderTooltip(tipBar, data) : nothing}
          </li>`;
        })}
      </ul>
      <div class="sr-only" role="status" aria-live="polite">${tipBar ? this.pointText(tipBar, data) : ''}</div>
      ${tableToggle({
        open: this.showTable,
        controls: `${this.uid}-table`,
        label: this.t(this.showTable ? 'action.hideTable' : 'action.showTable'),
        toggle: () => (this.showTable = !this.showTable),
        name: 'toggle',
        part: false,
      })}
      <div id="${this.uid}-table">${this.showTable ? this.renderTable(data) : nothing}</div>
    `;
  }

  private renderTooltip(bar: BarItem<DeviceRow>, data: DevicesData) {
    const r = bar.item;
    const before = this.previousOf(data, r.device);
    const line = (m: BreakdownMetricName): [string, string] => [this.metricLabel(m), this.rowText(m, r)];
    const lines: [string, string][] = [
      line('plays'),
      ...(before ? ([[this.t('devices.comparePlays'), this.compareText('plays', r, before)]] as [string, string][]) : []),
      ...this.applicable(['distribution', 'impressions', 'minutesViewed', 'avgCompletionRate'] as const).map(line),
    ];
    return html`<div class="tooltip" part="tooltip" aria-hidden="true">
      <strong>${this.label(r.device)}</strong>
      <dl>${lines.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
    </div>`;
  }

  private show(i: number) {
    this.active = i;
    this.tip = true;
  }

  private onKey(e: KeyboardEvent, count: number) {
    const to = listStep(e.key, this.active, count);
    if (to === undefined || !(e.target as HTMLElement).classList.contains('mark')) return;
    e.preventDefault();
    this.active = to;
    void this.updateComplete.then(() => this.renderRoot.querySelectorAll<HTMLElement>('.mark')[to]?.focus());
  }

  private renderTable(data: DevicesData) {
    const result = data.current;
    const columns: TableColumn<DeviceRow>[] = [
      { key: 'device', label: this.t('devices.device'), rowHeader: true, cell: (r) => this.label(r.device) },
      ...this.applicable(BREAKDOWN_METRICS).flatMap((m) => [
        metricColumn<BreakdownMetricName, DeviceRow>(m, { t: this.t2, fmt: this.fmt }),
        ...(m === 'plays'
          ? playsCompareColumns<DeviceRow>({
              area: 'devices',
              range: data.previous && this.compareRange,
              before: (r) => this.previousOf(data, r.device)!.plays,
              t: this.t2,
              fmt: this.fmt,
            })
          : []),
      ]),
    ];
    return dataTable({ caption: this.t('table.caption', { title: this.panelTitle() }), columns, rows: result.rows, t: this.t2 });
  }

  protected override csvTable(data: DevicesData): CsvTable {
    const compare = data.previous && this.compareRange;
    const metrics = this.applicable(BREAKDOWN_METRICS);
    const columns: CsvColumn[] = [this.csvName('device', this.t('devices.device')), ...metrics.map((m) => this.csvMetricColumn(m))];
    if (compare) columns.push(...playsCompareCsv('devices', compare, this.t2, this.fmt));
    return {
      name: this.t('devices.title'),
      columns,
      rows: data.current.rows.map((r) => {
        const row: CsvCell[] = [this.csvName(r.device, this.label(r.device)), ...metrics.map((m) => csvMetric(m, r))];
        if (compare) row.push(...playsCompareCsvCells(r.plays, this.previousOf(data, r.device)!.plays));
        return row;
      }),
    };
  }
}
