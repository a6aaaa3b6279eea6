import { html, nothing, type PropertyValues } from 'lit';
import { cssProps } from '../shared/css-props.js';
import { property, state, query } from 'lit/decorators.js';
import { AnalyticsPanel, type LoadContext } from '../shared/analytics-panel.js';
import { type HeatmapQuery, type HeatmapResult, type Marker } from '../../data/types.js';
import type { CsvTable } from '../../data/csv.js';
import { emit } from '../../events.js';
import { isRtl, type MessageKey } from '../../i18n/index.js';
import {
  bucketTime,
  bucketX,
  cellAt,
  moveCell,
  tierOf,
  tierSpans,
  timeX,
  visibleRows,
  TIERS,
  type Rgba,
  type Tier,
} from '../../charts/heatmap.js';
import { buildRaster, cssColor, drawFrame, type HeatmapRaster } from './draw.js';
import { resolveColors } from '../shared/colors.js';
import { WidthController } from '../shared/width-controller.js';
import { liveRegion, tableToggle } from '../shared/chart-parts.js';
import { withHelp } from '../shared/data-table.js';
import { idListConverter, matrixCsv, tierLegend, tierStyles, timeAxisMarks } from '../shared/tier-parts.js';
import { tooltipStyles } from '../shared/tooltip.styles.js';
import { engagementHeatmapStyles } from './engagement-heatmap.styles.js';
import { heatmapLimitOf } from '../shared/states.js';
import { LIMITS } from '../../data/validate.js';

export { idListConverter };

/** A cell of the heatmap: a user's row and a 1 % bucket. */
export interface HeatmapCell {
  row: number;
  bucket: number;
}

/** Rows the data-table alternative lists at most (the CSV has them all). */
const TABLE_ROWS = 100;

/**
 * Per-user heatmaps: one bar per user over the media's duration, each 1 % coloured by how many times the user
 * watched it (not viewed, once, twice, more than twice). Drawn on a canvas (rasterized once, scrolled virtually),
 * so thousands of users stay fast; names, axis, legend, summary and a data table stay accessible text. Arrow keys
 * move a focus cell (announced and shown in a tooltip); Enter or a click seeks there.
 *
 * Give it `provider`, `entry-id`, a range and `user-ids` (or nothing for every user with plays, up to `limit`), or
 * the `rows` directly.
 *
 * @summary Which parts of the media each user watched, and how many times.
 * @fires seek - The user activated a cell (Enter or click): `{time}` is the start of that part, seconds.
 * @csspart legend - The tier legend.
 * @csspart chart - The chart (names, bars, axis).
 * @csspart names - The users' names column.
 * @csspart canvas - The canvas of the bars.
 * @csspart axis - The media-time axis.
 * @csspart tooltip - The tooltip of the hovered or focused cell.
 * @csspart table - The data table alternative.
 * @cssprop --ea-tier-0 - Colour of "not viewed".
 * @cssprop --ea-tier-1 - Colour of "viewed once".
 * @cssprop --ea-tier-2 - Colour of "viewed twice".
 * @cssprop --ea-tier-3 - Colour of "viewed more than twice".
 * @cssprop --ea-heatmap-names-width - Width of the names column (default 10em).
 */
export class EngagementHeatmap extends AnalyticsPanel<HeatmapResult> {
  static override styles = [
    ...AnalyticsPanel.styles,
    tooltipStyles,
    tierStyles,
    engagementHeatmapStyles,
  ];

  /** The users to show, in order (attribute: ids separated by spaces or commas). Unset: every user with plays. */
  @property({ attribute: 'user-ids', converter: idListConverter }) userIds?: string[];

  /** The heatmap rows given directly (no query is sent when set). */
  @property({ attribute: false }) rows?: HeatmapResult;

  /** At most this many users when `user-ids` is unset. */
  @property({ type: Number }) limit = 1000;

  /** Markers on the media's timeline (chapters from `<playback-views>` or the entry); drawn on the axis. */
  @property({ attribute: false }) markers: Marker[] = [];

