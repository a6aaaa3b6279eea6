import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { cssProps } from '../shared/css-props.js';
import { AnalyticsPanel, type LoadContext } from '../shared/analytics-panel.js';
import { PLAY_THROUGH_STEPS, type PlayThroughStep, type TotalsResult } from '../../data/types.js';
import type { CsvName, CsvTable } from '../../data/csv.js';
import { isRtl } from '../../i18n/index.js';
import { funnelMax, funnelSteps, type FunnelStep } from '../../charts/funnel.js';
import { chartTextStyles, liveRegion, tableToggle, tooltipStyles } from '../shared/chart-parts.js';
import { engagementFunnelStyles } from './engagement-funnel.styles.js';

/** What `<engagement-funnel>` loads: the totals of the range and, when comparing, of the compare range. */
export interface FunnelData {
  current: TotalsResult;
  previous?: TotalsResult;
}

type Period = 'current' | 'previous';

/**
 * The engagement funnel: player impressions → plays → plays reaching X % of the media (25, 50, 75 or 100; 50 by
 * default, chosen from a menu). Each step shows its count, its percent of impressions and its percent of plays,
 * labelled as such; the compare period shows side by side. Bars are focusable (arrow keys move between them) and
 * show a tooltip on focus and hover; a data table and the CSV export hold every figure.
 *
 * @summary Impressions → plays → plays reaching a chosen play-through, with the compare period.
 * @csspart steps - The list of steps.
 * @csspart step - One step.
 * @csspart bar - A step's bar (one per period).
 * @csspart tooltip - The tooltip.
 * @csspart summary - The text summary.
 * @csspart table - The data table.
 * @csspart table-toggle - The button that shows the data table.
 * @cssprop --ea-series-1 - Colour of this period's bars.
 * @cssprop --ea-color-compare - Colour of the compare period's bars.
 * @cssprop --ea-color-surface-alt - Track behind the bars.
 */
export class EngagementFunnel extends AnalyticsPanel<FunnelData> {
  static override styles = [
    ...AnalyticsPanel.styles,
    tooltipStyles,
    chartTextStyles,
    engagementFunnelStyles,
  ];

  /** The last step: plays reaching this percent of the media (25, 50, 75 or 100). */
  @property({ type: Number, attribute: 'play-through', reflect: true }) step: PlayThroughStep = 50;

  /** The focused or hovered bar, as `period:index`. */
  @state() private active = '';
  @state() private tipOpen = false;
  @state() private announcement = '';
  @state() private showTable = false;
  /** The bar that holds the roving tab stop. */
  @state() private tabStop = 'current:0';

  protected override hasChartImage(): boolean {
    return true;
  }

  protected override chartImageParts() {
    const chart = this.renderRoot.querySelector('[part~="steps"]');
    return chart ? { chart, legends: [] } : undefined;
  }

  protected override panelTitle(): string {
    return this.t('funnel.title');
  }

  protected override async load(ctx: LoadContext): Promise<FunnelData> {
    const [current, previous] = await Promise.all([
      ctx.ask({ ...ctx.base, kind: 'totals' }),
      ctx.compare ? ctx.ask({ ...ctx.compare, kind: 'totals' }) : undefined,
    ]);
    return { current, previous };
  }

  protected override isEmpty(data: FunnelData): boolean {
    return data.current.impressions === 0 && data.current.plays === 0;
  }

  private get chosen(): PlayThroughStep {
    return (PLAY_THROUGH_STEPS as readonly number[]).includes(this.step) ? this.step : 50;
  }

  private stepName(s: FunnelStep, step = this.chosen): string {
    if (s.key === 'reached') return this.t('funnel.step.reached', { step: this.fmt.percent(step, 0) });
    return this.t(s.key === 'impressions' ? 'funnel.step.impressions' : 'funnel.step.plays');
  }

  private periodName(p: Period): string {
    return this.t(p === 'current' ? 'funnel.current' : 'funnel.compare');
  }

  private shares(s: FunnelStep): string[] {
    const out: string[] = [];
    if (s.ofImpressions !== null) out.push(this.t('funnel.ofImpressions', { value: this.fmt.percent(s.ofImpressions, 1) }));
    if (s.ofPlays !== null) out.push(this.t('funnel.ofPlays', { value: this.fmt.percent(s.ofPlays, 1) }));
    return out;
  }

  private describe(s: FunnelStep, p: Period, withPeriod: boolean): string {
    const figures = [this.fmt.count(s.count), ...this.shares(s)].reduce((first, rest) => this.t('funnel.list', { first, rest }));
    const step = this.stepName(s);
    return withPeriod
      ? this.t('funnel.describePeriod', { step, period: this.periodName(p), figures })
      : this.t('funnel.describe', { step, figures });
  }

