/**
 * The `filterValues` query: which values a filter field takes among the sessions of the range (the query's other
 * filters applied), with their plays, for the dashboard's filter pickers.
 */
import {
  DEVICES,
  FILTER_FIELDS,
  PLAYBACK_TYPES,
  type FilterField,
  type FilterValue,
  type FilterValuesQuery,
  type FilterValuesResult,
} from '../types.js';
import type { PreparedEntry } from './prepare.js';
import type { EventStore } from './store.js';

/** What the engine hands over: the prepared entry, its store, and a pass counting plays per session group. */
export interface FilterValuesInput {
  p: PreparedEntry;
  store: EventStore;
  /**
   * Plays and impressions per group over the range's sessions that pass the query's filters other than `field`'s
   * (`sessionGroup[s]` is session s's group, -1 for none).
   */
  count(sessionGroup: Int32Array | Uint8Array, groups: number): { plays: ArrayLike<number>; impressions: ArrayLike<number> };
  /** A user's display name. */
  name: (userId: string) => string;
  /** A country's name from its code. */
  countryName: (code: string) => string;
}

/** Answers a `filterValues` query. Throws for an unknown field or a bad limit. */
export function filterValues(q: FilterValuesQuery, input: FilterValuesInput): FilterValuesResult {
  const { p, store } = input;
  checkFilterValuesQuery(q);
  const geo = store.geo;
  // The grouping of sessions by the field's value, and each group's value names (categories: a set of names).
  const by: Record<FilterField, () => [Int32Array | Uint8Array, (g: number) => readonly string[], number]> = {
    countries: () => [p.sCountry, (g) => [geo.countries.values[g]!], geo.countries.size],
    regions: () => [p.sRegion, (g) => [geo.regionName[g]!], geo.regionName.length],
    cities: () => [p.sCity, (g) => [geo.cityName[g]!], geo.cityName.length],
    devices: () => [p.sDevice, (g) => [DEVICES[g]!], DEVICES.length],
    domains: () => [p.sDomain, (g) => [store.domains.values[g]!], store.domains.size],
    urls: () => [p.sUrl, (g) => [store.urls.values[g]!], store.urls.size],
    users: () => [p.sUser, (g) => [store.users.values[g]!], store.users.size],
    playbackTypes: () => [p.sPlaybackType, (g) => [PLAYBACK_TYPES[g]!], PLAYBACK_TYPES.length],
    categories: () => [
      p.sCategories,
      (g) => [...(store.categorySets[g] ?? [])].map((c) => store.categoryNames.values[c]!),
      store.categorySets.length,
    ],
  };
  const [sessionGroup, namesOf, groups] = by[q.field]();
  const counted = input.count(sessionGroup, groups);
  // Per value (by name: regions and cities of the same name are one filter value): plays; a value seen only in
  // impressions is offered too, with 0 plays.
  const plays = new Map<string, number>();
  for (let g = 0; g < groups; g++) {
    if (counted.plays[g]! === 0 && counted.impressions[g]! === 0) continue;
    for (const value of namesOf(g)) {
      if (!value) continue;
      plays.set(value, (plays.get(value) ?? 0) + counted.plays[g]!);
    }
  }
  const labelOf = (value: string) =>
    q.field === 'users' ? input.name(value) : q.field === 'countries' ? input.countryName(value) : '';
  return filterValueList(q, plays, labelOf);
}

/** Throws for an unknown field or a bad limit. */
export function checkFilterValuesQuery(q: FilterValuesQuery): void {
  if (!FILTER_FIELDS.includes(q.field)) throw new Error(`Invalid filterValues query: unknown field ${JSON.stringify(q.field)}`);
  if (!Number.isInteger(q.limit) || q.limit < 1) throw new Error(`Invalid filterValues query: limit must be an integer ≥ 1`);
}

/**
 * The answer from each value's plays (values with plays or impressions only) and its label (shown only when it
 * differs from the value): the search on value or label, most plays first (ties by value), `limit` of them. Shared
 * with the ClickHouse provider, so both list values alike.
 */
export function filterValueList(q: FilterValuesQuery, plays: ReadonlyMap<string, number>, labelOf: (value: string) => string): FilterValuesResult {
  const search = typeof q.search === 'string' ? q.search.trim().toLowerCase() : '';
  const all: FilterValue[] = [];
  for (const [value, n] of plays) {
    const label = labelOf(value);
    const shownLabel = label === value ? '' : label;
    if (search && !value.toLowerCase().includes(search) && !shownLabel.toLowerCase().includes(search)) continue;
    all.push({ value, label: shownLabel, plays: n });
  }
  all.sort((a, b) => b.plays - a.plays || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { field: q.field, values: all.slice(0, q.limit), total: all.length };
}