  /** Height of one user's row, px (the bar plus a small gap). */
  @property({ type: Number, attribute: 'row-height' }) rowHeight = 18;

  /** The chart's height at most before it scrolls, px. */
  @property({ type: Number, attribute: 'max-height' }) maxHeight = 420;

  /** Without the panel's frame (to embed in a row of another panel). */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** The panel's title (default "Engagement heatmap"). */
  @property() heading = '';

  @state() private viewTop = 0;
  @state() private focusCell?: HeatmapCell;
  @state() private hoverCell?: HeatmapCell;
  @state() private showTable = false;
  @state() private announcement = '';
  /** The bars do not have focus (the focus cell is kept but not shown). */
  @state() private blurred = true;

  @query('.bars') private barsEl?: HTMLElement;
  @query('.viewport') private viewportEl?: HTMLElement;
  @query('canvas') private canvasEl?: HTMLCanvasElement;
  @query('.tooltip') private tooltipEl?: HTMLElement;
  @query('.chart') private chartEl?: HTMLElement;

  /** The bars' width, from a ResizeObserver tied to connect/disconnect (0 until measured). */
  private readonly size = new WidthController(this, '.bars', { fallback: 0 });
  private raster?: HeatmapRaster;
  private rasterFor?: { data: HeatmapResult; colors: string };

  private get width(): number {
    return this.size.width;
  }

  /** The rasterized matrix's size in rows (for tests and the bench). */
  get drawnRows(): number {
    return this.raster?.rows ?? 0;
  }

  protected override canLoad(): boolean {
    return Boolean(this.rows) || super.canLoad();
  }

  protected override loadArgs(): unknown[] {
    return [this.rows, this.userIds?.join('\u0000'), this.limit];
  }

  protected override async load(ctx: LoadContext): Promise<HeatmapResult> {
    if (this.rows) return this.rows;
    const q: HeatmapQuery = this.userIds
      ? { ...ctx.base, kind: 'heatmap', userIds: this.userIds.slice(0, LIMITS.heatmapUsers) }
      : { ...ctx.base, kind: 'heatmap', limit: heatmapLimitOf(this.limit, 1000) };
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
    return this.heading || this.t('heatmap.title');
  }

  protected override isEmpty(data: HeatmapResult): boolean {
    return data.users.length === 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const data = this.data;
    if (this.focusCell && data && this.focusCell.row >= data.users.length) this.focusCell = undefined;
    if (this.hoverCell && data && this.hoverCell.row >= data.users.length) this.hoverCell = undefined;
  }

  private get rtl(): boolean {
    return isRtl(this.locale);
  }

  private get gap(): number {
    return this.rowHeight >= 8 ? 2 : 0;
  }

  private viewportHeight(n: number): number {
    return Math.max(this.rowHeight, Math.min(n * this.rowHeight, this.maxHeight));
  }

  private tierLabel(tier: Tier): string {
    return this.t(`heatmap.tier${tier}` as MessageKey);
  }

  private chapterAt(time: number): Marker | undefined {
    let hit: Marker | undefined;
    for (const m of this.markers) if (m.kind === 'chapter' && m.time <= time) hit = m;
    return hit;
  }

  /** The text of a cell, for the tooltip and the live region. */
  cellText(data: HeatmapResult, cell: HeatmapCell): string {
    const user = data.users[cell.row]!;
    const count = user.counts[cell.bucket] ?? 0;
    const from = this.fmt.mediaTime(bucketTime(cell.bucket, data.duration));
    const to = this.fmt.mediaTime(bucketTime(cell.bucket + 1, data.duration));
    const text = this.t('heatmap.cell', {
      name: user.name || user.userId,
      from,
      to,
      tier: this.tierLabel(tierOf(count)),
      count: this.t('heatmap.times', { count: this.fmt.count(count) }),
    });
    const chapter = this.chapterAt(bucketTime(cell.bucket, data.duration) + 1e-6);
    return chapter ? this.t('heatmap.cellChapter', { cell: text, label: chapter.label }) : text;
  }

  // ---- interaction

