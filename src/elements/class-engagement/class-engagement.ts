import { html, nothing, svg, type PropertyValues } from 'lit';
import { cssProps } from '../shared/css-props.js';
import { property, state, query } from 'lit/decorators.js';
import { AnalyticsPanel, type LoadContext } from '../shared/analytics-panel.js';
import { BUCKETS, type HeatmapQuery, type HeatmapResult, type HeatmapRow, type Marker } from '../../data/types.js';
import { toCsv, csvFileName, type CsvTable } from '../../data/csv.js';
import { isRtl, type MessageKey } from '../../i18n/index.js';
import { downloadText } from '../shared/download.js';
import { WidthController } from '../shared/width-controller.js';
import { liveRegion, tableToggle } from '../shared/chart-parts.js';
import { idListConverter, matrixCsv, tierLegend, tierStyles, timeAxisMarks } from '../shared/tier-parts.js';
import { bucketAtX, bucketTime, bucketX, TIERS, type Tier } from '../../charts/heatmap.js';
import { shareTicks, stackTiers, tierCounts, tierShare, type TierCounts } from '../../charts/tiers.js';
import {
  missedSpan,
  notableSpans,
  parseMediaTime,
  rewatchCounts,
  skipCounts,
  spanBuckets,
  watchedShare,
  type NotableSpan,
} from '../../charts/spans.js';
import { tooltipStyles } from '../shared/tooltip.styles.js';
import { classEngagementStyles } from './class-engagement.styles.js';
import { heatmapLimitOf } from '../shared/states.js';
import { LIMITS } from '../../data/validate.js';

/** What the class view derives from the users × buckets matrix. */
interface ClassStats {
  users: HeatmapRow[];
  tiers: TierCounts;
  rewatch: number[];
  skip: number[];
  rewatched: NotableSpan[];
  skipped: NotableSpan[];
}

const CHART_H = 160;
const STRIP_H = 8;
const AXIS_H = 22;
/** Width of the share axis beside the chart (its title and tick labels). */
const Y_AXIS_W = 56;

/**
 * The class-wide view of a group of users (a course's students): per 1 % of the media, the share of users in each
 * viewing tier as a stacked chart; the most re-watched and most skipped spans; and, for a span the instructor
 * selects (drag on the chart, Shift + arrow keys, or typed times), the list of users who never watched it, to send
 * a reminder. Everything is derived from one `heatmap` query. With a `privacy-floor` N, groups of fewer than N users
 * show no counts, and counts under N read "fewer than N".
 *
 * @summary Which parts of the media a whole group watched, re-watched, skipped or missed.
 * @csspart chart - The stacked tier chart.
 * @csspart y-axis - The chart's share axis (share of users, 0–100 %).
 * @csspart legend - The legend.
 * @csspart tooltip - The tooltip of the hovered or focused part.
 * @csspart span-form - The span finder form.
 * @csspart missed - The list of users who missed the span.
 * @csspart notable - The lists of re-watched and skipped spans.
 * @csspart table - The data table alternative.
 * @cssprop --ea-tier-0 - Colour of "not viewed".
 * @cssprop --ea-tier-1 - Colour of "viewed once".
 * @cssprop --ea-tier-2 - Colour of "viewed twice".
 * @cssprop --ea-tier-3 - Colour of "viewed more than twice".
 * @cssprop --ea-series-2 - Colour of the re-watched spans.
 * @cssprop --ea-series-5 - Colour of the skipped spans.
 */
export class ClassEngagement extends AnalyticsPanel<HeatmapResult> {
  static override styles = [
    ...AnalyticsPanel.styles,
    tooltipStyles,
    tierStyles,
    classEngagementStyles,
  ];

  /** The group's users (attribute: ids separated by spaces or commas). Unset: every user with plays, up to `limit`. */
  @property({ attribute: 'user-ids', converter: idListConverter }) userIds?: string[];

  /** Only users whose name or id contains this text (case-insensitive), e.g. the users table's filter. */
  @property() search = '';

  /** At most this many users when `user-ids` is unset. */
  @property({ type: Number }) limit = 10_000;

  /** The heatmap rows given directly (no query is sent when set). */
  @property({ attribute: false }) rows?: HeatmapResult;

  /** Markers of the media (chapters), shown on the axis. */
  @property({ attribute: false }) markers: Marker[] = [];

