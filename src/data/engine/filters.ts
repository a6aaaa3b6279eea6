/**
 * Filters as per-session masks: the query's filter fields (and a drill-down's scope) resolved against the store's
 * dictionaries once, then one pass over the entry's sessions.
 * @internal
 */
import { DEVICES, PLAYBACK_TYPES, type Filters } from '../types.js';
import type { PreparedEntry } from './prepare.js';
import type { EventStore } from './store.js';

/** A drill-down's scope: a country, region or domain (dictionary index; -1 matches nothing), or a list of user ids. */
export interface MaskScope {
  country?: number;
  region?: number;
  domain?: number;
  users?: string[];
}

const arr = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.length > 0 ? v.filter((x): x is string => typeof x === 'string') : undefined;

/**
 * The per-session filter mask of a prepared entry (1 = the session passes), cached on the entry per filters and scope.
 * A session passes when its attributes (those of its first event) match every filter field given (each an OR-list)
 * and the drill-down scope.
 */
export function sessionMask(st: EventStore, p: PreparedEntry, filters: Filters | undefined, extra?: MaskScope): Uint8Array {
  const f = filters ?? {};
  const norm = {
    c: arr(f.countries)?.map((x) => x.toUpperCase()).sort(),
    r: arr(f.regions)?.slice().sort(),
    ci: arr(f.cities)?.slice().sort(),
    d: arr(f.devices)?.slice().sort(),
    do: arr(f.domains)
      ?.map((x) => x.trim().toLowerCase().replace(/^www\./, ''))
      .sort(),
    u: arr(f.urls)?.slice().sort(),
    ca: arr(f.categories)?.slice().sort(),
    us: arr(f.users)?.slice().sort(),
    pt: arr(f.playbackTypes)?.slice().sort(),
    x: extra,
  };
  const key = JSON.stringify(norm);
  const hit = p.masks.get(key);
  if (hit) return hit;
  const geo = st.geo;
  const setOf = (values: string[] | undefined, lookup: (v: string) => number) =>
    values ? new Set(values.map(lookup).filter((i) => i >= 0)) : null;
  const byName = (values: string[] | undefined, names: string[]) => {
    if (!values) return null;
    const want = new Set(values);
    const s = new Set<number>();
    names.forEach((n, i) => want.has(n) && s.add(i));
    return s;
  };
  const countries = setOf(norm.c, (v) => geo.countries.get(v));
  const regions = byName(norm.r, geo.regionName);
  const cities = byName(norm.ci, geo.cityName);
  const devices = setOf(norm.d, (v) => DEVICES.indexOf(v as never));
  const domains = setOf(norm.do, (v) => st.domains.get(v));
  const urls = setOf(norm.u, (v) => st.urls.get(v));
  const users = setOf(norm.us, (v) => st.users.get(v));
  const extraUsers = extra?.users ? new Set(extra.users.map((v) => st.users.get(v)).filter((i) => i >= 0)) : null;
  const pts = setOf(norm.pt, (v) => (PLAYBACK_TYPES as readonly string[]).indexOf(v));
  let catSets: Uint8Array | null = null;
  if (norm.ca) {
    const want = new Set(norm.ca.map((v) => st.categoryNames.get(v)).filter((i) => i >= 0));
    catSets = new Uint8Array(st.categorySets.length);
    st.categorySets.forEach((set, i) => {
      if (set.some((c) => want.has(c))) catSets![i] = 1;
    });
  }
  const m = new Uint8Array(p.sessions);
  // A drill-down scope that names an unknown place or domain matches nothing (not the sessions without one).
  const none = extra?.country === -1 || extra?.region === -1 || extra?.domain === -1;
  if (none) {
    p.masks.set(key, m);
    return m;
  }
  for (let s = 0; s < p.sessions; s++) {
    if (countries && !countries.has(p.sCountry[s]!)) continue;
    if (regions && !regions.has(p.sRegion[s]!)) continue;
    if (cities && !cities.has(p.sCity[s]!)) continue;
    if (devices && !devices.has(p.sDevice[s]!)) continue;
    if (domains && !domains.has(p.sDomain[s]!)) continue;
    if (urls && !urls.has(p.sUrl[s]!)) continue;
    if (users && !users.has(p.sUser[s]!)) continue;
    if (extraUsers && !extraUsers.has(p.sUser[s]!)) continue;
    if (pts && !pts.has(p.sPlaybackType[s]!)) continue;
    if (catSets && catSets[p.sCategories[s]!] !== 1) continue;
    if (extra?.country !== undefined && p.sCountry[s] !== extra.country) continue;
    if (extra?.region !== undefined && p.sRegion[s] !== extra.region) continue;
    if (extra?.domain !== undefined && p.sDomain[s] !== extra.domain) continue;
    m[s] = 1;
  }
  p.masks.set(key, m);
  if (p.masks.size > 16) p.masks.delete(p.masks.keys().next().value as string);
  return m;
}