  private onScroll(e: Event) {
    this.viewTop = (e.target as HTMLElement).scrollTop;
  }

  private cellFromPointer(e: PointerEvent | MouseEvent): HeatmapCell | undefined {
    const data = this.data;
    if (!data || !this.barsEl) return undefined;
    const rect = this.barsEl.getBoundingClientRect();
    return cellAt(e.clientX - rect.left, e.clientY - rect.top, {
      width: rect.width,
      rowHeight: this.rowHeight,
      rows: data.users.length,
      rtl: this.rtl,
    });
  }

  private onPointer(e: PointerEvent) {
    if (e.type === 'pointerleave') {
      this.hoverCell = undefined;
      return;
    }
    const cell = this.cellFromPointer(e);
    if (cell?.row !== this.hoverCell?.row || cell?.bucket !== this.hoverCell?.bucket) this.hoverCell = cell;
  }

  private onClick(e: MouseEvent) {
    const cell = this.cellFromPointer(e);
    if (!cell || !this.data) return;
    this.focusCell = cell;
    this.seek(cell);
  }

  private seek(cell: HeatmapCell) {
    if (!this.data) return;
    emit(this, 'seek', { time: bucketTime(cell.bucket, this.data.duration) });
  }

  private onFocus() {
    if (!this.focusCell && this.data?.users.length) {
      const first = visibleRows(this.viewTop, this.viewportHeight(this.data.users.length), this.rowHeight, this.data.users.length, 0);
      this.setFocus({ row: first.start, bucket: 0 });
    } else if (this.focusCell && this.data) {
      this.blurred = false;
      this.announcement = this.cellText(this.data, this.focusCell);
    }
  }

  private onBlur() {
    this.announcement = '';
    this.blurred = true;
  }

  private setFocus(cell: HeatmapCell) {
    const data = this.data!;
    this.blurred = false;
    this.focusCell = cell;
    this.announcement = this.cellText(data, cell);
    // Keep the focused row in view.
    const vp = this.viewportEl;
    if (vp) {
      const top = cell.row * this.rowHeight;
      const h = this.viewportHeight(data.users.length);
      if (top < vp.scrollTop) vp.scrollTop = top;
      else if (top + this.rowHeight > vp.scrollTop + h) vp.scrollTop = top + this.rowHeight - h;
      this.viewTop = vp.scrollTop;
    }
  }

