import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  DEVICES,
  FILTER_FIELDS,
  PLAYBACK_TYPES,
  type DataProvider,
  type FilterValue,
  type DateRange,
  type EntryResult,
  type FilterField,
  type Filters,
} from '../data/types.js';
import { runQuery } from '../data/validate.js';
import { dateIn, isIsoDate, todayIn } from '../data/dates.js';
import { safeHttpUrl } from '../data/urls.js';
import { emit, type FilterAddDetail } from '../events.js';
import { providerErrorKind } from '../data/errors.js';
import { formatters, isRtl, translate, type Formatters, type MessageKey, type MessageParams } from '../i18n/index.js';
import { tokens, base, type ThemeSetting } from '../theme/tokens.js';
import { resolveLang } from '../elements/shared/lang.js';
import { errorDetail, errorMessage, stateStyles } from '../elements/shared/states.js';
import { LoadController, TaskStatus } from '../elements/shared/load-controller.js';
import {
  COMPARE_MODES,
  DEFAULT_PRESET,
  PRESETS,
  compareRangeOf,
  customRangeProblem,
  isCompareMode,
  isPreset,
  presetRange,
  type CompareMode,
  type Preset,
  type RangeProblem,
} from './presets.js';
import type { CsvHeaders } from '../data/csv.js';
import { PANELS, layoutSpans, parsePanelIds, visiblePanels, type PanelContext, type PanelDefinition } from './panels.js';
import { shellStyles } from './entry-analytics.styles.js';
import { FilterPicker } from './filter-picker.js';
import { applyPreset, takePreset } from '../elements/shared/preset-properties.js';
import {
  decodeViewValue,
  encodeViewValue,
  paramsOf,
  readView,
  urlWith,
  writeView,
  type PanelView,
  type UrlView,
} from './url-state.js';

/** Fields offered by the "Add filter" menu (pages are added from the domains panel). */
const MENU_FIELDS: readonly FilterField[] = [
  'countries',
  'regions',
  'cities',
  'devices',
  'domains',
  'categories',
  'users',
  'playbackTypes',
];

/** Normalises a filter value the way the contract spells it (upper-case country codes, bare lower-case hosts). */
export function normalizeFilterValue(field: FilterField, value: string): string {
  const v = value.trim();
  if (field === 'countries') return v.toUpperCase();
  if (field === 'domains') return v.toLowerCase().replace(/^www\./, '');
  return v;
}

let uid = 0;

/**
 * The per-entry analytics dashboard: a details header (name, thumbnail, owner, duration, creation date, links), a
 * period picker with presets and a custom range, a compare period, filter chips, and the panels of the registry
 * (`src/shell/panels.ts`) that fit the entry's type, laid out in a responsive grid. The dashboard loads the entry's
 * details itself; each panel loads its own data, so one failing panel never affects the others.
 *
 * @tagname entry-analytics
 * @summary Per-entry analytics dashboard composing every panel.
 * @fires range-change - The user chose another period, custom range or compare mode. Detail: `{range, compare, preset, compareMode}`.
 * @fires filters-change - The user added or removed a filter. Detail: `{filters}`.
 * @fires session-expired - The data source's session expired and could not be renewed (once per failed attempt, for
 * the whole dashboard). Sign the user in again, then call `reload()`. Detail: `{message}`.
 *
 * With `sync-url="query"` (or `"hash"`) the dashboard keeps its view in the page's URL: period, compare mode,
 * filters, and each panel's drill level, metric tab, and the users table's sort and page (see `src/shell/url-state.ts`
 * for the parameters). A view in the URL when the dashboard connects replaces the host's attributes, without events
 * (as if the host had set them). Each user action pushes a history entry; Back and Forward restore the view of that
 * entry and, since the user changed the period or the filters by pressing them, fire `range-change` and
 * `filters-change` when those differ. What the URL leaves out is the view the page started with.
 * @csspart details - The details header.
 * @csspart thumbnail - The entry's thumbnail.
 * @csspart name - The entry's name.
 * @csspart back-link - The link back to the host's media page.
 * @csspart controls - The period, compare and filter controls.
 * @csspart range-text - The chosen period (and compare period) as text.
 * @csspart chips - The list of filter chips.
 * @csspart chip - One filter chip.
 * @csspart grid - The panel grid.
 * @csspart cell - A grid cell holding one panel.
 * @csspart error - The entry error message and retry button.
 * @csspart session-expired - The one "session expired" message and its retry button.
 * @cssprop --ea-gap - Space between the dashboard's blocks and panels.
 * @cssprop --ea-color-surface - Card background.
 * @cssprop --ea-color-border - Card borders.
 * @cssprop --ea-color-text - Text colour.
 * @cssprop --ea-color-accent - Links, focus and pressed buttons.
 * @cssprop --ea-color-compare - Colour of the compare period's text.
 */
export class EntryAnalytics extends LitElement {
  static override styles = [tokens, base, stateStyles, shellStyles];

  /** The data provider (a JS property), handed to every panel. */
  @property({ attribute: false }) provider?: DataProvider;

  /** The entry (media) id. */
  @property({ attribute: 'entry-id' }) entryId = '';