  /** Below this many users in the group, counts are hidden ("fewer than N users"). 0: off. */
  @property({ type: Number, attribute: 'privacy-floor' }) privacyFloor = 0;

  /** The selected span, buckets `[from, to)`; UI state, a host may preset it. */
  @property({ attribute: false }) span?: [number, number];

  @state() private focusBucket?: number;
  @state() private hoverBucket?: number;
  @state() private focused = false;
  @state() private includePartial = false;
  @state() private showTable = false;
  @state() private announcement = '';
  @state() private spanError = '';
  @state() private fromText = '';
  @state() private toText = '';
  /** The times typed for the span (s), shown in its title; unset when the span came from the chart. */
  @state() private spanTimes?: [number, number];

  @query('.chart') private chartEl?: HTMLElement;

  private stats?: ClassStats;
  private statsFor?: { data: HeatmapResult; search: string; floor: number };
  private anchor?: number;
  private dragging = false;
  /** The chart's width, from a ResizeObserver tied to connect/disconnect (0 until measured). */
  private readonly size = new WidthController(this, '.chart', { fallback: 0 });

  private get width(): number {
    return this.size.width;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A span the host set: show its times in the form.
    if (changed.has('span') && this.span && this.data && !this.spanTimes) {
      const d = this.data.duration;
      this.fromText = this.fmt.mediaTime(bucketTime(this.span[0], d));
      this.toText = this.fmt.mediaTime(bucketTime(this.span[1], d));
    }
  }

  protected override canLoad(): boolean {
    return Boolean(this.rows) || super.canLoad();
  }

  protected override loadArgs(): unknown[] {
    return [this.rows, this.userIds?.join('\u0000'), this.limit, this.search.trim()];
  }

  protected override async load(ctx: LoadContext): Promise<HeatmapResult> {
    if (this.rows) return this.rows;
    const search = this.search.trim();
    const q: HeatmapQuery = this.userIds
      ? { ...ctx.base, kind: 'heatmap', userIds: this.userIds.slice(0, LIMITS.heatmapUsers) }
      : { ...ctx.base, kind: 'heatmap', limit: heatmapLimitOf(this.limit, LIMITS.heatmapUsers), ...(search ? { search } : {}) };
    return ctx.ask(q);
  }

  protected override hasChartImage(): boolean {
    return true;
  }

  /** Per-user figures have no compare period. */
  protected override chartShowsCompare(): boolean {
    return false;
  }

  protected override panelTitle(): string {
    return this.t('class.title');
  }

  protected override isEmpty(data: HeatmapResult): boolean {
    return this.statsOf(data).users.length === 0;
  }

  /** The derived figures of the group (cached per result and filter). */
  private statsOf(data: HeatmapResult): ClassStats {
    const search = this.search.trim().toLowerCase();
    if (this.stats && this.statsFor?.data === data && this.statsFor.search === search && this.statsFor.floor === this.privacyFloor)
      return this.stats;
    // The provider already filters by `search`; filtering again keeps providers that ignore it correct.
    const users = search
      ? data.users.filter((u) => u.name.toLowerCase().includes(search) || u.userId.toLowerCase().includes(search))
      : data.users;
    const matrix = users.map((u) => u.counts);
    const rewatch = rewatchCounts(matrix);
    const skip = skipCounts(matrix);
    const min = Math.max(2, this.privacyFloor);
    this.stats = {
      users,
      tiers: tierCounts(matrix),
      rewatch,
      skip,
      rewatched: notableSpans(rewatch, { min }),
      skipped: notableSpans(skip, { min }),
    };
    this.statsFor = { data, search, floor: this.privacyFloor };
    return this.stats;
  }

  /** Whether the group is under the privacy floor. */
  private get private_(): boolean {
    const n = this.data ? this.statsOf(this.data).users.length : 0;
    return this.privacyFloor > 0 && n < this.privacyFloor;
  }

  private get rtl(): boolean {
    return isRtl(this.locale);
  }

  /** A count, or "fewer than N" under the privacy floor. */
  private count(n: number): string {
    return this.privacyFloor > 0 && n > 0 && n < this.privacyFloor
      ? this.t('class.fewer', { floor: this.fmt.count(this.privacyFloor) })
      : this.fmt.count(n);
  }

