/**
 * The dashboard's view as URL parameters, for `<entry-analytics sync-url>`: pure functions from a view to parameters
 * and back, so a shared link or a bookmark restores the same period, compare mode, filters, drill levels, metric tabs
 * and table page.
 *
 * Every parameter starts with `ea-`, so the host's own parameters are left alone:
 * - `ea-preset`, `ea-from`, `ea-to` (custom range only), `ea-compare`;
 * - `ea-f-<field>`, once per filter value (`ea-f-countries=FR&ea-f-countries=DE`), so values may hold any character;
 *   a bare `ea-f` means "no filters" (when the page started with some);
 * - `ea-<panel>.<property>` for a panel's view (`ea-countries.country=US`, `ea-users.sort=name.asc`,
 *   `ea-users.page=3`). Which properties a panel keeps is declared in the panel registry (`view`).
 *
 * Defaults are left out, so an untouched dashboard adds nothing to the URL.
 */
import type { FilterField, Filters } from '../data/types.js';

/** How a panel's view property is written in the URL. */
export type ViewCodec = 'string' | 'number' | 'sort';

/** A panel's view: its property names and their encoded values. */
export type PanelView = Record<string, string>;

/** Everything `sync-url` keeps. */
export interface UrlView {
  preset?: string;
  from?: string;
  to?: string;
  compare?: string;
  /** The filters; undefined when the URL does not say (the page's own filters hold). */
  filters?: Filters;
  /** Encoded view of each panel, by panel id; only properties that differ from the panel's defaults. */
  panels: Record<string, PanelView>;
}

export const PREFIX = 'ea-';
const FILTER = `${PREFIX}f-`;

/** Encodes a property value for the URL; undefined when the value cannot be written with this codec. */
export function encodeViewValue(codec: ViewCodec, value: unknown): string | undefined {
  if (codec === 'number') return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
  if (codec === 'sort') {
    const s = value as { field?: unknown; direction?: unknown } | null | undefined;
    return s && typeof s.field === 'string' && (s.direction === 'asc' || s.direction === 'desc')
      ? `${s.field}.${s.direction}`
      : undefined;
  }
  return typeof value === 'string' ? value : undefined;
}

/** Decodes what {@link encodeViewValue} wrote; undefined for a malformed value (which is then ignored). */
export function decodeViewValue(codec: ViewCodec, text: string): unknown {
  if (codec === 'number') {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
  }
  if (codec === 'sort') {
    const m = /^(\w+)\.(asc|desc)$/.exec(text);
    return m ? { field: m[1], direction: m[2] } : undefined;
  }
  return text;
}

/** Writes `view` into `params`, replacing every `ea-` parameter and keeping the others in their order. */
export function writeView(params: URLSearchParams, view: UrlView): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of params) if (!k.startsWith(PREFIX)) out.append(k, v);
  if (view.preset) out.set(`${PREFIX}preset`, view.preset);
  if (view.from) out.set(`${PREFIX}from`, view.from);
  if (view.to) out.set(`${PREFIX}to`, view.to);
  if (view.compare) out.set(`${PREFIX}compare`, view.compare);
  const filters = Object.entries(view.filters ?? {}).filter(([, values]) => (values as string[] | undefined)?.length);
  if (view.filters && !filters.length) out.set(`${PREFIX}f`, '');
  for (const [field, values] of filters)
    for (const value of values as string[]) out.append(`${FILTER}${field}`, value);
  for (const [panel, props] of Object.entries(view.panels))
    for (const [prop, value] of Object.entries(props)) out.set(`${PREFIX}${panel}.${prop}`, value);
  return out;
}

/** Reads a view from `params`; filter fields outside `fields` and malformed keys are ignored. */
export function readView(params: URLSearchParams, fields: readonly FilterField[]): UrlView {
  const view: UrlView = { panels: {} };
  let filters: Partial<Record<FilterField, string[]>> | undefined;
  for (const [k, v] of params) {
    if (!k.startsWith(PREFIX)) continue;
    const name = k.slice(PREFIX.length);
    if (name === 'preset' || name === 'from' || name === 'to' || name === 'compare') view[name] = v;
    else if (name === 'f') filters ??= {};
    else if (k.startsWith(FILTER)) {
      const field = k.slice(FILTER.length) as FilterField;
      if (!fields.includes(field) || !v) continue;
      const list = ((filters ??= {})[field] ??= []);
      if (!list.includes(v)) list.push(v);
    } else {
      const m = /^([\w-]+)\.(\w+)$/.exec(name);
      if (m) (view.panels[m[1]!] ??= {})[m[2]!] = v;
    }
  }
  if (filters) view.filters = filters as Filters;
  return view;
}

/** The parameters of the URL part `sync-url` uses: the query, or the hash read as a query. */
export function paramsOf(location: { search: string; hash: string }, mode: 'query' | 'hash'): URLSearchParams {
  return new URLSearchParams(mode === 'query' ? location.search : location.hash.replace(/^#/, ''));
}

/** The URL with `params` as its query (or hash); the other part is kept. */
export function urlWith(href: string, mode: 'query' | 'hash', params: URLSearchParams): string {
  const url = new URL(href);
  const text = params.toString();
  if (mode === 'query') url.search = text ? `?${text}` : '';
  else url.hash = text ? `#${text}` : '';
  return url.href;
}

/** Two views are the same when they write the same parameters. */
export function sameView(a: UrlView, b: UrlView): boolean {
  return writeView(new URLSearchParams(), a).toString() === writeView(new URLSearchParams(), b).toString();
}