  private onKey(e: KeyboardEvent) {
    const data = this.data;
    if (!data?.users.length) return;
    const cell = this.focusCell ?? { row: 0, bucket: 0 };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.seek(cell);
      return;
    }
    if (e.key === 'Escape') {
      this.hoverCell = undefined;
      this.blurred = true;
      return;
    }
    const pageRows = Math.max(1, Math.floor(this.viewportHeight(data.users.length) / this.rowHeight) - 1);
    const next = moveCell(cell, e.key, data.users.length, { rtl: this.rtl, pageRows });
    if (!next) return;
    e.preventDefault();
    this.setFocus(next);
  }

  // ---- drawing

  private tierColors(): { key: string; rgba: [Rgba, Rgba, Rgba, Rgba]; line: string } {
    const [line, ...names] = resolveColors(this.renderRoot as ShadowRoot, ['var(--_text)', ...TIERS.map((t) => `var(--_tier-${t})`)]);
    return {
      key: names.join('|'),
      rgba: names.map(cssColor) as [Rgba, Rgba, Rgba, Rgba],
      line: line!,
    };
  }

  /** System settings the canvas colours depend on (the tokens change under them, the canvas does not by itself). */
  private readonly colorQueries = ['(prefers-color-scheme: dark)', '(forced-colors: active)', '(prefers-contrast: more)'].map((q) =>
    typeof matchMedia === 'function' ? matchMedia(q) : undefined,
  );
  private readonly repaint = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    for (const q of this.colorQueries) q?.addEventListener('change', this.repaint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const q of this.colorQueries) q?.removeEventListener('change', this.repaint);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.draw();
    this.placeTooltip();
  }

  /** Draws the rows in view on the canvas (rasterizing the matrix when the data or the colours changed). */
  draw(): void {
    const data = this.data;
    const canvas = this.canvasEl;
    if (!data || !canvas || this.width <= 0) return;
    const colors = this.tierColors();
    if (!this.raster || this.rasterFor?.data !== data || this.rasterFor.colors !== colors.key) {
      this.raster = buildRaster(
        data.users.map((u) => u.counts),
        colors.rgba,
      );
      this.rasterFor = { data, colors: colors.key };
    }
    const n = data.users.length;
    const height = this.viewportHeight(n);
    const { start, end } = visibleRows(this.viewTop, height, this.rowHeight, n, 1);
    const lines = this.markers
      .filter((m) => m.kind === 'chapter' && m.time > 0 && m.time < data.duration)
      .map((m) => timeX(m.time, data.duration, { width: this.width }));
    drawFrame(canvas, this.raster, {
      width: this.width,
      height,
      dpr: window.devicePixelRatio || 1,
      rowHeight: this.rowHeight,
      gap: this.gap,
      start,
      end,
      scrollTop: this.viewTop,
      rtl: this.rtl,
      lines,
      lineColor: colors.line,
    });
  }

  private get tipCell(): HeatmapCell | undefined {
    return this.hoverCell ?? (this.blurred ? undefined : this.focusCell);
  }

  private placeTooltip() {
    const tip = this.tooltipEl;
    const cell = this.tipCell;
    if (!tip || !cell || !this.barsEl || !this.chartEl) return;
    const bars = this.barsEl.getBoundingClientRect();
    const chart = this.chartEl.getBoundingClientRect();
    const [x0, x1] = bucketX(cell.bucket, { width: bars.width, rtl: this.rtl });
    const left = bars.left - chart.left + (x0 + x1) / 2;
    const top = bars.top - chart.top + (cell.row + 1) * this.rowHeight + 4;
    const half = tip.offsetWidth / 2;
    tip.style.left = `${Math.max(half, Math.min(chart.width - half, left))}px`;
    tip.style.top = `${top}px`;
  }

  // ---- rendering

  private renderAxis(data: HeatmapResult) {
    const w = this.width;
    if (w <= 0) return nothing;
    return html`<div class="axis" part="axis" aria-hidden="true">
      <span></span>
      <svg height="28" viewBox="0 0 ${w} 28" preserveAspectRatio="none">
        ${timeAxisMarks(data.duration, this.markers, { width: w, rtl: this.rtl, baseline: 26 }, this.fmt)}
      </svg>
    </div>`;
  }

  private renderTable(data: HeatmapResult) {
    const spansText = (counts: number[], tier: Tier) =>
      tierSpans(counts)
        .filter((s) => s.tier === tier)
        .map((s) =>
          this.t('heatmap.span', {
            from: this.fmt.mediaTime(bucketTime(s.from, data.duration)),
            to: this.fmt.mediaTime(bucketTime(s.to, data.duration)),
          }),
        )
        .reduce((first, rest) => (first ? this.t('heatmap.list', { first, rest }) : rest), '') || this.t('heatmap.noSpan');
    const shown = data.users.slice(0, TABLE_ROWS);
    // Named by the panel's title too: several heatmaps on one page (the users table's expanded rows, each titled with
    // its user) would otherwise have regions of one name.
    return html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="${this.uid}-title ${this.uid}-caption">
      <table part="table" id="${this.uid}-table">
        <caption id="${this.uid}-caption">${this.t('heatmap.spansCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t('users.name')}</th>
            ${([1, 2, 3] as Tier[]).map((t) => html`<th scope="col">${this.tierLabel(t)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${shown.map(
            (u) => html`<tr>
              <th scope="row">${u.name || u.userId}</th>
              ${([1, 2, 3] as Tier[]).map((t) => html`<td>${spansText(u.counts, t)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
      ${data.users.length > TABLE_ROWS
        ? html`<p class="summary">${this.t('heatmap.truncated', { shown: this.fmt.count(TABLE_ROWS), total: this.fmt.count(data.users.length) })}</p>`
        : nothing}
    </div>`;
  }

  protected override renderData(data: HeatmapResult) {
    const n = data.users.length;
    const rowH = this.rowHeight;
    const height = this.viewportHeight(n);
    const { start, end } = visibleRows(this.viewTop, height, rowH, n, 2);
    const visible = data.users.slice(start, end);
    const focus = this.focusCell;
    const tip = this.tipCell;
    const g = { width: this.width, rtl: this.rtl };
    const focusBox = focus && !this.blurred && this.width > 0 ? bucketX(focus.bucket, g) : undefined;
    const chapters = this.markers.filter((m) => m.kind === 'chapter');
    const summaryId = `${this.uid}-summary`;
    const keysId = `${this.uid}-keys`;
    return html`${tierLegend(this.t('heatmap.legend'), (t) => this.tierLabel(t))}
      <div class="chart" part="chart">
        <div class="viewport" style=${cssProps({ 'max-height': `${height}px` })} @scroll=${this.onScroll}>
          <div class="grid" style=${cssProps({ height: `${n * rowH}px` })}>
            <ul class="names" part="names" aria-label=${this.t('users.name')}>
              ${visible.map(
                (u, k) =>
                  html`<li style=${cssProps({ top: `${(start + k) * rowH}px`, height: `${rowH - this.gap}px` })} title=${u.name || u.userId}>
                    ${u.name || u.userId}
                  </li>`,
              )}
            </ul>
            <div
              class="bars"
              role="application"
              aria-roledescription=${this.t('heatmap.title')}
              tabindex="0"
              aria-label=${this.t('heatmap.label', { count: this.fmt.count(n) })}
              aria-describedby="${summaryId} ${keysId}"
              @pointermove=${this.onPointer}
              @pointerleave=${this.onPointer}
              @click=${this.onClick}
              @keydown=${this.onKey}
              @focus=${this.onFocus}
              @blur=${this.onBlur}
            >
              <canvas part="canvas" aria-hidden="true" style=${cssProps({ height: `${height}px` })}></canvas>
              ${focusBox && focus
                ? html`<div
                    class="focus"
                    style=${cssProps({
                      left: `${focusBox[0]}px`,
                      width: `${Math.max(3, focusBox[1] - focusBox[0])}px`,
                      top: `${focus.row * rowH}px`,
                      height: `${rowH - this.gap}px`,
                    })}
                  ></div>`
                : nothing}
            </div>
          </div>
        </div>
        ${this.renderAxis(data)}
        ${tip && tip.row < n ? html`<div class="tooltip" part="tooltip" aria-hidden="true">${this.cellText(data, tip)}</div>` : nothing}
      </div>
      <p class="summary" id=${summaryId}>
        ${withHelp(
          (k, p) => this.t(k, p),
          this.t('heatmap.summary', { count: this.fmt.count(n), duration: this.fmt.mediaTime(data.duration) }),
          this.t('heatmap.countHelp'),
        )}
        ${chapters.length
          ? this.t('heatmap.chapters', {
              list: chapters
                .map((m) => this.t('heatmap.chapterItem', { label: m.label, time: this.fmt.mediaTime(m.time) }))
                .reduce((first, rest) => this.t('heatmap.list', { first, rest })),
            })
          : nothing}
      </p>
      <p class="sr-only" id=${keysId}>${this.t('heatmap.keys')}</p>
      ${liveRegion(this.announcement)}
      ${tableToggle({
        open: this.showTable,
        controls: `${this.uid}-table`,
        label: this.t(this.showTable ? 'action.hideTable' : 'action.showTable'),
        toggle: () => (this.showTable = !this.showTable),
      })}
      ${this.showTable ? this.renderTable(data) : nothing}`;
  }

  protected override csvTable(data: HeatmapResult): CsvTable {
    const labels = { userId: this.t('users.userId'), name: this.t('users.name') };
    return matrixCsv(this.panelTitle(), data.users, data.duration, labels, this.fmt);
  }
}