  private tierLabel(tier: Tier): string {
    return this.t(`heatmap.tier${tier}` as MessageKey);
  }

  private spanText(from: number, to: number, duration: number): { from: string; to: string } {
    return { from: this.fmt.mediaTime(bucketTime(from, duration)), to: this.fmt.mediaTime(bucketTime(to, duration)) };
  }

  /** The text of bucket `i`: its time span and each tier's share and count. */
  bucketText(i: number): string {
    const data = this.data!;
    const s = this.statsOf(data);
    const floor = this.privacyFloor;
    const tiers = TIERS.map((t) => {
      const n = s.tiers.counts[t][i]!;
      return floor > 0 && n > 0 && n < floor
        ? this.t('class.tierHidden', { tier: this.tierLabel(t), floor: this.fmt.count(floor) })
        : this.t('class.tierShare', {
            tier: this.tierLabel(t),
            share: this.fmt.percent(tierShare(s.tiers, t, i), 0),
            count: this.fmt.count(n),
          });
    }).reduce((first, rest) => this.t('heatmap.list', { first, rest }));
    return this.t('class.bucket', { ...this.spanText(i, i + 1, data.duration), tiers });
  }

  // ---- span selection

  private selectSpan(from: number, to: number, announce = false) {
    const a = Math.max(0, Math.min(BUCKETS - 1, Math.min(from, to)));
    const b = Math.max(a + 1, Math.min(BUCKETS, Math.max(from, to)));
    this.span = [a, b];
    this.spanTimes = undefined;
    this.spanError = '';
    const d = this.data?.duration ?? 0;
    this.fromText = this.fmt.mediaTime(bucketTime(a, d));
    this.toText = this.fmt.mediaTime(bucketTime(b, d));
    if (announce && this.data) {
      const missed = this.missed();
      this.announcement = this.t('class.announce', {
        title: this.missedTitle(),
        count: this.t('class.missedCount', {
          count: this.fmt.count(missed.length),
          total: this.fmt.count(this.statsOf(this.data).users.length),
        }),
      });
    }
  }

  private onSpanSubmit(e: Event) {
    e.preventDefault();
    const data = this.data;
    if (!data) return;
    const a = parseMediaTime(this.fromText);
    const b = parseMediaTime(this.toText);
    if (a === undefined || b === undefined || a === b || Math.min(a, b) >= data.duration) {
      this.spanError = this.t('class.spanInvalid', { duration: this.fmt.mediaTime(data.duration) });
      return;
    }
    const [from, to] = spanBuckets(a, b, data.duration);
    this.span = [from, to];
    this.spanTimes = [Math.min(a, b), Math.min(data.duration, Math.max(a, b))];
    this.spanError = '';
  }

  /** The users who never watched the selected span (or only part of it, with the option on), in the group's order. */
  missed(): HeatmapRow[] {
    const data = this.data;
    if (!data || !this.span) return [];
    const users = this.statsOf(data).users;
    return missedSpan(
      users.map((u) => u.counts),
      this.span[0],
      this.span[1],
      this.includePartial,
    ).map((k) => users[k]!);
  }

  private missedTitle(): string {
    const [a, b] = this.span!;
    const times = this.spanTimes
      ? { from: this.fmt.mediaTime(this.spanTimes[0]), to: this.fmt.mediaTime(this.spanTimes[1]) }
      : this.spanText(a, b, this.data!.duration);
    return this.t(this.includePartial ? 'class.missedTitlePartial' : 'class.missedTitle', times);
  }

  /** The CSV of the users who missed the selected span. */
  missedCsv(): string | undefined {
    if (!this.span) return undefined;
    const [a, b] = this.span;
    return toCsv(
      {
        columns: [
          this.csvName('userId', this.t('users.userId')),
          this.csvName('name', this.t('users.name')),
          this.csvName('watchedShare', this.t('class.watchedShare')),
        ],
        rows: this.missed().map((u) => [u.userId, u.name, watchedShare(u.counts, a, b)]),
      },
      { headers: this.csvHeaders },
    );
  }

  private exportMissed() {
    const text = this.missedCsv();
    if (!text) return;
    downloadText(csvFileName(this.missedTitle(), this.range.from, this.range.to), text, 'text/csv;charset=utf-8');
  }

  // ---- chart interaction