  /** IANA time zone for days and months. Default: the browser's. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /**
   * Colour theme: `light`, `dark`, `auto` (follows the system's light or dark setting) or `high-contrast`. Unset, the
   * dashboard takes the theme of a themed ancestor, else light; every panel in it takes the dashboard's.
   * Public `--ea-*` colour properties set by the page win over every theme.
   */
  @property({ reflect: true }) theme?: ThemeSetting;

  /** The dashboard's language (also read from ancestors when unset). Numbers and dates follow it; RTL is mirrored. */
  @property({ reflect: true }) override lang = '';

  /** The period preset: last7, last30, last90, last12months, thisMonth, thisYear, sinceCreation or custom. */
  @property() preset: string = DEFAULT_PRESET;

  /** First day of the custom range (`preset="custom"`), `YYYY-MM-DD`. */
  @property() from = '';

  /** Last day of the custom range (`preset="custom"`), `YYYY-MM-DD`. */
  @property() to = '';

  /** The compare mode: none, previous (period before) or lastYear (same dates a year earlier). */
  @property() compare: string = 'none';

  /** Filters passed to every panel (a JS property); treat as immutable. */
  @property({ attribute: false }) filters: Filters = {};

  /** Space-separated ids of panels the host hides (`"highlights"`…). */
  @property({ attribute: 'hidden-panels' }) hiddenPanels = '';

  /** URL of the host's media page, shown as a link in the details header (http(s) only; relative URLs resolve). */
  @property({ attribute: 'back-link' }) backLink = '';

  /** Text of the back link. Default: "Back to media page". */
  @property({ attribute: 'back-label' }) backLabel = '';

  /** Today's date `YYYY-MM-DD`, to pin the presets (tests, demos). Default: today in `time-zone`. */
  @property() today = '';

  /**
   * Milliseconds to wait for the entry details (and each panel's data) before showing an error. `Infinity` waits as
   * long as it takes; values above 2³¹−1 (what browser timers support) are clamped to it; anything not positive means
   * 30 s. Removing the dashboard aborts every request at once.
   */
  @property({ type: Number }) timeout = 30_000;

  /**
   * Keep the view in the URL: `query` (the search part) or `hash`; empty (default) leaves the URL alone. Parameters
   * start with `ea-`, so the host's own are kept.
   */
  @property({ attribute: 'sync-url' }) syncUrl = '';

  /**
   * The column titles of every panel's CSV exports: `labels` (default), in the page's language, or `fields`, stable
   * field names for programs (see the panels' `csv-headers`).
   */
  @property({ attribute: 'csv-headers' }) csvHeaders: CsvHeaders = 'labels';

  /** The panel registry (a JS property); default: every panel of the library. */
  @property({ attribute: false }) panels: readonly PanelDefinition[] = PANELS;

  @state() private rangeProblem?: RangeProblem;
  @state() private draftFrom = '';
  @state() private draftTo = '';
  @state() private filterFormOpen = false;
  @state() private filterField: FilterField = 'countries';
  @state() private filterProblem = '';
  @state() private announcement = '';
  /** The session expired: one message for the whole dashboard, the last figures stay visible and dimmed. */
  @state() private sessionExpired = false;

  @query('.add-filter') private addFilterButton?: HTMLButtonElement;

  /** The last entry details that loaded, kept (dimmed) while the next load runs. */
  private entry?: EntryResult;
  /** Chip labels from `filter-add` events, by `field\nvalue`. */
  private readonly labels = new Map<string, string>();
  private readonly uid = `eash${++uid}`;
  private fmt: Formatters = formatters('en');
  private langInUse = 'en';

  // ---- sync-url state
  /** The view the page started with; the URL holds only what differs from it. */
  private baseline?: { preset: string; from: string; to: string; compare: string; filters: Filters };
  /** Panel views read from the URL, applied when each panel element appears. */
  private pendingViews: Record<string, PanelView> = {};
  /** Each panel element's view when it appeared (before any restore), encoded. */
  private readonly panelDefaults = new WeakMap<Element, PanelView>();
  private readonly onPopState = () => this.restoreFromUrl(true);

  /** The value picker of the "Add filter" form. */
  private readonly picker = new FilterPicker(this, () => ({
    provider: this.provider,
    base: this.entryId
      ? { entryId: this.entryId, range: this.range, timeZone: this.effectiveTimeZone, filters: this.filters ?? {} }
      : undefined,
    timeout: this.timeout,
    label: (field, value) => this.optionLabel(field, value),
  }));

  /** Loads the entry details; aborted on removal and at the deadline, resumed when put back (see LoadController). */
  private readonly entryTask = new LoadController<EntryResult>(this, {
    args: () => [this.provider, this.entryId, this.effectiveTimeZone, this.timeout],
    timeout: () => this.timeout,
    load: async (signal) => {
      const provider = this.provider;
      const entryId = this.entryId;
      if (!provider || !entryId) return undefined;
      const query = { kind: 'entry', entryId, range: this.range, timeZone: this.effectiveTimeZone, filters: {} } as const;
      try {
        const entry = await runQuery(provider, query, signal);
        this.entry = entry;
        return entry;
      } catch (e) {
        if (providerErrorKind(e) === 'session-expired' && !signal.aborted) this.expire(e);
        throw e;
      }
    },
  });