  // ---- interaction

  private bars(data: FunnelData): string[] {
    const periods: Period[] = data.previous ? ['current', 'previous'] : ['current'];
    return [0, 1, 2].flatMap((i) => periods.map((p) => `${p}:${i}`));
  }

  private focusBar(id: string) {
    this.tabStop = id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`.track[data-bar="${id}"]`)?.focus());
  }

  private onKeyDown(e: KeyboardEvent, data: FunnelData) {
    const ids = this.bars(data);
    const i = ids.indexOf(this.tabStop);
    let next: number | undefined;
    const periods = data.previous ? 2 : 1;
    switch (e.key) {
      case 'ArrowDown':
        next = i + periods;
        break;
      case 'ArrowUp':
        next = i - periods;
        break;
      case 'ArrowRight':
      case 'ArrowLeft': {
        const forward = (e.key === 'ArrowRight') !== isRtl(this.locale);
        next = i + (forward ? 1 : -1);
        break;
      }
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = ids.length - 1;
        break;
      case 'Escape':
        this.tipOpen = false;
        return;
      default:
        return;
    }
    e.preventDefault();
    this.focusBar(ids[Math.max(0, Math.min(ids.length - 1, next))]!);
  }

  private show(id: string, data: FunnelData, announce: boolean) {
    this.active = id;
    this.tipOpen = true;
    if (announce) {
      const { period, index } = parse(id);
      const step = this.stepsOf(data, period)[index];
      if (step) this.announcement = this.describe(step, period, data.previous !== undefined);
    }
  }

  private stepsOf(data: FunnelData, period: Period): FunnelStep[] {
    const t = period === 'current' ? data.current : data.previous;
    return t ? funnelSteps(t, this.chosen, funnelMax(this.chosen, data.current, data.previous)) : [];
  }

  // ---- rendering

  protected override renderActions() {
    return html`<label class="step-select"
      >${this.t('funnel.stepSelect')}
      <select
        @change=${(e: Event) => (this.step = Number((e.target as HTMLSelectElement).value) as PlayThroughStep)}
      >
        ${PLAY_THROUGH_STEPS.map(
          (s) => html`<option value=${s} ?selected=${s === this.chosen}>${this.t('funnel.stepOption', { step: this.fmt.percent(s, 0) })}</option>`,
        )}
      </select></label
    >`;
  }

  protected override renderData(data: FunnelData) {
    const periods: Period[] = data.previous ? ['current', 'previous'] : ['current'];
    const steps = { current: this.stepsOf(data, 'current'), previous: this.stepsOf(data, 'previous') };
    const ids = this.bars(data);
    const tabStop = ids.includes(this.tabStop) ? this.tabStop : ids[0]!;
    const cur = steps.current;
    return html`
      <ol part="steps" aria-label=${this.t('funnel.chartLabel', { step: this.fmt.percent(this.chosen, 0) })} style=${cssProps({ '--_periods': String(periods.length) })}>
        ${cur.map(
          (s, i) => html`<li class="step" part="step" data-step=${s.key}>
            <span class="name">${this.stepName(s)}</span>
            ${periods.map((p) => {
              const st = steps[p][i]!;
              const id = `${p}:${i}`;
              return html`<div class="period ${p}" data-period=${p}>
                ${data.previous ? html`<span class="period-name">${this.periodName(p)}</span>` : nothing}
                <div
                  class="track"
                  part="bar"
                  data-bar=${id}
                  role="img"
                  tabindex=${id === tabStop ? '0' : '-1'}
                  aria-label=${this.describe(st, p, data.previous !== undefined)}
                  @focus=${() => {
                    this.tabStop = id;
                    this.show(id, data, true);
                  }}
                  @blur=${() => (this.tipOpen = false)}
                  @pointerenter=${() => this.show(id, data, false)}
                  @pointerleave=${() => (this.tipOpen = false)}
                  @keydown=${(e: KeyboardEvent) => this.onKeyDown(e, data)}
                >
                  <div class="fill" style=${cssProps({ width: `${(st.length * 100).toFixed(2)}%` })}></div>
                </div>
                <div class="figures" aria-hidden="true">
                  <span class="count">${this.fmt.count(st.count)}</span>
                  ${this.shares(st).map((t) => html`<span class="share">${t}</span>`)}
                </div>
                ${this.tipOpen && this.active === id ? this.renderTooltip(st, p, data) : nothing}
              </div>`;
            })}
          </li>`,
        )}
      </ol>
      <p class="summary" part="summary">${this.summaryText(cur)}</p>
      ${liveRegion(this.announcement)}
      ${tableToggle({
        open: this.showTable,
        controls: `${this.uid}-table`,
        label: this.t(this.showTable ? 'action.hideTable' : 'action.showTable'),
        toggle: () => (this.showTable = !this.showTable),
      })}
      <div class="table" id="${this.uid}-table" ?hidden=${!this.showTable}>
        ${this.showTable ? this.renderTable(data, periods, steps) : nothing}
      </div>
    `;
  }

  private renderTooltip(s: FunnelStep, p: Period, data: FunnelData) {
    return html`<div class="tooltip" part="tooltip" aria-hidden="true">
      <p><strong>${this.stepName(s)}</strong>${data.previous ? html` · ${this.periodName(p)}` : nothing}</p>
      <p>${this.fmt.count(s.count)}</p>
      ${this.shares(s).map((t) => html`<p>${t}</p>`)}
    </div>`;
  }

  private renderTable(data: FunnelData, periods: Period[], steps: Record<Period, FunnelStep[]>) {
    const na = this.t('funnel.notApplicable');
    return html`<table part="table">
      <caption>
        ${this.t('funnel.table.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${this.t('funnel.table.step')}</th>
          ${data.previous ? html`<th scope="col">${this.t('funnel.table.period')}</th>` : nothing}
          <th scope="col">${this.t('funnel.table.count')}</th>
          <th scope="col">${this.t('funnel.table.ofImpressions')}</th>
          <th scope="col">${this.t('funnel.table.ofPlays')}</th>
        </tr>
      </thead>
      <tbody>
        ${steps.current.flatMap((_, i) =>
          periods.map((p) => {
            const s = steps[p][i]!;
            return html`<tr>
              <th scope="row">${this.stepName(s)}</th>
              ${data.previous ? html`<td>${this.periodName(p)}</td>` : nothing}
              <td>${this.fmt.count(s.count)}</td>
              <td>${s.ofImpressions === null ? na : this.fmt.percent(s.ofImpressions, 1)}</td>
              <td>${s.ofPlays === null ? na : this.fmt.percent(s.ofPlays, 1)}</td>
            </tr>`;
          }),
        )}
      </tbody>
    </table>`;
  }

  private summaryText(steps: FunnelStep[]): string {
    const [imp, plays, reached] = steps as [FunnelStep, FunnelStep, FunnelStep];
    const na = this.t('funnel.notApplicable');
    return this.t('funnel.summary', {
      impressions: this.fmt.count(imp.count),
      plays: this.fmt.count(plays.count),
      playRate: plays.ofImpressions === null ? na : this.fmt.percent(plays.ofImpressions, 1),
      reached: this.fmt.count(reached.count),
      step: this.fmt.percent(this.chosen, 0),
      reachRate: reached.ofPlays === null ? na : this.fmt.percent(reached.ofPlays, 1),
    });
  }

  /** Every step of the funnel, with every play-through (25, 50, 75, 100 %), for both periods. */
  protected override csvTable(data: FunnelData): CsvTable {
    const columns: CsvName[] = [
      this.csvName('step', this.t('funnel.table.step')),
      this.csvName('count', this.t('funnel.table.count')),
      this.csvName('ofImpressions', this.t('funnel.table.ofImpressions')),
      this.csvName('ofPlays', this.t('funnel.table.ofPlays')),
    ];
    if (data.previous)
      columns.push(
        ...columns.slice(1).map((c) =>
          this.csvName(`${c.field} compare`, this.t('funnel.compareColumn', { column: c.label, period: this.periodName('previous') })),
        ),
      );
    const rowsOf = (t: TotalsResult | undefined, step: PlayThroughStep, withBase: boolean) => {
      if (!t) return [];
      const s = funnelSteps(t, step);
      return (withBase ? s : s.slice(2)).map((x) => [x.count, x.ofImpressions, x.ofPlays]);
    };
    const rows: (string | number | null)[][] = [];
    PLAY_THROUGH_STEPS.forEach((step, k) => {
      const cur = rowsOf(data.current, step, k === 0);
      const prev = rowsOf(data.previous, step, k === 0);
      const names = k === 0 ? ['impressions', 'plays', 'reached'] : ['reached'];
      cur.forEach((c, i) => {
        const key = names[i] as FunnelStep['key'];
        const label = this.stepName({ key, count: 0, ofImpressions: null, ofPlays: null, length: 0 }, step);
        rows.push([label, ...c, ...(prev[i] ?? [])]);
      });
    });
    return { name: this.t('funnel.title'), columns, rows };
  }
}

function parse(id: string): { period: Period; index: number } {
  const [p, i] = id.split(':');
  return { period: p === 'previous' ? 'previous' : 'current', index: Number(i) };
}