  private bucketFromPointer(e: PointerEvent): number {
    const rect = this.chartEl!.getBoundingClientRect();
    return bucketAtX(e.clientX - rect.left, { width: rect.width, rtl: this.rtl });
  }

  private onPointerDown(e: PointerEvent) {
    const i = this.bucketFromPointer(e);
    if (i < 0 || this.private_) return;
    this.dragging = true;
    this.anchor = i;
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
    this.selectSpan(i, i + 1);
  }

  private onPointerMove(e: PointerEvent) {
    const i = this.bucketFromPointer(e);
    this.hoverBucket = i < 0 ? undefined : i;
    if (this.dragging && i >= 0 && this.anchor !== undefined) this.selectSpan(Math.min(this.anchor, i), Math.max(this.anchor, i) + 1);
  }

  private onPointerUp() {
    this.dragging = false;
  }

  private onPointerLeave() {
    if (!this.dragging) this.hoverBucket = undefined;
  }

  private onFocus() {
    this.focused = true;
    if (this.focusBucket === undefined) this.focusBucket = this.span?.[0] ?? 0;
    if (this.data && !this.private_) this.announcement = this.bucketText(this.focusBucket);
  }

  private onBlur() {
    this.focused = false;
  }

  private onKey(e: KeyboardEvent) {
    if (!this.data || this.private_) return;
    const cur = this.focusBucket ?? 0;
    const dx = this.rtl ? -1 : 1;
    let next: number;
    switch (e.key) {
      case 'ArrowRight':
        next = cur + dx;
        break;
      case 'ArrowLeft':
        next = cur - dx;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = BUCKETS - 1;
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.selectSpan(cur, cur + 1, true);
        return;
      default:
        return;
    }
    e.preventDefault();
    next = Math.max(0, Math.min(BUCKETS - 1, next));
    if (e.shiftKey) {
      if (this.anchor === undefined || !this.span) this.anchor = cur;
      this.focusBucket = next;
      this.selectSpan(Math.min(this.anchor, next), Math.max(this.anchor, next) + 1, true);
      return;
    }
    this.anchor = undefined;
    this.focusBucket = next;
    this.announcement = this.bucketText(next);
  }

  // ---- rendering

  private renderLegend() {
    return tierLegend(this.t('heatmap.legend'), (t) => this.tierLabel(t), [
      { color: 'var(--_series-2)', label: this.t('class.rewatched') },
      { color: 'var(--_series-5)', label: this.t('class.skipped') },
    ]);
  }

  /**
   * The share axis beside the chart: its title and ticks from 0 % to 100 % on the bars' scale. It sits at the chart's
   * start side (the flex row follows the panel's direction, so it is on the right in RTL) with its ticks towards the
   * chart. Its text is laid out left to right with explicit anchors, so the labels hug the chart in either direction.
   */
  private renderYAxis() {
    const rtl = this.rtl;
    const edge = rtl ? 0 : Y_AXIS_W;
    const tick = rtl ? 4 : Y_AXIS_W - 4;
    const labelX = rtl ? 7 : Y_AXIS_W - 7;
    const titleX = rtl ? Y_AXIS_W - 6 : 6;
    return html`<svg class="y-axis" part="y-axis" width=${Y_AXIS_W} height=${CHART_H} direction="ltr" aria-hidden="true">
      <line x1=${edge} x2=${edge} y1="0" y2=${CHART_H}></line>
      ${shareTicks(CHART_H, 5).map(
        (t) => svg`<line x1=${edge} x2=${tick} y1=${t.y} y2=${t.y}></line>
          <text class="tick" x=${labelX} y=${t.y} dy="0.32em" text-anchor=${rtl ? 'start' : 'end'}>${this.fmt.percent(t.value, 0)}</text>`,
      )}
      <text class="title" transform="translate(${titleX} ${CHART_H / 2}) rotate(${rtl ? 90 : -90})" text-anchor="middle" dominant-baseline="hanging"
        >${this.t('class.yAxis')}</text
      >
    </svg>`;
  }