  constructor() {
    super();
    // Panels fire `filter-add` (bubbling, composed): it reaches the dashboard's host from inside its shadow root.
    this.addEventListener('filter-add', (e) => this.onFilterAdd(e));
    // A panel whose session expired: the dashboard says it once, for all of them, and tells the host once.
    this.addEventListener('session-expired', (e) => {
      if (e.composedPath()[0] === this) return; // the dashboard's own event, on its way to the host
      e.stopPropagation();
      e.preventDefault();
      this.expire(e.detail);
    });
  }

  /** Values a host set on plain accessors before the tag was defined (see elements/shared/preset-properties.ts). */
  private readonly presetAccessors = takePreset(this);

  /** First update: after Lit has put back its own pre-set properties, so setters see them. */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (this.presetAccessors.size) applyPreset(this, this.presetAccessors);
    return super.shouldUpdate(changed);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    // Panels whose element is registered later (lazy define files) appear when they are defined.
    for (const p of this.panels)
      if (!customElements.get(p.tag)) void customElements.whenDefined(p.tag).then(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  // ---- public API

  /** The time zone in force. */
  get effectiveTimeZone(): string {
    return this.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  }

  /** Today in the dashboard's time zone (or the `today` property). */
  get effectiveToday(): string {
    return isIsoDate(this.today) ? this.today : todayIn(this.effectiveTimeZone);
  }

  /** The preset in force (unknown values fall back to last 30 days). */
  get effectivePreset(): Preset {
    return isPreset(this.preset) ? this.preset : DEFAULT_PRESET;
  }

  /** The compare mode in force. */
  get effectiveCompare(): CompareMode {
    return isCompareMode(this.compare) ? this.compare : 'none';
  }

  /** The period every panel shows. */
  get range(): DateRange {
    return presetRange(this.effectivePreset, {
      today: this.effectiveToday,
      timeZone: this.effectiveTimeZone,
      created: this.entry?.created,
      from: this.from,
      to: this.to,
    });
  }

  /** The compare period, or undefined. */
  get compareRange(): DateRange | undefined {
    return compareRangeOf(this.effectiveCompare, this.range);
  }

  /** The entry details, once loaded. */
  get entryDetails(): EntryResult | undefined {
    return this.entry;
  }

  /**
   * Loads the entry details and every panel again (what the error and "session expired" states' buttons do). After
   * the host signed the user in again, this is all it takes: every panel recovers without a page reload.
   */
  reload(): void {
    this.sessionExpired = false;
    this.entryTask.run();
    for (const panel of this.panelElements) (panel as HTMLElement & { reload?: () => void }).reload?.();
  }

  /** Whether the dashboard shows its "session expired" state. */
  get isSessionExpired(): boolean {
    return this.sessionExpired;
  }

  /** Enters the "session expired" state; the host hears of it once per attempt. */
  private expire(error: unknown): void {
    if (this.sessionExpired) return;
    this.sessionExpired = true;
    const message = errorMessage(error) ?? '';
    emit(this, 'session-expired', { message });
  }

  /** Resolves once the entry details have loaded (or failed) and the dashboard has rendered. */
  async whenLoaded(): Promise<void> {
    await this.entryTask.settled();
    await this.updateComplete;
  }

  /** The panel elements on screen, in layout order. */
  get panelElements(): HTMLElement[] {
    return [...(this.renderRoot.querySelectorAll<HTMLElement>('.cell > *') ?? [])];
  }

  // ---- helpers

  private t(key: MessageKey, params?: MessageParams): string {
    return translate(this.langInUse, key, params);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.langInUse = this.lang || resolveLang(this);
    this.fmt = formatters(this.langInUse);
    if (this.urlMode && !this.baseline) {
      this.baseline = { preset: this.preset, from: this.from, to: this.to, compare: this.compare, filters: this.filters ?? {} };
      this.restoreFromUrl(false);
    }
    // New inputs are a new attempt: the panels will say again if the session is still expired.
    const inputs = ['provider', 'entryId', 'timeZone', 'preset', 'from', 'to', 'compare', 'filters'] as const;
    if (this.sessionExpired && inputs.some((k) => changed.has(k))) this.sessionExpired = false;
    if (changed.has('from') || changed.has('to') || changed.has('preset')) {
      // Host-set values replace any draft the user left half-typed.
      this.draftFrom = this.from;
      this.draftTo = this.to;
      this.rangeProblem =
        this.effectivePreset === 'custom' ? customRangeProblem(this.from, this.to) : undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.urlMode) this.applyPanelViews();
  }

  // ---- sync-url

  private get urlMode(): 'query' | 'hash' | undefined {
    return this.syncUrl === 'query' || this.syncUrl === 'hash' ? this.syncUrl : undefined;
  }

  /** The panel elements on screen with their registry entries. */
  private viewPanels(): { el: HTMLElement; id: string; view: Readonly<Record<string, string>> }[] {
    const out: { el: HTMLElement; id: string; view: Readonly<Record<string, string>> }[] = [];
    for (const el of this.panelElements) {
      const id = el.parentElement?.dataset['panel'];
      const view = this.panels.find((p) => p.id === id)?.view;
      if (id && view) out.push({ el, id, view });
    }
    return out;
  }

  /** A panel element's view, encoded. */
  private panelView(el: HTMLElement, view: Readonly<Record<string, string>>): PanelView {
    const out: PanelView = {};
    for (const [prop, codec] of Object.entries(view)) {
      const value = encodeViewValue(codec as 'string', (el as unknown as Record<string, unknown>)[prop]);
      if (value !== undefined) out[prop] = value;
    }
    return out;
  }

  /** Sets a panel's view properties: the given ones, and its defaults for the others. */
  private setPanelView(el: HTMLElement, view: Readonly<Record<string, string>>, values: PanelView): void {
    const defaults = this.panelDefaults.get(el) ?? {};
    const current = this.panelView(el, view);
    for (const [prop, codec] of Object.entries(view)) {
      const text = values[prop] ?? defaults[prop];
      if (text === undefined || text === current[prop]) continue;
      const value = decodeViewValue(codec as 'string', text);
      if (value !== undefined) (el as unknown as Record<string, unknown>)[prop] = value;
    }
  }

  /** Records each new panel's defaults and gives it the view the URL asked for. */
  private applyPanelViews(): void {
    for (const { el, id, view } of this.viewPanels()) {
      if (this.panelDefaults.has(el)) continue;
      this.panelDefaults.set(el, this.panelView(el, view));
      const pending = this.pendingViews[id];
      if (pending) {
        this.setPanelView(el, view, pending);
        delete this.pendingViews[id];
      }
    }
  }

  /** Reads the URL's view into the dashboard; after Back or Forward, fires the events of what changed. */
  private restoreFromUrl(fromHistory: boolean): void {
    const mode = this.urlMode;
    const base = this.baseline;
    if (!mode || !base) return;
    const view = readView(paramsOf(window.location, mode), FILTER_FIELDS);
    const before = this.rangeKey();
    const filtersBefore = this.filters;
    this.preset = view.preset ?? base.preset;
    this.from = view.from ?? (view.preset ? '' : base.from);
    this.to = view.to ?? (view.preset ? '' : base.to);
    this.compare = view.compare ?? base.compare;
    const filters = view.filters ?? base.filters;
    if (JSON.stringify(filters) !== JSON.stringify(this.filters ?? {})) this.filters = filters;
    this.pendingViews = { ...view.panels };
    for (const { el, id, view: props } of this.viewPanels()) {
      if (!this.panelDefaults.has(el)) continue;
      this.setPanelView(el, props, view.panels[id] ?? {});
      delete this.pendingViews[id];
    }
    if (!fromHistory) return;
    if (this.rangeKey() !== before) this.emitRange();
    if (this.filters !== filtersBefore) emit(this, 'filters-change', { filters: this.filters });
  }

  private rangeKey(): string {
    return JSON.stringify([this.effectivePreset, this.effectivePreset === 'custom' ? [this.from, this.to] : 0, this.effectiveCompare]);
  }

  /** The view on screen, as far as it differs from the view the page started with. */
  private currentView(): UrlView {
    const base = this.baseline!;
    const view: UrlView = { panels: { ...this.pendingViews } };
    const preset = this.effectivePreset;
    if (preset !== base.preset || preset === 'custom') view.preset = preset;
    if (preset === 'custom') {
      view.from = this.from;
      view.to = this.to;
    }
    if (this.effectiveCompare !== base.compare) view.compare = this.effectiveCompare;
    if (JSON.stringify(this.filters ?? {}) !== JSON.stringify(base.filters)) view.filters = this.filters ?? {};
    for (const { el, id, view: props } of this.viewPanels()) {
      const defaults = this.panelDefaults.get(el) ?? {};
      const now = this.panelView(el, props);
      const changed: PanelView = {};
      for (const [prop, value] of Object.entries(now)) if (value !== defaults[prop]) changed[prop] = value;
      if (Object.keys(changed).length) view.panels[id] = changed;
      else delete view.panels[id];
    }
    return view;
  }

  /** After a user action: once the dashboard and its panels have updated, pushes the view as a history entry. */
  private async pushView(): Promise<void> {
    const mode = this.urlMode;
    if (!mode || !this.baseline) return;
    await this.updateComplete;
    await Promise.all(this.panelElements.map((p) => (p as Partial<LitElement>).updateComplete));
    const now = paramsOf(window.location, mode);
    const next = writeView(now, this.currentView());
    if (next.toString() === writeView(now, readView(now, FILTER_FIELDS)).toString()) return;
    window.history.pushState(window.history.state, '', urlWith(window.location.href, mode, next));
  }

  private fieldName(field: FilterField): string {
    return this.t(`filter.${field}` as MessageKey);
  }

  /** A picker option's name: the provider's label for users (their names), the dashboard's own for the others. */
  private optionLabel(field: FilterField, value: FilterValue): string {
    return field === 'users' ? value.label || value.value : this.valueLabel(field, value.value);
  }

  private valueLabel(field: FilterField, value: string): string {
    const given = this.labels.get(`${field}\n${value}`);
    if (given) return given;
    switch (field) {
      case 'countries':
        return this.fmt.country(value);
      case 'devices':
        return (DEVICES as readonly string[]).includes(value) ? this.t(`device.${value}` as MessageKey) : value;
      case 'playbackTypes':
        return (PLAYBACK_TYPES as readonly string[]).includes(value) ? this.t(`playbackType.${value}` as MessageKey) : value;
      default:
        return value;
    }
  }

  private announce(text: string): void {
    // Re-announce identical messages by clearing first.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  private emitRange(): void {
    const compare = this.compareRange ?? null;
    emit(this, 'range-change', {
      range: this.range,
      compare,
      preset: this.effectivePreset,
      compareMode: this.effectiveCompare,
    });
  }

  /** What a user action that changed the view does next: tell the host, then keep the URL. */
  private userChangedRange(): void {
    this.emitRange();
    void this.pushView();
  }

  // ---- user actions

  private onPresetChange(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    if (!isPreset(value) || value === this.effectivePreset) return;
    if (value === 'custom' && customRangeProblem(this.from, this.to)) {
      // Start the custom range from the period on screen.
      const current = this.range;
      this.from = current.from;
      this.to = current.to;
    }
    this.preset = value;
    this.rangeProblem = undefined;
    this.userChangedRange();
  }

  private onCustomChange(): void {
    const fromInput = this.renderRoot.querySelector<HTMLInputElement>('input[name=from]');
    const toInput = this.renderRoot.querySelector<HTMLInputElement>('input[name=to]');
    if (!fromInput || !toInput) return;
    const from = fromInput.value;
    const to = toInput.value;
    this.draftFrom = from;
    this.draftTo = to;
    const problem = customRangeProblem(from, to);
    this.rangeProblem = problem;
    if (problem || (from === this.from && to === this.to)) return;
    this.from = from;
    this.to = to;
    // willUpdate would reset the drafts from the properties: they are equal now anyway.
    this.userChangedRange();
  }

  private onCompareChange(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    if (!isCompareMode(value) || value === this.effectiveCompare) return;
    this.compare = value;
    this.userChangedRange();
  }

  private onFilterAdd(e: CustomEvent<FilterAddDetail>): void {
    const detail = e.detail;
    if (!detail || !FILTER_FIELDS.includes(detail.field) || typeof detail.value !== 'string') return;
    this.addFilter(detail.field, detail.value, typeof detail.label === 'string' ? detail.label : undefined);
  }

  /** Adds a filter as the user asked (fires `filters-change`); a filter already set is left alone. */
  private addFilter(field: FilterField, raw: string, label?: string): boolean {
    const value = normalizeFilterValue(field, raw);
    if (!value) return false;
    const list = (this.filters?.[field] as string[] | undefined) ?? [];
    if (label) this.labels.set(`${field}\n${value}`, label);
    if (list.includes(value)) return false;
    this.filters = { ...this.filters, [field]: [...list, value] };
    emit(this, 'filters-change', { filters: this.filters });
    void this.pushView();
    this.announce(this.t('shell.filterAdded', { field: this.fieldName(field), value: this.valueLabel(field, value) }));
    return true;
  }

  private async removeFilter(field: FilterField, value: string, index: number): Promise<void> {
    const list = ((this.filters?.[field] as string[] | undefined) ?? []).filter((v) => v !== value);
    const next: Filters = { ...this.filters };
    if (list.length) (next as Record<string, string[]>)[field] = list;
    else delete next[field];
    this.filters = next;
    emit(this, 'filters-change', { filters: this.filters });
    void this.pushView();
    this.announce(this.t('shell.filterRemoved', { field: this.fieldName(field), value: this.valueLabel(field, value) }));
    await this.updateComplete;
    // Keep focus in the chip list: the chip now at the same place, else the previous one, else "Add filter".
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.chip button')];
    (buttons[index] ?? buttons[index - 1] ?? this.addFilterButton)?.focus();
  }

  private async clearFilters(): Promise<void> {
    this.filters = {};
    emit(this, 'filters-change', { filters: this.filters });
    void this.pushView();
    this.announce(this.t('shell.filtersCleared'));
    await this.updateComplete;
    this.addFilterButton?.focus();
  }

  private async toggleFilterForm(open: boolean): Promise<void> {
    this.filterFormOpen = open;
    this.filterProblem = '';
    if (open) this.picker.reset(this.filterField);
    await this.updateComplete;
    if (open) this.renderRoot.querySelector<HTMLSelectElement>('select[name=filter-field]')?.focus();
    else this.addFilterButton?.focus();
  }

  /** Adds a value from the picker and closes the form. */
  private pick(value: FilterValue): void {
    this.addFilter(this.filterField, value.value, this.optionLabel(this.filterField, value));
    void this.toggleFilterForm(false);
  }

  private onFilterSubmit(e: Event): void {
    e.preventDefault();
    const field = this.filterField;
    const input = this.renderRoot.querySelector<HTMLInputElement>('[name=filter-value]');
    const typed = this.picker.text.trim();
    const picked = this.picker.match();
    if (picked) return this.pick(picked);
    const problem = (text: string) => {
      this.filterProblem = text;
      input?.focus();
    };
    if (!typed) return problem(this.t('shell.filterInvalid.empty'));
    if (this.picker.status !== 'error')
      // The data's values are known: a value outside them would filter everything away.
      return problem(this.t('shell.filterUnknown', { field: this.fieldName(field), value: typed }));
    // The provider cannot list values: take the typed one, spelled as the contract spells it.
    const value = normalizeFilterValue(field, typed);
    if (field === 'countries' && !/^[A-Z]{2}$/.test(value)) return problem(this.t('shell.filterInvalid.countries'));
    this.addFilter(field, value);
    void this.toggleFilterForm(false);
  }

  // ---- rendering

  private renderDetails(): TemplateResult {
    const status = this.entryTask.status;
    const body = (() => {
      if (!this.provider || !this.entryId) return html`<p class="message">${this.t('shell.initial')}</p>`;
      if (status === TaskStatus.ERROR && this.entryExpired) {
        // The one "session expired" message says it: keep the last details, dimmed.
        return this.entry ? this.renderEntry(this.entry) : html`<div class="skeleton" aria-hidden="true"></div>`;
      }
      if (status === TaskStatus.ERROR) {
        const detail = errorDetail(this.entryTask.error, (key, params) => this.t(key, params), this.fmt);
        return html`<div class="error" part="error" role="alert">
          <div>
            <p>${this.t('shell.entryError')}</p>
            ${detail ? html`<p class="detail">${detail}</p>` : nothing}
          </div>
          <button type="button" @click=${() => this.reload()}>${this.t('action.retry')}</button>
        </div>`;
      }
      if (!this.entry) return html`<div class="skeleton" aria-hidden="true"></div>`;
      return this.renderEntry(this.entry);
    })();
    const loading = Boolean(this.provider && this.entryId) && (status === TaskStatus.PENDING || status === TaskStatus.INITIAL);
    const stale = (loading || (status === TaskStatus.ERROR && this.entryExpired)) && this.entry !== undefined;
    return html`<section
      class="card details ${stale ? 'stale' : ''}"
      part="details"
      aria-label=${this.t('shell.details')}
      aria-busy=${loading ? 'true' : 'false'}
    >
      ${body}
    </section>`;
  }

  /** The entry's load failed because the session expired. */
  private get entryExpired(): boolean {
    return this.entryTask.status === TaskStatus.ERROR && providerErrorKind(this.entryTask.error) === 'session-expired';
  }

  /**
   * What the panels render from before the entry's details arrive: a stand-in of the usual type (video), so the
   * panels ask for their data in the same round trip as the details (a provider that batches, like the Kaltura one,
   * answers the whole first load in one request). Not for `sinceCreation`, whose range needs the creation date; an
   * image entry drops the panels that do not fit when its details arrive. Also while an expired session keeps the
   * details from loading, so the panels wait under the one "session expired" message and recover with the rest.
   */
  private provisionalEntry(): EntryResult | undefined {
    const status = this.entryTask.status;
    if (this.entry || !this.provider || !this.entryId || this.effectivePreset === 'sinceCreation') return undefined;
    if (status !== TaskStatus.PENDING && status !== TaskStatus.INITIAL && !this.entryExpired) return undefined;
    return { id: this.entryId, name: '', type: 'video', duration: 0, owner: { id: '', name: '' }, created: '' };
  }

  private renderSessionExpired(): TemplateResult | typeof nothing {
    if (!this.sessionExpired) return nothing;
    return html`<div class="error session-expired" part="session-expired" role="alert">
      <div>
        <p><strong>${this.t('shell.sessionExpired')}</strong></p>
        <p class="detail">${this.t('shell.sessionExpiredHelp')}</p>
      </div>
      <button type="button" @click=${() => this.reload()}>${this.t('shell.sessionRetry')}</button>
    </div>`;
  }

  private renderEntry(entry: EntryResult): TemplateResult {
    const thumb = safeHttpUrl(entry.thumbnail);
    let back: string | undefined;
    if (this.backLink) {
      try {
        back = safeHttpUrl(new URL(this.backLink, document.baseURI).href);
      } catch {
        back = undefined;
      }
    }
    const created = dateIn(entry.created, this.effectiveTimeZone);
    const links = entry.links ?? [];
    return html`${thumb ? html`<img class="thumb" part="thumbnail" src=${thumb} alt="" />` : nothing}
      <div class="details-text">
        <h2 part="name" class="name"><bdi>${entry.name}</bdi></h2>
        <dl>
          <div><dt>${this.t('shell.type')}</dt><dd class="type">${this.t(`shell.type.${entry.type}` as MessageKey)}</dd></div>
          <div><dt>${this.t('shell.owner')}</dt><dd class="owner"><bdi>${entry.owner.name || entry.owner.id}</bdi></dd></div>
          ${entry.type !== 'image'
            ? html`<div><dt>${this.t('shell.duration')}</dt><dd class="duration">${this.fmt.mediaTime(entry.duration)}</dd></div>`
            : nothing}
          <div>
            <dt>${this.t('shell.created')}</dt>
            <dd class="created">${isIsoDate(created) && !Number.isNaN(Date.parse(entry.created)) ? this.fmt.date(created) : entry.created}</dd>
          </div>
          <div><dt>${this.t('shell.id')}</dt><dd class="id"><bdi>${entry.id}</bdi></dd></div>
        </dl>
        ${back || links.length
          ? html`<ul class="links" aria-label=${this.t('shell.links')}>
              ${back
                ? html`<li><a part="back-link" class="back-link" href=${back}>${this.backLabel || this.t('shell.back')}</a></li>`
                : nothing}
              ${links.map((link) => {
                const href = safeHttpUrl(link.href);
                return html`<li>
                  ${href
                    ? html`<a class="entry-link" href=${href} target="_blank" rel="noopener noreferrer">${link.label}</a>`
                    : html`<span class="entry-link">${link.label}</span>`}
                </li>`;
              })}
            </ul>`
          : nothing}
      </div>`;
  }

  private renderRangeControls(): TemplateResult {
    const preset = this.effectivePreset;
    const compare = this.effectiveCompare;
    const range = this.range;
    const compareRange = this.compareRange;
    const problemId = `${this.uid}-problem`;
    const rangeText = this.fmt.dateRange(range.from, range.to);
    return html`<div class="row">
        <div class="field">
          <label for="${this.uid}-preset">${this.t('shell.period')}</label>
          <select id="${this.uid}-preset" name="preset" @change=${this.onPresetChange}>
            ${PRESETS.map(
              (p) => html`<option value=${p} ?selected=${p === preset}>${this.t(`shell.preset.${p}` as MessageKey)}</option>`,
            )}
          </select>
        </div>
        ${preset === 'custom'
          ? html`<fieldset class="custom">
              <legend class="sr-only">${this.t('shell.preset.custom')}</legend>
              <div class="field">
                <label for="${this.uid}-from">${this.t('shell.from')}</label>
                <input
                  id="${this.uid}-from"
                  name="from"
                  type="date"
                  .value=${this.draftFrom}
                  max=${this.effectiveToday}
                  aria-invalid=${this.rangeProblem ? 'true' : 'false'}
                  aria-describedby=${this.rangeProblem ? problemId : nothing}
                  @change=${this.onCustomChange}
                />
              </div>
              <div class="field">
                <label for="${this.uid}-to">${this.t('shell.to')}</label>
                <input
                  id="${this.uid}-to"
                  name="to"
                  type="date"
                  .value=${this.draftTo}
                  max=${this.effectiveToday}
                  aria-invalid=${this.rangeProblem ? 'true' : 'false'}
                  aria-describedby=${this.rangeProblem ? problemId : nothing}
                  @change=${this.onCustomChange}
                />
              </div>
              ${this.rangeProblem
                ? html`<p class="problem" id=${problemId} role="alert">
                    ${this.t(`shell.rangeProblem.${this.rangeProblem}` as MessageKey)}
                  </p>`
                : nothing}
            </fieldset>`
          : nothing}
        <div class="field">
          <label for="${this.uid}-compare">${this.t('shell.compare')}</label>
          <select id="${this.uid}-compare" name="compare" @change=${this.onCompareChange}>
            ${COMPARE_MODES.map(
              (m) => html`<option value=${m} ?selected=${m === compare}>${this.t(`shell.compare.${m}` as MessageKey)}</option>`,
            )}
          </select>
        </div>
      </div>
      <p class="range-text" part="range-text" aria-live="polite">
        ${compareRange
          ? this.t('shell.rangeVs', {
              range: rangeText,
              compare: this.fmt.dateRange(compareRange.from, compareRange.to),
            })
          : this.t('shell.rangeText', { range: rangeText })}
      </p>`;
  }

  private renderFilters(): TemplateResult {
    const chips: { field: FilterField; value: string }[] = [];
    for (const field of FILTER_FIELDS)
      for (const value of (this.filters?.[field] as string[] | undefined) ?? []) chips.push({ field, value });
    const problemId = `${this.uid}-filter-problem`;
    return html`<div class="row filters">
      <span class="legend" id="${this.uid}-filters">${this.t('shell.filters')}</span>
      ${chips.length
        ? html`<ul class="chips" part="chips" aria-labelledby="${this.uid}-filters">
            ${chips.map(({ field, value }, index) => {
              const name = this.fieldName(field);
              const label = this.valueLabel(field, value);
              return html`<li class="chip" part="chip" data-field=${field} data-value=${value}>
                <span><span class="field-name">${name}:</span> <bdi>${label}</bdi></span>
                <button
                  type="button"
                  aria-label=${this.t('shell.removeFilter', { field: name, value: label })}
                  @click=${() => this.removeFilter(field, value, index)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>`;
            })}
          </ul>`
        : html`<span class="message no-filters">${this.t('shell.noFilters')}</span>`}
      ${chips.length > 1
        ? html`<button type="button" class="clear-filters" @click=${this.clearFilters}>${this.t('shell.clearFilters')}</button>`
        : nothing}
      <button
        type="button"
        class="add-filter"
        aria-expanded=${this.filterFormOpen ? 'true' : 'false'}
        aria-controls="${this.uid}-filter-form"
        @click=${() => this.toggleFilterForm(!this.filterFormOpen)}
      >
        ${this.t('shell.addFilter')}
      </button>
      ${this.filterFormOpen
        ? html`<form
            id="${this.uid}-filter-form"
            class="filter-form"
            aria-label=${this.t('shell.addFilter')}
            @submit=${this.onFilterSubmit}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                void this.toggleFilterForm(false);
              }
            }}
          >
            <div class="field">
              <label for="${this.uid}-ffield">${this.t('shell.filterField')}</label>
              <select
                id="${this.uid}-ffield"
                name="filter-field"
                @change=${(e: Event) => {
                  this.filterField = (e.target as HTMLSelectElement).value as FilterField;
                  this.filterProblem = '';
                  this.picker.reset(this.filterField);
                }}
              >
                ${MENU_FIELDS.map(
                  (f) => html`<option value=${f} ?selected=${f === this.filterField}>${this.fieldName(f)}</option>`,
                )}
              </select>
            </div>
            ${this.renderPicker()}
            <button type="submit">${this.t('shell.add')}</button>
            <button type="button" @click=${() => this.toggleFilterForm(false)}>${this.t('shell.cancel')}</button>
            ${this.filterProblem
              ? html`<p class="problem" id=${problemId} role="alert">${this.filterProblem}</p>`
              : nothing}
          </form>`
        : nothing}
    </div>`;
  }

  /** The value combobox: a text input and the listbox of the values in the data (ARIA combobox pattern). */
  private renderPicker(): TemplateResult {
    const picker = this.picker;
    const field = this.filterField;
    const shown = picker.shown;
    const listId = `${this.uid}-flist`;
    const optionId = (i: number) => `${this.uid}-fopt-${i}`;
    const problemId = `${this.uid}-filter-problem`;
    const statusId = `${this.uid}-fstatus`;
    const status =
      picker.status === 'loading'
        ? this.t('shell.filterValuesLoading')
        : picker.status === 'error'
          ? this.t('shell.filterValuesError')
          : picker.status === 'ready'
            ? !shown.length
              ? this.t('shell.filterValuesNone')
              : picker.total > picker.values.length && shown === picker.values
                ? this.t('shell.filterValuesMore', { shown: this.fmt.count(shown.length), total: this.fmt.count(picker.total) })
                : this.t('shell.filterValuesCount', { count: this.fmt.count(shown.length) })
            : '';
    const open = picker.open && shown.length > 0;
    return html`<div class="field combo">
      <label for="${this.uid}-fvalue">${this.t('shell.filterValue')}</label>
      <input
        id="${this.uid}-fvalue"
        name="filter-value"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${listId}
        aria-activedescendant=${open && picker.active >= 0 ? optionId(picker.active) : nothing}
        aria-invalid=${this.filterProblem ? 'true' : 'false'}
        aria-describedby=${this.filterProblem ? `${problemId} ${statusId}` : statusId}
        placeholder=${picker.status === 'error' && field === 'countries'
          ? this.t('shell.filterValueHint.countries')
          : this.t('shell.filterValueHint')}
        .value=${picker.text}
        @input=${(e: Event) => {
          this.filterProblem = '';
          picker.setText((e.target as HTMLInputElement).value);
        }}
        @keydown=${(e: KeyboardEvent) => picker.onKey(e)}
        @click=${() => {
          picker.open = !picker.open;
          this.requestUpdate();
        }}
        @blur=${() => {
          picker.open = false;
          this.requestUpdate();
        }}
      />
      <ul class="listbox" id=${listId} role="listbox" aria-label=${this.t('shell.filterValues', { field: this.fieldName(field) })} ?hidden=${!open}>
        ${shown.map(
          (v, i) => html`<li
            id=${optionId(i)}
            role="option"
            class=${i === picker.active ? 'active' : ''}
            aria-selected=${i === picker.active ? 'true' : 'false'}
            data-value=${v.value}
            @pointerdown=${(e: Event) => e.preventDefault()}
            @click=${() => this.pick(v)}
          >
            <bdi>${this.optionLabel(field, v)}</bdi>
            <span class="plays">${this.t('shell.filterOptionPlays', { count: this.fmt.count(v.plays) })}</span>
          </li>`,
        )}
      </ul>
      <p class="picker-status" id=${statusId} role="status">${status}</p>
    </div>`;
  }

  private renderPanels(): TemplateResult | typeof nothing {
    const entry = this.entry ?? this.provisionalEntry();
    if (!entry || !this.provider || !this.entryId) return nothing;
    if (this.entryTask.status === TaskStatus.ERROR && !this.entryExpired) return nothing;
    const range = this.range;
    const compare = this.compareRange;
    const ctx: PanelContext = {
      provider: this.provider,
      entryId: this.entryId,
      from: range.from,
      to: range.to,
      compareFrom: compare?.from ?? '',
      compareTo: compare?.to ?? '',
      timeZone: this.effectiveTimeZone,
      filters: this.filters ?? {},
      lang: this.langInUse,
      timeout: this.timeout,
      csvHeaders: this.csvHeaders,
      entry,
      entryPending: entry !== this.entry,
    };
    const panels = visiblePanels(entry.type, parsePanelIds(this.hiddenPanels), this.panels, (tag) =>
      Boolean(customElements.get(tag)),
    );
    const spans = layoutSpans(panels);
    const cells = panels.map((panel, i) => ({ panel, span: spans[i]! }));
    // A click, a key or a choice inside a panel may change its view (drill level, tab, sort, page): keep the URL.
    const onPanelAction = () => void this.pushView();
    return html`<div
      class="grid"
      part="grid"
      role="region"
      aria-label=${this.t('shell.panels')}
      @click=${onPanelAction}
      @keydown=${onPanelAction}
      @change=${onPanelAction}
    >
      ${repeat(
        cells,
        (c) => c.panel.id,
        (c) => html`<div class="cell ${c.span}" part="cell" data-panel=${c.panel.id}>${c.panel.render(ctx)}</div>`,
      )}
    </div>`;
  }

  protected override render() {
    const rtl = isRtl(this.langInUse);
    return html`<div class="shell" dir=${rtl ? 'rtl' : 'ltr'}>
      ${this.renderSessionExpired()} ${this.renderDetails()}
      <section class="card controls" part="controls" aria-label=${this.t('shell.controls')}>
        ${this.renderRangeControls()} ${this.renderFilters()}
      </section>
      ${this.renderPanels()}
      <div class="sr-only" role="status">${this.announcement}</div>
    </div>`;
  }
}
