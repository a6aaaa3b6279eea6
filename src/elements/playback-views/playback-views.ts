import { html, svg, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { cssProps } from '../shared/css-props.js';
import { AnalyticsPanel, type LoadContext } from '../shared/analytics-panel.js';
import { BUCKETS, type Marker, type RetentionQuery, type RetentionResult } from '../../data/types.js';
import type { CsvName, CsvTable } from '../../data/csv.js';
import { emit } from '../../events.js';
import { isRtl, type MessageKey } from '../../i18n/index.js';
import { mirrorMargins, nearestIndex, xScale, type Frame } from '../../charts/line-chart.js';
import {
  bucketMid,
  bucketStart,
  percentOfPlays,
  retentionLayout,
  retentionSummary,
  type RetentionLayout,
} from '../../charts/retention.js';
import { chapterAt, chapterSpans, fitLabel, pointMarkers, type ChapterSpan } from '../../charts/chapters.js';
import { markerPath } from '../../charts/retention.js';
import { WidthController } from '../shared/width-controller.js';
import { ScrubController } from '../shared/scrub-controller.js';
import { besideStyle, chartTextStyles, lineChartStyles, liveRegion, tableToggle, tooltipStyles } from '../shared/chart-parts.js';
import { playbackViewsStyles } from './playback-views.styles.js';

/** What `<playback-views>` loads: retention for the range and, when comparing, for the compare range. */
export interface PlaybackData {
  current: RetentionResult;
  previous?: RetentionResult;
}

/** The three series of the chart. */
export type RetentionSeries = 'views' | 'viewers' | 'uniqueUsers';
/** Every series, in legend order. */
export const RETENTION_SERIES: readonly RetentionSeries[] = ['views', 'viewers', 'uniqueUsers'];

const HEIGHT = 260;
const MARGIN = { top: 26, right: 16, bottom: 30, left: 52 };
const SERIES_COLOR: Record<RetentionSeries, string> = {
  views: 'var(--_series-1)',
  viewers: 'var(--_series-2)',
  uniqueUsers: 'var(--_series-3)',
};

/**
 * Views over the media's duration (the retention report): views (re-watches count), viewers (distinct sessions) and
 * unique users per 1 % of the duration, as areas or lines, in counts or in percent of plays, with the compare period
 * as lighter dashed lines. Chapters and other markers are drawn on the chart; each chapter's share of viewers lost
 * shows in the tooltip and the data table.
 *
 * Hover or focus the chart and move with the arrow keys (1 %), Page Up/Down (10 %), Home/End: the tooltip and a live
 * region give the values. Click or press Enter to fire `seek` with the media time, so a host player can jump there.
 *
 * @summary Views, viewers and unique users over the media's duration, with chapters and a seek event.
 * @fires seek - The user activated a point of the chart (click or Enter). Detail: `{time}` in seconds.
 * @csspart controls - The row of series toggles and selects.
 * @csspart legend - The series toggles.
 * @csspart chart - The focusable chart (a slider over the buckets).
 * @csspart plot - The SVG.
 * @csspart series - A series path (also `series-views`, `series-viewers`, `series-uniqueUsers`).
 * @csspart compare - A compare-period path.
 * @csspart marker - A marker glyph; chapters are `chapter` bands.
 * @csspart chapter - A chapter band.
 * @csspart tooltip - The tooltip.
 * @csspart summary - The text summary under the chart.
 * @csspart table - The data tables.
 * @csspart table-toggle - The button that shows the data tables.
 * @cssprop --ea-series-1 - Colour of views.
 * @cssprop --ea-series-2 - Colour of viewers.
 * @cssprop --ea-series-3 - Colour of unique users.
 * @cssprop --ea-color-surface-alt - Background of every other chapter band and of the tooltip.
 * @cssprop --ea-chart-height - Height of the chart (default 260px).
 */
export class PlaybackViews extends AnalyticsPanel<PlaybackData> {
  static override styles = [
    ...AnalyticsPanel.styles,
    lineChartStyles,
    tooltipStyles,
    chartTextStyles,
    playbackViewsStyles,
  ];

  /**
   * Chapters and other markers on the media's timeline (a JS property), as `EntryResult.markers` gives them.
   * Chapters divide the chart into bands; the others show as points.
   */
  @property({ attribute: false }) markers: Marker[] = [];

  /** Restrict the report to these users (a JS property); reloads when changed. */
  @property({ attribute: false }) userIds?: string[];

  /** The series shown (a JS property). */
  @property({ attribute: false }) series: RetentionSeries[] = [...RETENTION_SERIES];

  /** `area` or `line`. */
  @property({ attribute: 'chart-style' }) chartStyle: 'area' | 'line' = 'area';

  /** Horizontal axis in media time (`time`, m:ss) or in percent of the duration (`percent`). */
  @property({ attribute: 'x-units' }) xUnits: 'time' | 'percent' = 'time';

  /** Vertical axis in counts (`count`) or in percent of plays (`percent`). */
  @property({ attribute: 'y-units' }) yUnits: 'count' | 'percent' = 'count';

  @state() private showTable = false;

  /** The chart's layout (scales, ticks, bands, markers, paths) and the inputs it was computed from. */
  private view?: { key: unknown[]; spans: ChapterSpan[]; layout: RetentionLayout<RetentionSeries> };

  private readonly size = new WidthController(this, '.chart');
  /** Keyboard scrub, hover, tooltip and live region over the buckets. */
  private readonly scrub = new ScrubController(this, {
    count: () => (this.data ? BUCKETS : 0),
    indexAt: (e) => this.indexAt(e),
    describe: (i) => (this.data ? this.describe(this.data, i) : ''),
    rtl: () => this.rtl,
    activate: (i) => this.seek(i),
  });

  protected override loadArgs(): unknown[] {
    return [this.userIds];
  }

  protected override hasChartImage(): boolean {
    return true;
  }

  protected override panelTitle(): string {
    return this.t('playback.title');
  }

  protected override async load(ctx: LoadContext): Promise<PlaybackData> {
    const users = this.userIds?.length ? { userIds: [...this.userIds] } : {};
    const query = (base: LoadContext['base']): RetentionQuery => ({ ...base, kind: 'retention', ...users });
    const [current, previous] = await Promise.all([
      ctx.ask(query(ctx.base)),
      ctx.compare ? ctx.ask(query(ctx.compare)) : undefined,
    ]);
    return { current, previous };
  }

  protected override isEmpty(data: PlaybackData): boolean {
    return data.current.plays === 0 && data.current.views.every((v) => v === 0);
  }

  // ---- values

  /** The values of `s` as drawn: counts, or percent of that period's plays. */
  private values(r: RetentionResult, s: RetentionSeries): number[] {
    return this.yUnits === 'percent' ? percentOfPlays(r[s], r.plays) : r[s];
  }

  private formatValue(v: number): string {
    return this.yUnits === 'percent' ? this.fmt.percent(v, 1) : this.fmt.count(v);
  }

  private seriesLabel(s: RetentionSeries): string {
    return this.t(`playback.series.${s}` as MessageKey);
  }

  /** "4:12 (30 %)": the bucket's start, truncated to the second as players show it. */
  private pointText(i: number, duration: number): string {
    return this.t('playback.pointText', { time: this.fmt.mediaTime(Math.floor(bucketStart(i, duration))), percent: this.fmt.percent(i, 0) });
  }

  private shownSeries(): RetentionSeries[] {
    const shown = RETENTION_SERIES.filter((s) => this.series.includes(s));
    return shown.length ? shown : ['views'];
  }

  private spans(data: PlaybackData): ChapterSpan[] {
    if (this.view && this.view.key[0] === data && this.view.key[1] === this.markers) return this.view.spans;
    return chapterSpans(this.markers ?? [], data.current.duration, data.current.viewers);
  }

  /** The sentence that says what bucket `i` holds, for the live region. */
  private describe(data: PlaybackData, i: number): string {
    const parts = this.shownSeries().map((s) => {
      const value = this.formatValue(this.values(data.current, s)[i]!);
      return data.previous
        ? this.t('playback.valueCompare', {
            series: this.seriesLabel(s),
            value,
            previous: this.formatValue(this.values(data.previous, s)[i]!),
          })
        : this.t('playback.value', { series: this.seriesLabel(s), value });
    });
    const point = this.pointText(i, data.current.duration);
    const values = parts.reduce((first, rest) => this.t('playback.list', { first, rest }));
    const chapter = chapterAt(this.spans(data), i);
    if (!chapter) return this.t('playback.announce', { point, values });
    return chapter.lost === null
      ? this.t('playback.announceChapter', { point, values, label: chapter.label })
      : this.t('playback.announceChapterLost', { point, values, label: chapter.label, lost: this.lostText(chapter.lost) });
  }

  /** "12 % of its viewers lost within this chapter", or, when more watched its end than its start, the gain. */
  private lostText(lost: number): string {
    return lost < 0
      ? this.t('playback.chapterGained', { gained: this.fmt.percent(-lost, 0) })
      : this.t('playback.chapterLost', { lost: this.fmt.percent(lost, 0) });
  }

  // ---- interaction

  private frame(): Frame {
    return { width: Math.max(200, this.size.width), height: HEIGHT, margin: mirrorMargins(MARGIN, this.rtl) };
  }

  private get rtl(): boolean {
    return isRtl(this.locale);
  }

  private indexAt(event: PointerEvent | MouseEvent): number {
    const svgEl = this.renderRoot.querySelector('.chart svg');
    if (!svgEl) return -1;
    const rect = svgEl.getBoundingClientRect();
    const x = xScale([0, BUCKETS], this.frame(), this.rtl);
    return nearestIndex(event.clientX - rect.left, x, BUCKETS, bucketMid);
  }

  private seek(i: number) {
    if (!this.data) return;
    const time = round3(bucketStart(i, this.data.current.duration));
    emit(this, 'seek', { time });
  }

  private toggleSeries(s: RetentionSeries) {
    const shown = this.shownSeries();
    this.series = shown.includes(s) ? shown.filter((x) => x !== s) : RETENTION_SERIES.filter((x) => x === s || shown.includes(x));
  }

  // ---- layout

  /** The inputs of the layout; it is recomputed only when one of them changes (not on hover or scrub steps). */
  private layoutKey(data: PlaybackData): unknown[] {
    return [data, this.markers, this.frame().width, this.rtl, this.shownSeries().join(), this.yUnits, this.xUnits, this.chartStyle];
  }

  /** The stored layout for `data`, computed again only when its inputs changed. */
  private layoutFor(data: PlaybackData): { spans: ChapterSpan[]; layout: RetentionLayout<RetentionSeries> } {
    const key = this.layoutKey(data);
    if (this.view && sameKey(this.view.key, key)) return this.view;
    const { current, previous } = data;
    const duration = current.duration;
    const spans = this.spans(data);
    const layout = retentionLayout({
      series: this.shownSeries().map((s) => ({
        series: s,
        current: this.values(current, s),
        previous: previous ? this.values(previous, s) : undefined,
      })),
      duration,
      xUnits: this.xUnits,
      chartStyle: this.chartStyle,
      spans,
      markers: pointMarkers(this.markers ?? [], duration),
      frame: this.frame(),
      rtl: this.rtl,
    });
    this.view = { key, spans, layout };
    return this.view;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.data) this.layoutFor(this.data);
  }

  // ---- rendering

  protected override renderData(data: PlaybackData) {
    const duration = data.current.duration;
    const frame = this.frame();
    const rtl = this.rtl;
    const shown = this.shownSeries();
    // Computed in willUpdate(); recomputed here only if the width controller measured a new width after it.
    const { spans, layout } = this.layoutFor(data);
    const { box, x } = layout;
    const active = this.scrub.activeIn(BUCKETS);
    const tipOpen = this.scrub.tipOpen;
    const summary = this.summaryText(data);
    const yLabelX = rtl ? box.right + 6 : box.left - 6;
    const yAnchor = rtl ? 'start' : 'end';
    const activeX = active >= 0 ? x(bucketMid(active)) : 0;

    const chart = svg`
      <g aria-hidden="true">
        ${layout.chapters.map(
          (c, k) => svg`<g part="chapter">
            ${k % 2 === 1 ? svg`<rect class="band" x=${c.left} y=${box.top} width=${c.width} height=${box.bottom - box.top}></rect>` : nothing}
            ${c.divider ? svg`<line class="chapter-line" x1=${c.x0} x2=${c.x0} y1=${box.top - 4} y2=${box.bottom}></line>` : nothing}
            <text class="chapter-name" x=${c.x0 + (rtl ? -4 : 4)} y=${box.top - 8} text-anchor=${rtl ? 'end' : 'start'}>${
              fitLabel(spans[k]?.label ?? '', c.width - 8) || this.fmt.count(k + 1)
            }<title>${spans[k]?.label ?? ''}</title></text>
          </g>`,
        )}
        ${layout.yTicks.map(
          (t) => svg`<line class="grid" x1=${box.left} x2=${box.right} y1=${t.position} y2=${t.position}></line>
            <text class="axis" x=${yLabelX} y=${t.position} dy="0.32em" text-anchor=${yAnchor}>${this.formatValue(t.value)}</text>`,
        )}
        ${layout.xTicks.map(
          (t) =>
            svg`<text class="axis" x=${t.position} y=${box.bottom + 18} text-anchor="middle">${
              this.xUnits === 'percent' ? this.fmt.percent(t.value, 0) : this.fmt.mediaTime(t.value)
            }</text>`,
        )}
        ${layout.paths.map((p) =>
          p.compare !== undefined
            ? svg`<path part="compare" class="compare" data-series=${p.series} stroke=${SERIES_COLOR[p.series]} d=${p.compare}></path>`
            : nothing,
        )}
        ${layout.paths.map(
          (p) => svg`
            ${p.area !== undefined ? svg`<path class="fill" fill=${SERIES_COLOR[p.series]} d=${p.area}></path>` : nothing}
            <path part="series series-${p.series}" class="series" data-series=${p.series} stroke=${SERIES_COLOR[p.series]} d=${p.line}></path>`,
        )}
        ${layout.markers.map(
          (m) => svg`<path part="marker" class="marker" data-kind=${m.kind} d=${m.d}><title>${m.label}</title></path>`,
        )}
        ${tipOpen && active >= 0
          ? svg`<line class="focus-line" x1=${activeX} x2=${activeX} y1=${box.top} y2=${box.bottom}></line>
            ${layout.paths.map((p) => svg`<circle class="dot" r="4" fill=${SERIES_COLOR[p.series]} cx=${activeX} cy=${p.y[active]!}></circle>`)}`
          : nothing}
      </g>`;

    return html`
      ${this.renderControls(shown)}
      <div
        class="chart"
        part="chart"
        tabindex="0"
        role="slider"
        aria-label=${this.t('playback.chartLabel')}
        aria-describedby="${this.uid}-summary ${this.uid}-help"
        aria-valuemin="0"
        aria-valuemax=${BUCKETS - 1}
        aria-valuenow=${Math.max(0, active)}
        aria-valuetext=${this.pointText(Math.max(0, active), duration)}
        @pointermove=${this.scrub.onPointerMove}
        @pointerleave=${this.scrub.onPointerLeave}
        @click=${this.scrub.onClick}
        @focus=${this.scrub.onFocus}
        @blur=${this.scrub.onBlur}
        @keydown=${this.scrub.onKeyDown}
      >
        <svg part="plot" width=${frame.width} height=${frame.height} viewBox="0 0 ${frame.width} ${frame.height}" aria-hidden="true">
          ${chart}
        </svg>
        ${tipOpen && active >= 0 ? this.renderTooltip(data, active, activeX, frame.width) : nothing}
      </div>
      ${this.renderMarkerLegend(spans)}
      <p class="summary" part="summary" id="${this.uid}-summary">${summary}</p>
      <p class="sr-only" id="${this.uid}-help">${this.t('playback.instructions')}</p>
      ${liveRegion(this.scrub.announcement)}
      ${tableToggle({
        open: this.showTable,
        controls: `${this.uid}-tables`,
        label: this.t(this.showTable ? 'action.hideTable' : 'action.showTable'),
        toggle: () => (this.showTable = !this.showTable),
      })}
      <div
        class="tables"
        id="${this.uid}-tables"
        ?hidden=${!this.showTable}
        tabindex=${this.showTable ? '0' : '-1'}
        role="region"
        aria-label=${this.t('table.caption', { title: this.t('playback.title') })}
      >
        ${this.showTable ? this.renderTables(data, spans) : nothing}
      </div>
    `;
  }

  /**
   * What the marks above the plot are: the chapters (shaded bands named at their start; a cut name shows whole on
   * hover, and in the tooltip while the pointer or the keyboard is in the chapter) and one glyph per kind of marker.
   */
  private renderMarkerLegend(spans: readonly ChapterSpan[]) {
    const duration = this.data?.current.duration ?? 0;
    const kinds = [...new Set(pointMarkers(this.markers ?? [], duration).map((m) => m.kind))];
    if (!spans.length && !kinds.length) return nothing;
    return html`<ul class="marker-legend" part="marker-legend" aria-label=${this.t('playback.markers.legend')}>
      ${spans.length
        ? html`<li>
            <svg class="glyph" width="14" height="12" viewBox="0 0 14 12" aria-hidden="true">
              <rect class="band" x="0" y="0" width="14" height="12"></rect><line class="chapter-line" x1="1" x2="1" y1="0" y2="12"></line>
            </svg>${this.t('playback.markers.chapters')}
          </li>`
        : nothing}
      ${kinds.map(
        (kind) => html`<li data-kind=${kind}>
          <svg class="glyph" width="14" height="12" viewBox="0 0 14 12" aria-hidden="true">
            <path class="marker" data-kind=${kind} d=${markerPath(kind, 7, 6)}></path></svg
          >${this.t(`playback.marker.${kind}` as MessageKey)}
        </li>`,
      )}
    </ul>`;
  }

  private renderControls(shown: RetentionSeries[]) {
    return html`<div class="controls" part="controls">
      <div class="legend" part="legend" role="group" aria-label=${this.t('playback.series.label')}>
        ${RETENTION_SERIES.map((s) => {
          const on = shown.includes(s);
          return html`<button
            type="button"
            data-series=${s}
            aria-pressed=${on ? 'true' : 'false'}
            ?disabled=${on && shown.length === 1}
            title=${this.t(`playback.series.help.${s}` as MessageKey)}
            @click=${() => this.toggleSeries(s)}
          >
            <span class="swatch" style=${cssProps({ background: SERIES_COLOR[s] })}></span>${this.seriesLabel(s)}
          </button>`;
        })}
      </div>
      <label
        >${this.t('playback.y.label')}
        <select
          class="y-units"
          .value=${this.yUnits}
          @change=${(e: Event) => (this.yUnits = (e.target as HTMLSelectElement).value as 'count' | 'percent')}
        >
          <option value="count" ?selected=${this.yUnits === 'count'}>${this.t('playback.y.count')}</option>
          <option value="percent" ?selected=${this.yUnits === 'percent'}>${this.t('playback.y.percent')}</option>
        </select></label
      >
      <label
        >${this.t('playback.x.label')}
        <select
          class="x-units"
          .value=${this.xUnits}
          @change=${(e: Event) => (this.xUnits = (e.target as HTMLSelectElement).value as 'time' | 'percent')}
        >
          <option value="time" ?selected=${this.xUnits === 'time'}>${this.t('playback.x.time')}</option>
          <option value="percent" ?selected=${this.xUnits === 'percent'}>${this.t('playback.x.percent')}</option>
        </select></label
      >
      <label
        >${this.t('playback.style.label')}
        <select
          class="chart-style"
          .value=${this.chartStyle}
          @change=${(e: Event) => (this.chartStyle = (e.target as HTMLSelectElement).value as 'area' | 'line')}
        >
          <option value="area" ?selected=${this.chartStyle === 'area'}>${this.t('playback.style.area')}</option>
          <option value="line" ?selected=${this.chartStyle === 'line'}>${this.t('playback.style.line')}</option>
        </select></label
      >
    </div>`;
  }

  private renderTooltip(data: PlaybackData, i: number, x: number, width: number) {
    const { current, previous } = data;
    const chapter = chapterAt(this.spans(data), i);
    const duration = current.duration;
    const from = bucketStart(i, duration);
    const to = bucketStart(i + 1, duration);
    const inBucket = pointMarkers(this.markers ?? [], duration).filter(
      (m) => m.time >= from && (m.time < to || (i === BUCKETS - 1 && m.time <= to)),
    );
    return html`<div class="tooltip" part="tooltip" aria-hidden="true" style=${cssProps(besideStyle(x, width))}>
      <p class="head">${this.pointText(i, duration)}</p>
      ${this.shownSeries().map(
        (s) => html`<p data-series=${s}>
          <span class="swatch" style=${cssProps({ background: SERIES_COLOR[s] })}></span>${this.seriesLabel(s)}:
          <strong>${this.formatValue(this.values(current, s)[i]!)}</strong>
          ${previous
            ? html`<span class="muted compare-value"
                >(${this.t('playback.comparePeriod')}: ${this.formatValue(this.values(previous, s)[i]!)})</span
              >`
            : nothing}
        </p>`,
      )}
      ${chapter
        ? html`<p class="chapter">${this.t('playback.chapter', { label: chapter.label })}</p>
            ${chapter.lost !== null ? html`<p class="lost muted">${this.lostText(chapter.lost)}</p>` : nothing}`
        : nothing}
      ${inBucket.map(
        (m) => html`<p class="muted">${this.t('playback.markerText', { kind: this.t(`playback.marker.${m.kind}` as MessageKey), label: m.label })}</p>`,
      )}
      <p class="muted">${this.t('playback.seekHint')}</p>
    </div>`;
  }

  private renderTables(data: PlaybackData, spans: ChapterSpan[]) {
    const { current, previous } = data;
    const duration = current.duration;
    const points = pointMarkers(this.markers ?? [], duration);
    const na = this.t('playback.notAvailable');
    return html`
      <table part="table" class="buckets">
        <caption>
          ${this.t('playback.tableCaption', {
            caption: this.t('playback.table.caption'),
            plays: previous
              ? this.t('playback.playsCompare', { plays: this.fmt.count(current.plays), previous: this.fmt.count(previous.plays) })
              : this.t('playback.plays', { plays: this.fmt.count(current.plays) }),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.t('playback.table.time')}</th>
            <th scope="col">${this.t('playback.table.percent')}</th>
            ${RETENTION_SERIES.map((s) => html`<th scope="col">${this.seriesLabel(s)}</th>`)}
            ${previous
              ? RETENTION_SERIES.map((s) => html`<th scope="col">${this.t('playback.seriesCompare', { series: this.seriesLabel(s) })}</th>`)
              : nothing}
            ${spans.length ? html`<th scope="col">${this.t('playback.table.chapter')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${current.views.map(
            (_, i) => html`<tr>
              <th scope="row">${this.fmt.mediaTime(Math.floor(bucketStart(i, duration)))}</th>
              <td>${this.fmt.percent(i, 0)}</td>
              ${RETENTION_SERIES.map((s) => html`<td>${this.formatValue(this.values(current, s)[i]!)}</td>`)}
              ${previous ? RETENTION_SERIES.map((s) => html`<td>${this.formatValue(this.values(previous, s)[i]!)}</td>`) : nothing}
              ${spans.length ? html`<td>${chapterAt(spans, i)?.label ?? ''}</td>` : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
      ${spans.length
        ? html`<table part="table" class="chapters">
            <caption>
              ${this.t('playback.chapters.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${this.t('playback.chapters.name')}</th>
                <th scope="col">${this.t('playback.chapters.start')}</th>
                <th scope="col">${this.t('playback.chapters.end')}</th>
                <th scope="col">${this.t('playback.chapters.viewersAtStart')}</th>
                <th scope="col">${this.t('playback.chapters.viewersAtEnd')}</th>
                <th scope="col">${this.t('playback.chapters.lost')}</th>
              </tr>
            </thead>
            <tbody>
              ${spans.map(
                (c) => html`<tr>
                  <th scope="row">${c.label}</th>
                  <td>${this.fmt.mediaTime(c.start)}</td>
                  <td>${this.fmt.mediaTime(c.end)}</td>
                  <td>${this.fmt.count(c.viewersAtStart)}</td>
                  <td>${this.fmt.count(c.viewersAtEnd)}</td>
                  <td>${c.lost === null ? na : this.fmt.percent(c.lost, 1)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      ${points.length
        ? html`<table part="table" class="markers">
            <caption>
              ${this.t('playback.markers.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${this.t('playback.markers.label')}</th>
                <th scope="col">${this.t('playback.markers.kind')}</th>
                <th scope="col">${this.t('playback.markers.time')}</th>
              </tr>
            </thead>
            <tbody>
              ${points.map(
                (m) => html`<tr>
                  <th scope="row">${m.label}</th>
                  <td>${this.t(`playback.marker.${m.kind}` as MessageKey)}</td>
                  <td>${this.fmt.mediaTime(m.time)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
    `;
  }

  private summaryText(data: PlaybackData): string {
    const s = retentionSummary(data.current.views, data.current.viewers);
    if (s.peakIndex < 0) return this.t('playback.summaryNone');
    const params = {
      views: this.fmt.count(s.peakViews),
      time: this.fmt.mediaTime(Math.floor(bucketStart(s.peakIndex, data.current.duration))),
    };
    return s.stayedToEnd === null
      ? this.t('playback.summaryPeak', params)
      : this.t('playback.summary', { ...params, stayed: this.fmt.percent(s.stayedToEnd, 0) });
  }

  protected override csvTable(data: PlaybackData): CsvTable {
    const { current, previous } = data;
    const duration = current.duration;
    const spans = this.spans(data);
    const columns: CsvName[] = [
      this.csvName('bucket', this.t('playback.table.bucket')),
      this.csvName('from', this.t('playback.table.from')),
      this.csvName('to', this.t('playback.table.to')),
      ...RETENTION_SERIES.map((s) => this.csvName(s, this.seriesLabel(s))),
    ];
    if (previous)
      columns.push(...RETENTION_SERIES.map((s) => this.csvName(`${s} compare`, this.t('playback.seriesCompare', { series: this.seriesLabel(s) }))));
    if (spans.length) columns.push(this.csvName('chapter', this.t('playback.table.chapter')), this.csvName('chapterLost', this.t('playback.chapters.lost')));
    const rows = current.views.map((_, i) => {
      const row: (string | number | null)[] = [
        i,
        round3(bucketStart(i, duration)),
        round3(bucketStart(i + 1, duration)),
        ...RETENTION_SERIES.map((s) => current[s][i]!),
      ];
      if (previous) row.push(...RETENTION_SERIES.map((s) => previous[s][i]!));
      if (spans.length) {
        const c = chapterAt(spans, i);
        row.push(c?.label ?? '', c?.lost ?? null);
      }
      return row;
    });
    return { name: this.t('playback.title'), columns, rows };
  }
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Whether two layout keys hold the same inputs. */
const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);