  private renderChart(data: HeatmapResult, s: ClassStats) {
    const w = this.width;
    const g = { width: w, rtl: this.rtl };
    const rects = w > 0 ? stackTiers(s.tiers, w, CHART_H, this.rtl) : [];
    const band = (span: NotableSpan, y: number, cls: string) => {
      const [x0] = bucketX(this.rtl ? span.to - 1 : span.from, g);
      const [, x1] = bucketX(this.rtl ? span.from : span.to - 1, g);
      return svg`<rect class=${cls} x=${x0} y=${y} width=${Math.max(2, x1 - x0)} height=${STRIP_H - 2}></rect>`;
    };
    const spanRect = (from: number, to: number, cls: string) => {
      const a = bucketX(from, g);
      const b = bucketX(to - 1, g);
      const x0 = Math.min(a[0], b[0]);
      const x1 = Math.max(a[1], b[1]);
      return svg`<rect class=${cls} x=${x0 + 1} y="1" width=${Math.max(2, x1 - x0 - 2)} height=${CHART_H - 2}></rect>`;
    };
    const tip = this.hoverBucket ?? (this.focused ? this.focusBucket : undefined);
    const tipX = tip !== undefined && w > 0 ? (bucketX(tip, g)[0] + bucketX(tip, g)[1]) / 2 : 0;
    const total = CHART_H + 2 * STRIP_H + AXIS_H;
    return html`<div class="plot">
      ${this.renderYAxis()}
      <div
        class="chart"
        part="chart"
        role="application"
        tabindex="0"
        aria-roledescription=${this.t('class.title')}
        aria-label=${this.t('class.label')}
        aria-describedby="${this.uid}-summary ${this.uid}-keys"
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointerleave=${this.onPointerLeave}
        @keydown=${this.onKey}
        @focus=${this.onFocus}
        @blur=${this.onBlur}
      >
        <svg width=${w} height=${total} aria-hidden="true">
          ${rects.map(
            (r) => svg`<rect x=${r.x} y=${r.y} width=${r.width + 0.5} height=${r.height} fill="var(--_tier-${r.tier})" data-tier=${r.tier}></rect>`,
          )}
          ${this.span && w > 0 ? spanRect(this.span[0], this.span[1], 'sel') : nothing}
          ${this.focused && this.focusBucket !== undefined && w > 0 ? spanRect(this.focusBucket, this.focusBucket + 1, 'focus') : nothing}
          ${s.rewatched.map((sp) => band(sp, CHART_H + 2, 'rewatched'))}
          ${s.skipped.map((sp) => band(sp, CHART_H + STRIP_H + 2, 'skipped'))}
          <g transform="translate(0 ${CHART_H + 2 * STRIP_H})">
            ${w > 0 ? timeAxisMarks(data.duration, this.markers, { ...g, baseline: AXIS_H }, this.fmt) : nothing}
          </g>
        </svg>
        ${tip !== undefined ? html`<div class="tooltip" part="tooltip" aria-hidden="true" style=${cssProps({ left: `${Math.max(80, Math.min(w - 80, tipX))}px`, top: `${CHART_H + 4}px` })}>${this.bucketText(tip)}</div>` : nothing}
      </div></div>
      <p class="muted" id="${this.uid}-summary">${this.t('class.summary', { count: this.fmt.count(s.users.length) })} ${this.t('class.dragHint')}</p>
      <p class="sr-only" id="${this.uid}-keys">${this.t('class.keys')}</p>`;
  }

  private renderNotable(title: string, spans: NotableSpan[], key: MessageKey, data: HeatmapResult, cls: string) {
    return html`<section class="notable ${cls}" part="notable">
      <h3>${title}</h3>
      ${spans.length
        ? html`<ul class="spans">
            ${spans.map((sp) => {
              const t = this.spanText(sp.from, sp.to, data.duration);
              return html`<li>
                <button type="button" aria-label=${this.t('class.spanAction', { item: this.t(key, { ...t, count: this.count(sp.peak) }), action: this.t('class.selectSpan', t) })} @click=${() => this.selectSpan(sp.from, sp.to, true)}>
                  ${this.t(key, { ...t, count: this.count(sp.peak) })}
                </button>
              </li>`;
            })}
          </ul>`
        : html`<p class="muted">${this.t('class.noneNotable')}</p>`}
    </section>`;
  }

