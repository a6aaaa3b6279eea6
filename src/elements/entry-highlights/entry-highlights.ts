import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { AnalyticsPanel, type LoadContext } from '../shared/analytics-panel.js';
import type { MetricName, TotalsResult } from '../../data/types.js';
import { trend, type Trend } from '../../data/compare.js';
import type { CsvCell, CsvColumn, CsvTable } from '../../data/csv.js';
import { csvMetric, formatMetric, hasValue, metricDef, noValueReason } from '../../data/metrics.js';
import { metricValue, noValue, withHelp } from '../shared/data-table.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';
import { entryHighlightsStyles } from './entry-highlights.styles.js';

/** What `<entry-highlights>` loads: the totals of the range and, when comparing, of the compare range. */
export interface HighlightsData {
  current: TotalsResult;
  previous?: TotalsResult;
}

/** The tiles shown by default, in order. */
export const DEFAULT_HIGHLIGHTS: MetricName[] = [
  'impressions',
  'plays',
  'uniqueViewers',
  'minutesViewed',
  'avgCompletionRate',
];

/**
 * The highlight tiles: impressions, plays, unique viewers, minutes viewed and average completion rate for the range,
 * each with its trend against the compare period when one is set.
 *
 * @summary Key metrics of an entry for a period, with trends.
 * @csspart tiles - The list of tiles.
 * @csspart tile - One tile.
 * @csspart value - A tile's main figure.
 * @csspart trend - A tile's trend against the compare period.
 * @cssprop --ea-color-positive - Colour of an upward trend.
 * @cssprop --ea-color-negative - Colour of a downward trend.
 */
export class EntryHighlights extends AnalyticsPanel<HighlightsData> {
  static override styles = [
    ...AnalyticsPanel.styles,
    entryHighlightsStyles,
  ];

  /** Which metrics to show, in order (a JS property). Image entries usually show impressions, plays and viewers. */
  @property({ attribute: false }) metrics: MetricName[] = DEFAULT_HIGHLIGHTS;

  protected override panelTitle(): string {
    return this.t('highlights.title');
  }

  protected override async load(ctx: LoadContext): Promise<HighlightsData> {
    const [current, previous] = await Promise.all([
      ctx.ask({ ...ctx.base, kind: 'totals' }),
      ctx.compare ? ctx.ask({ ...ctx.compare, kind: 'totals' }) : undefined,
    ]);
    return { current, previous };
  }

  /** The metric's value formatted for a tile. */
  private value(metric: MetricName, totals: TotalsResult): string {
    return formatMetric(this.fmt, metric, totals[metric]);
  }

  private t2 = (key: MessageKey, params?: MessageParams) => this.t(key, params);

  /**
   * Why no trend is claimed for `metric`, or undefined when one is: the compare period began before the entry existed,
   * or a rate has no value in one of the periods (no plays).
   */
  private noTrendReason(metric: MetricName, data: HighlightsData): string | undefined {
    if (!data.previous) return undefined;
    if (this.compareCoverage?.kind === 'partial') return this.t('highlights.noTrend');
    for (const totals of [data.current, data.previous]) if (!hasValue(metric, totals)) return this.t(noValueReason(metric));
    return undefined;
  }

  private trendText(t: Trend): { text: string; dir: 'up' | 'down' | 'flat' } {
    switch (t.kind) {
      case 'none':
        return { text: this.t('highlights.trendFlat'), dir: 'flat' };
      case 'new':
        return { text: this.t('highlights.trendNew'), dir: 'up' };
      case 'points': {
        const rounded = Math.round(t.change * 10) / 10;
        if (rounded === 0) return { text: this.t('highlights.trendFlat'), dir: 'flat' };
        const change = this.t('highlights.points', { change: this.fmt.decimal(Math.abs(rounded), 1) });
        return rounded > 0
          ? { text: this.t('highlights.trendUp', { change }), dir: 'up' }
          : { text: this.t('highlights.trendDown', { change }), dir: 'down' };
      }
      case 'relative': {
        const rounded = Math.round(t.change);
        if (rounded === 0) return { text: this.t('highlights.trendFlat'), dir: 'flat' };
        const change = this.fmt.percent(Math.abs(rounded), 0);
        return rounded > 0
          ? { text: this.t('highlights.trendUp', { change }), dir: 'up' }
          : { text: this.t('highlights.trendDown', { change }), dir: 'down' };
      }
    }
  }

  protected override renderData(data: HighlightsData) {
    // One Tab stop for the tiles' help texts and "—" reasons (arrows move between them: RovingFocusController).
    return html`<ul part="tiles" data-roving>
      ${this.metrics.map((metric) => {
        const def = metricDef(metric);
        const label = this.t(def.label);
        const noTrend = this.noTrendReason(metric, data);
        const t =
          data.previous && !noTrend ? this.trendText(trend(metric, data.current[metric], data.previous[metric])) : undefined;
        const arrow = t?.dir === 'up' ? '▲' : t?.dir === 'down' ? '▼' : '';
        // The label says what the figure counts, on hover and on keyboard focus (three counts of users differ: unique
        // viewers here, the users table, the heatmap).
        return html`<li part="tile" data-metric=${metric}>
          <span class="label">${def.help ? withHelp(this.t2, label, this.t(def.help)) : label}</span>
          <span class="value" part="value">${metricValue(metric, data.current, this.fmt, this.t2)}</span>
          ${data.previous
            ? html`${t
                  ? html`<span class="trend ${t.dir}" part="trend"><span aria-hidden="true">${arrow}</span> ${t.text}</span>`
                  : html`<span class="trend flat" part="trend">${noValue(this.t2, noTrend!)}</span>`}
                <span class="previous"
                  >${this.t('highlights.previous', {
                    value: hasValue(metric, data.previous) ? this.value(metric, data.previous) : this.t('rate.none'),
                  })}</span
                >`
            : nothing}
        </li>`;
      })}
    </ul>`;
  }

  protected override csvTable(data: HighlightsData): CsvTable {
    const range = this.range;
    const compare = this.compareRange;
    const columns: CsvColumn[] = [this.csvName('metric', this.t('highlights.metric')), this.csvRangeColumn(range)];
    if (data.previous && compare) columns.push(this.csvRangeColumn(compare));
    return {
      name: this.t('highlights.title'),
      columns,
      rows: this.metrics.map((m) => {
        const row: CsvCell[] = [this.csvMetricColumn(m), csvMetric(m, data.current)];
        if (data.previous) row.push(csvMetric(m, data.previous));
        return row;
      }),
    };
  }
}
