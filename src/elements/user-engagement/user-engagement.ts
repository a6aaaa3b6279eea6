import { html, nothing, type PropertyValues } from 'lit';
import { cssProps } from '../shared/css-props.js';
import { property, state } from 'lit/decorators.js';
import { AnalyticsPanel, type LoadContext } from '../shared/analytics-panel.js';
import type { Marker, QueryBase, Sort, UserRow, UserSortField, UsersQuery, UsersResult } from '../../data/types.js';
import { runQuery } from '../../data/validate.js';
import { pageSizeOf } from '../shared/states.js';
import { toCsv, csvFileName, type CsvTable } from '../../data/csv.js';
import { formatMetric, metricDef, roundMetric } from '../../data/metrics.js';
import { emit } from '../../events.js';
import { downloadText } from '../shared/download.js';
import { withHelp } from '../shared/data-table.js';
import { userEngagementStyles } from './user-engagement.styles.js';

/** The table's columns, in order. */
export const USER_COLUMNS: readonly UserSortField[] = [
  'name',
  'impressions',
  'plays',
  'avgCompletionRate',
  'totalCompletionRate',
];

/** Page sizes offered. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** Milliseconds between the last keystroke in the filter and the query. */
const SEARCH_DELAY = 250;

/**
 * The per-user table: name (or id), player impressions, plays, average and total completion rate with small bars.
 * Sorting, filtering by name or id and paging happen in the provider (`users` query), so 100,000 users cost one page
 * of rows. Expanding a row shows that user's `<engagement-heatmap>`; activating a name fires `user-select`. A toggle
 * shows the `<class-engagement>` view of the users the filter matches.
 *
 * @summary Engagement per user, with each user's heatmap and a class-wide view.
 * @fires user-select - The user activated a name: `{userId, name}` (hosts link to a user page).
 * @csspart toolbar - The filter field and the count.
 * @csspart table - The users table.
 * @csspart bar - A completion-rate bar.
 * @csspart pager - The paging controls.
 * @cssprop --ea-color-accent - Colour of the completion bars.
 */
export class UserEngagement extends AnalyticsPanel<UsersResult> {
  static override styles = [
    ...AnalyticsPanel.styles,
    userEngagementStyles,
  ];

  /** Markers of the media (chapters), passed on to the heatmaps and the class view. */
  @property({ attribute: false }) markers: Marker[] = [];

  /** Rows per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  /** Show the class view (the host may open it; the user toggles it). */
  @property({ type: Boolean, attribute: 'class-view' }) classView = false;

  /** Privacy floor of the class view: below this many users, its counts are hidden. 0: off. */
  @property({ type: Number, attribute: 'privacy-floor' }) privacyFloor = 0;

  /** The sort order (UI state; the host may set the initial one). */
  @property({ attribute: false }) sort: Sort<UserSortField> = { field: 'plays', direction: 'desc' };

  /** The applied filter text (case-insensitive substring of name or id). */
  @property() search = '';

  @state() private offset = 0;
  @state() private expanded: ReadonlySet<string> = new Set();
  @state() private draft = '';

  /** The page on screen, from 1 (the dashboard's `sync-url` keeps it in the URL). */
  get page(): number {
    return Math.floor(this.offset / this.size) + 1;
  }
  set page(page: number) {
    this.offset = Math.max(0, (Math.floor(page) || 1) - 1) * this.size;
  }

  /** The page size: `page-size` clamped to 1…`LIMITS.pageSize` (25 when it is not a positive number). */
  private get size(): number {
    return pageSizeOf(this.pageSize, 25);
  }

  private searchTimer?: ReturnType<typeof setTimeout>;
  private lastBase?: QueryBase;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override loadArgs(): unknown[] {
    return [this.sort.field, this.sort.direction, this.search.trim(), this.offset, this.pageSize];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new entry, range or filter starts over at the first page.
    // (Unless the page was set in the same update: the dashboard restoring a shared view sets both.)
    if (
      (changed.has('entryId') || changed.has('from') || changed.has('to') || changed.has('filters')) &&
      !(changed as Map<PropertyKey, unknown>).has('offset') &&
      this.offset !== 0
    )
      this.offset = 0;
    if (changed.has('search') && this.draft !== this.search && !this.searchTimer) this.draft = this.search;
    super.willUpdate(changed);
  }

  private query(base: QueryBase, page: { offset: number; limit: number }): UsersQuery {
    const search = this.search.trim();
    return {
      ...base,
      kind: 'users',
      sort: { field: this.sort.field, direction: this.sort.direction },
      page,
      ...(search ? { search } : {}),
    };
  }

  protected override async load(ctx: LoadContext): Promise<UsersResult> {
    this.lastBase = ctx.base;
    const size = this.size;
    return ctx.ask(this.query(ctx.base, { offset: this.offset, limit: size }));
  }

