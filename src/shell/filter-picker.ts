/**
 * The value picker of the dashboard's "Add filter" form: a combobox (ARIA 1.2 pattern: a text input with
 * `role="combobox"` controlling a `role="listbox"` popup, the active option named by `aria-activedescendant`) offering
 * the values the chosen field takes in the data of the period (a `filterValues` query), searchable by typing.
 *
 * Long lists (users, domains, pages, regions, cities, categories) are searched by the provider; short ones
 * (countries, devices, playback types) are fetched whole and searched here, by their shown name in the page's
 * language as well as by value ("Deutschland", "Germany" and "DE" all find DE in a German page).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataProvider, FilterField, FilterValue, QueryBase } from '../data/types.js';
import { runQuery } from '../data/validate.js';
import { within } from '../elements/shared/states.js';

/** Fields whose values the provider searches (lists that can be long). */
const SEARCHED: ReadonlySet<FilterField> = new Set(['users', 'domains', 'urls', 'regions', 'cities', 'categories']);
/** Values asked for at most: short lists whole, long ones a page of search results. */
const LIMIT_WHOLE = 300;
const LIMIT_SEARCHED = 50;
/** Milliseconds to wait after a keystroke before searching. */
const SEARCH_DELAY = 150;

/** What the picker needs from the dashboard. */
export interface PickerContext {
  provider?: DataProvider;
  /** Entry, range, time zone and the dashboard's filters. */
  base?: QueryBase;
  timeout: number;
  /** A value's name as the dashboard shows it (a country's name in the page's language…). */
  label(field: FilterField, value: FilterValue): string;
}

/** Where the picker is. */
export type PickerStatus = 'idle' | 'loading' | 'ready' | 'error';

export class FilterPicker implements ReactiveController {
  /** The field whose values are offered. */
  field: FilterField = 'countries';
  /** What the user typed. */
  text = '';
  /** Whether the listbox shows. */
  open = false;
  /** Index of the active option in {@link shown}, or -1. */
  active = -1;
  status: PickerStatus = 'idle';
  /** Values the provider gave for the field (and search). */
  values: FilterValue[] = [];
  /** How many values matched the provider's search (may exceed `values`). */
  total = 0;

  private controller?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;
  private asked = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly context: () => PickerContext,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.controller?.abort();
    clearTimeout(this.timer);
  }

  /** The options to show: the values matching what was typed, by value or shown name. */
  get shown(): FilterValue[] {
    const q = this.text.trim().toLocaleLowerCase();
    if (!q || SEARCHED.has(this.field)) return this.values;
    const ctx = this.context();
    return this.values.filter(
      (v) => v.value.toLocaleLowerCase().includes(q) || ctx.label(this.field, v).toLocaleLowerCase().includes(q),
    );
  }

  /** Starts over for `field`: empty text, values loading. */
  reset(field: FilterField): void {
    this.field = field;
    this.text = '';
    this.active = -1;
    this.open = false;
    this.values = [];
    this.total = 0;
    this.asked = '\u0000';
    void this.load();
  }

  /** The user typed. */
  setText(text: string): void {
    this.text = text;
    this.open = true;
    this.active = -1;
    clearTimeout(this.timer);
    if (SEARCHED.has(this.field)) this.timer = setTimeout(() => void this.load(), SEARCH_DELAY);
    this.host.requestUpdate();
  }

  /** The value the text names: the active option, else the one whose value or shown name is the text exactly. */
  match(): FilterValue | undefined {
    const shown = this.shown;
    if (this.open && this.active >= 0 && shown[this.active]) return shown[this.active];
    const q = this.text.trim().toLocaleLowerCase();
    if (!q) return undefined;
    const ctx = this.context();
    return (
      this.values.find((v) => v.value.toLocaleLowerCase() === q) ??
      this.values.find((v) => ctx.label(this.field, v).toLocaleLowerCase() === q)
    );
  }

  /** Arrow keys, Home/End, Enter and Escape, as the combobox pattern has them; returns whether the key was used. */
  onKey(e: KeyboardEvent): boolean {
    const n = this.shown.length;
    switch (e.key) {
      case 'ArrowDown':
        if (!this.open) this.open = true;
        else if (n) this.active = (this.active + 1) % n;
        break;
      case 'ArrowUp':
        if (!this.open) this.open = true;
        if (n) this.active = this.active <= 0 ? n - 1 : this.active - 1;
        break;
      case 'Home':
      case 'End':
        if (!this.open || !n) return false;
        this.active = e.key === 'Home' ? 0 : n - 1;
        break;
      case 'Escape':
        if (!this.open) return false;
        this.open = false;
        this.active = -1;
        break;
      default:
        return false;
    }
    e.preventDefault();
    e.stopPropagation();
    this.host.requestUpdate();
    return true;
  }

  /** Puts a value's shown name in the input and closes the list. */
  choose(value: FilterValue): void {
    this.text = this.context().label(this.field, value);
    this.open = false;
    this.active = -1;
    this.host.requestUpdate();
  }

  private async load(): Promise<void> {
    const ctx = this.context();
    const searched = SEARCHED.has(this.field);
    const search = searched ? this.text.trim() : '';
    const key = `${this.field}\n${search}`;
    if (key === this.asked && this.status !== 'error') return;
    this.asked = key;
    this.controller?.abort();
    if (!ctx.provider || !ctx.base) return;
    const controller = new AbortController();
    this.controller = controller;
    this.status = 'loading';
    this.host.requestUpdate();
    // The field's own filter is left out, so a second value of the same field can be added.
    const filters = { ...ctx.base.filters };
    delete filters[this.field];
    try {
      const result = await within(controller.signal, ctx.timeout, (signal) =>
        runQuery(
          ctx.provider!,
          {
            ...ctx.base!,
            filters,
            kind: 'filterValues',
            field: this.field,
            limit: searched ? LIMIT_SEARCHED : LIMIT_WHOLE,
            ...(search ? { search } : {}),
          },
          signal,
        ),
      );
      if (controller.signal.aborted) return;
      this.values = result.values;
      this.total = result.total;
      this.status = 'ready';
      this.active = -1;
    } catch {
      if (controller.signal.aborted) return;
      this.values = [];
      this.total = 0;
      this.status = 'error';
    }
    this.host.requestUpdate();
  }
}