  private renderSpanFinder(s: ClassStats) {
    const missed = this.span ? this.missed() : [];
    return html`<section class="finder">
      <h3>${this.t('class.span')}</h3>
      <form part="span-form" @submit=${this.onSpanSubmit} novalidate>
        <label
          >${this.t('class.spanFrom')}
          <input
            type="text"
            name="from"
            inputmode="decimal"
            .value=${this.fromText}
            aria-describedby="${this.uid}-hint"
            @input=${(e: Event) => (this.fromText = (e.target as HTMLInputElement).value)}
        /></label>
        <label
          >${this.t('class.spanTo')}
          <input
            type="text"
            name="to"
            inputmode="decimal"
            .value=${this.toText}
            aria-describedby="${this.uid}-hint"
            @input=${(e: Event) => (this.toText = (e.target as HTMLInputElement).value)}
        /></label>
        <button type="submit">${this.t('class.spanApply')}</button>
        <label class="check"
          ><input type="checkbox" .checked=${this.includePartial} @change=${(e: Event) => (this.includePartial = (e.target as HTMLInputElement).checked)} />
          ${this.t('class.includePartial')}</label
        >
      </form>
      <p class="muted" id="${this.uid}-hint">${this.t('class.spanHint')}</p>
      ${this.spanError ? html`<p class="error-text" role="alert">${this.spanError}</p>` : nothing}
      ${this.span
        ? html`<div class="missed-block" part="missed">
            <h3>${this.missedTitle()}</h3>
            <p class="muted missed-count">
              ${this.t('class.missedCount', { count: this.fmt.count(missed.length), total: this.fmt.count(s.users.length) })}
            </p>
            ${missed.length
              ? html`<ul class="missed" tabindex="0" aria-label=${this.missedTitle()}>
                    ${missed.map((u) => html`<li data-user=${u.userId}>${u.name || u.userId}</li>`)}
                  </ul>
                  <button type="button" class="export-missed" @click=${() => this.exportMissed()}>${this.t('class.missedExport')}</button>`
              : html`<p>${this.t('class.missedNone')}</p>`}
          </div>`
        : nothing}
    </section>`;
  }

  private renderTable(data: HeatmapResult, s: ClassStats) {
    return html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="${this.uid}-caption">
      <table part="table" id="${this.uid}-table">
        <caption id="${this.uid}-caption">${this.t('table.caption', { title: this.t('class.title') })}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t('class.span')}</th>
            ${TIERS.map((t) => html`<th scope="col">${this.tierLabel(t)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${Array.from({ length: BUCKETS }, (_, i) => {
            const t = this.spanText(i, i + 1, data.duration);
            return html`<tr>
              <th scope="row">${this.t('heatmap.span', t)}</th>
              ${TIERS.map((tier) => {
                const n = s.tiers.counts[tier][i]!;
                const hidden = this.privacyFloor > 0 && n > 0 && n < this.privacyFloor;
                const figures = hidden
                  ? this.count(n)
                  : this.t('class.shareCount', { share: this.fmt.percent(tierShare(s.tiers, tier, i), 0), count: this.fmt.count(n) });
                return html`<td>${figures}</td>`;
              })}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  protected override renderData(data: HeatmapResult) {
    const s = this.statsOf(data);
    if (this.private_)
      return html`<p class="message privacy" role="note">${this.t('class.privacy', { floor: this.fmt.count(this.privacyFloor) })}</p>
        ${this.renderSpanFinder(s)}`;
    return html`${this.renderLegend()} ${this.renderChart(data, s)}
      ${liveRegion(this.announcement)}
      ${tableToggle({
        open: this.showTable,
        controls: `${this.uid}-table`,
        label: this.t(this.showTable ? 'action.hideTable' : 'action.showTable'),
        toggle: () => (this.showTable = !this.showTable),
      })}
      ${this.showTable ? this.renderTable(data, s) : nothing}
      <div class="columns">
        ${this.renderSpanFinder(s)}
        ${this.renderNotable(this.t('class.rewatched'), s.rewatched, 'class.rewatchedItem', data, 'rewatched-list')}
        ${this.renderNotable(this.t('class.skipped'), s.skipped, 'class.skippedItem', data, 'skipped-list')}
      </div>`;
  }

  protected override csvTable(data: HeatmapResult): CsvTable {
    const labels = { userId: this.t('users.userId'), name: this.t('users.name') };
    return matrixCsv(this.t('class.matrixName'), this.statsOf(data).users, data.duration, labels, this.fmt);
  }
}