  protected override panelTitle(): string {
    return this.t('users.title');
  }

  protected override isEmpty(data: UsersResult): boolean {
    return data.total === 0 && !this.search.trim();
  }

  // ---- interaction

  private sortBy(field: UserSortField) {
    const direction =
      this.sort.field === field ? (this.sort.direction === 'asc' ? 'desc' : 'asc') : field === 'name' ? 'asc' : 'desc';
    this.sort = { field, direction };
    this.offset = 0;
  }

  private onSearchInput(e: Event) {
    this.draft = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applySearch(), SEARCH_DELAY);
  }

  private onSearchKey(e: KeyboardEvent) {
    if (e.key === 'Enter') this.applySearch();
  }

  private applySearch() {
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    if (this.draft === this.search) return;
    this.search = this.draft;
    this.offset = 0;
  }

  private toggle(row: UserRow) {
    const next = new Set(this.expanded);
    if (next.has(row.userId)) next.delete(row.userId);
    else next.add(row.userId);
    this.expanded = next;
  }

  private select(row: UserRow) {
    emit(this, 'user-select', { userId: row.userId, name: row.name || row.userId });
  }

  private goTo(offset: number) {
    this.offset = Math.max(0, offset);
  }

  /**
   * The CSV of every user matching the filter, in the current order (asks the provider for all rows, under the
   * element's deadline; aborted if the element leaves the page).
   */
  async csvAll(): Promise<string | undefined> {
    const provider = this.provider;
    const base = this.lastBase;
    if (!provider || !this.data || !base) return undefined;
    const total = Math.max(1, this.data.total);
    const all = await this.loader.side((signal) => runQuery(provider, this.query(base, { offset: 0, limit: total }), signal));
    return toCsv(this.csvTable(all), { headers: this.csvHeaders });
  }

  /** Downloads every user matching the filter as CSV (nothing when the provider fails or the element left). */
  override exportCsv(): void {
    void this.csvAll().then(
      (text) => {
        if (!text) return;
        const range = this.range;
        downloadText(csvFileName(this.t('users.title'), range.from, range.to), text, 'text/csv;charset=utf-8');
      },
      () => undefined,
    );
  }

  // ---- rendering

  private columnLabel(field: UserSortField): string {
    switch (field) {
      case 'name':
        return this.t('users.name');
      default:
        return this.t(metricDef(field).label);
    }
  }

  private renderHead() {
    return html`<tr>
      ${USER_COLUMNS.map((field) => {
        const sorted = this.sort.field === field;
        const dir = this.sort.direction;
        const arrow = sorted ? (dir === 'asc' ? '▲' : '▼') : '';
        return html`<th scope="col" class=${field === 'name' ? 'sticky' : ''} aria-sort=${sorted ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
          <button type="button" class="sort" data-field=${field} @click=${() => this.sortBy(field)}>
            ${this.columnLabel(field)}<span class="arrow" aria-hidden="true">${arrow}</span>
          </button>
        </th>`;
      })}
    </tr>`;
  }

  private rate(key: 'avgCompletionRate' | 'totalCompletionRate', value: number) {
    const w = Math.max(0, Math.min(100, value));
    return html`<span class="rate"
      >${formatMetric(this.fmt, key, value)}<span class="bar" part="bar" aria-hidden="true"><span style=${cssProps({ width: `${w}%` })}></span></span
    ></span>`;
  }

  private renderRow(row: UserRow, k: number) {
    const name = row.name || row.userId;
    const open = this.expanded.has(row.userId);
    const detailId = `${this.uid}-detail-${k}`;
    return html`<tr data-user=${row.userId}>
        <th scope="row" class="sticky">
          <span class="user">
            <button
              type="button"
              class="disclosure"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls=${detailId}
              aria-label=${this.t(open ? 'users.collapse' : 'users.expand', { name })}
              @click=${() => this.toggle(row)}
            >
              <span class="chev" aria-hidden="true">▸</span>
            </button>
            <button
              type="button"
              class="name"
              title=${name === row.userId ? name : `${name} (${row.userId})`}
              @click=${() => this.select(row)}
            >
              ${name}
            </button>
          </span>
        </th>
        <td>${this.fmt.count(row.impressions)}</td>
        <td>${this.fmt.count(row.plays)}</td>
        <td>${this.rate('avgCompletionRate', row.avgCompletionRate)}</td>
        <td>${this.rate('totalCompletionRate', row.totalCompletionRate)}</td>
      </tr>
      ${open
        ? html`<tr class="detail" id=${detailId}>
            <td colspan=${USER_COLUMNS.length}>
              <engagement-heatmap
                compact
                .provider=${this.provider}
                entry-id=${this.entryId}
                from=${this.range.from}
                to=${this.range.to}
                time-zone=${this.effectiveTimeZone}
                .filters=${this.filters}
                lang=${this.lang || this.locale}
                .userIds=${[row.userId]}
                .markers=${this.markers}
                heading=${this.t('users.heatmapOf', { name })}
                max-height="60"
              ></engagement-heatmap>
            </td>
          </tr>`
        : nothing}`;
  }

  private renderPager(data: UsersResult) {
    const size = this.size;
    const pages = Math.max(1, Math.ceil(data.total / size));
    const page = Math.min(pages, Math.floor(this.offset / size) + 1);
    const last = (pages - 1) * size;
    return html`<nav class="pager" part="pager" aria-label=${this.t('pager.status', { page: this.fmt.count(page), pages: this.fmt.count(pages) })}>
      <button type="button" data-page="first" ?disabled=${page <= 1} aria-label=${this.t('pager.first')} @click=${() => this.goTo(0)}>«</button>
      <button type="button" data-page="previous" ?disabled=${page <= 1} aria-label=${this.t('pager.previous')} @click=${() => this.goTo(this.offset - size)}>‹</button>
      <span class="status">${this.t('pager.rows', {
        from: this.fmt.count(data.total ? this.offset + 1 : 0),
        to: this.fmt.count(Math.min(data.total, this.offset + data.rows.length)),
        total: this.fmt.count(data.total),
      })}</span>
      <button type="button" data-page="next" ?disabled=${page >= pages} aria-label=${this.t('pager.next')} @click=${() => this.goTo(this.offset + size)}>›</button>
      <button type="button" data-page="last" ?disabled=${page >= pages} aria-label=${this.t('pager.last')} @click=${() => this.goTo(last)}>»</button>
      <label
        >${this.t('users.pageSize')}
        <select
          @change=${(e: Event) => {
            this.pageSize = Number((e.target as HTMLSelectElement).value);
            this.offset = 0;
          }}
        >
          ${[...new Set([...PAGE_SIZES, size])]
            .sort((a, b) => a - b)
            .map((n) => html`<option value=${n} ?selected=${n === size}>${this.fmt.count(n)}</option>`)}
        </select></label
      >
    </nav>`;
  }

  protected override renderActions() {
    if (this.data === undefined) return nothing;
    return html`<button type="button" class="class-toggle" aria-pressed=${this.classView ? 'true' : 'false'} @click=${() => (this.classView = !this.classView)}>
      ${this.t('class.title')}
    </button>`;
  }

  protected override renderData(data: UsersResult) {
    const search = this.search.trim();
    return html`<div class="toolbar" part="toolbar">
        <label
          >${this.t('users.search')}
          <input
            type="search"
            .value=${this.draft}
            placeholder=${this.t('users.searchPlaceholder')}
            @input=${this.onSearchInput}
            @keydown=${this.onSearchKey}
        /></label>
        <span class="count" role="status"
          >${withHelp(
            (k, p) => this.t(k, p),
            search
              ? this.t('users.countFiltered', { count: this.fmt.count(data.total), search })
              : this.t('users.count', { count: this.fmt.count(data.total) }),
            this.t('users.countHelp'),
          )}</span
        >
      </div>
      <div class="table-wrap" role="region" aria-label=${this.t('table.caption', { title: this.t('users.title') })}>
        <table part="table">
          <caption class="sr-only">${this.t('users.title')}</caption>
          <thead>${this.renderHead()}</thead>
          <tbody>
            ${data.rows.map((row, k) => this.renderRow(row, k))}
          </tbody>
        </table>
      </div>
      <p class="scroll-cue" aria-hidden="true">${this.t('table.scrollCue')}</p>
      ${data.total === 0 && search ? html`<p class="message">${this.t('users.noMatch', { search })}</p>` : nothing}
      ${data.total > 0 ? this.renderPager(data) : nothing}
      ${this.classView
        ? html`<class-engagement
            .provider=${this.provider}
            entry-id=${this.entryId}
            from=${this.range.from}
            to=${this.range.to}
            time-zone=${this.effectiveTimeZone}
            .filters=${this.filters}
            lang=${this.lang || this.locale}
            search=${search}
            .markers=${this.markers}
            privacy-floor=${this.privacyFloor}
          ></class-engagement>`
        : nothing}`;
  }

  protected override csvTable(data: UsersResult): CsvTable {
    return {
      name: this.t('users.title'),
      columns: [this.csvName('userId', this.t('users.userId')), ...USER_COLUMNS.map((c) => this.csvName(c, this.columnLabel(c)))],
      // Values rounded as shown.
      rows: data.rows.map((r) => [
        r.userId,
        r.name,
        r.impressions,
        r.plays,
        roundMetric('avgCompletionRate', r.avgCompletionRate),
        roundMetric('totalCompletionRate', r.totalCompletionRate),
      ]),
    };
  }
}
