/**
 * The `filterValues` query over Kaltura: Kaltura has no report of a dimension's values alone, so each field is
 * answered from the report that ranks it (countries from the country map report, regions from the region report of
 * the filtered countries, devices, domains and pages from their tables, users from the users report with its
 * search), asked through the provider's own queries. Cities, categories and playback types have no ranking report
 * that fits: the query fails with a clear error and the dashboard's picker falls back to typed values.
 */
import {
  PLAYBACK_TYPES,
  type DataProvider,
  type FilterValue,
  type FilterValuesQuery,
  type FilterValuesResult,
  type QueryBase,
} from '../types.js';

/** Answers `q` by asking `ask` (the Kaltura provider) for the reports that rank the field's values. */
export async function kalturaFilterValues(
  q: FilterValuesQuery,
  ask: DataProvider,
  signal: AbortSignal,
): Promise<FilterValuesResult> {
  const base: QueryBase = { entryId: q.entryId, range: q.range, timeZone: q.timeZone, filters: q.filters };
  const search = (q.search ?? '').trim().toLowerCase();
  let values: FilterValue[];
  switch (q.field) {
    case 'countries': {
      const geo = await ask({ ...base, kind: 'geo', level: 'country' }, { signal });
      values = (geo as { rows: { code?: string; name: string; plays: number }[] }).rows
        .filter((r) => r.code)
        .map((r) => ({ value: r.code!.toUpperCase(), label: r.name, plays: r.plays }));
      break;
    }
    case 'regions': {
      const countries = q.filters.countries ?? [];
      if (!countries.length) throw new Error('Kaltura provider: region values need a country filter first');
      const answers = await Promise.all(
        countries.map((country) => ask({ ...base, kind: 'geo', level: 'region', country }, { signal })),
      );
      values = answers.flatMap((a) =>
        (a as { rows: { name: string; plays: number }[] }).rows.map((r) => ({ value: r.name, label: '', plays: r.plays })),
      );
      break;
    }
    case 'devices': {
      const devices = await ask({ ...base, kind: 'devices' }, { signal });
      values = (devices as { rows: { device: string; plays: number }[] }).rows.map((r) => ({
        value: r.device,
        label: '',
        plays: r.plays,
      }));
      break;
    }
    case 'domains': {
      const domains = await ask(
        { ...base, kind: 'domains', sort: { field: 'plays', direction: 'desc' }, page: { offset: 0, limit: 500 } },
        { signal },
      );
      values = (domains as { rows: { domain: string; plays: number }[] }).rows.map((r) => ({
        value: r.domain,
        label: '',
        plays: r.plays,
      }));
      break;
    }
    case 'users': {
      const users = await ask(
        {
          ...base,
          kind: 'users',
          sort: { field: 'plays', direction: 'desc' },
          page: { offset: 0, limit: q.limit },
          ...(search ? { search } : {}),
        },
        { signal },
      );
      const u = users as { rows: { userId: string; name: string; plays: number }[]; total: number };
      return {
        field: q.field,
        values: u.rows.map((r) => ({ value: r.userId, label: r.name === r.userId ? '' : r.name, plays: r.plays })),
        total: u.total,
      };
    }
    case 'playbackTypes':
      // A closed list: every type, without counts (Kaltura reports no playback-type dimension for an entry).
      values = PLAYBACK_TYPES.map((value) => ({ value, label: '', plays: 0 }));
      break;
    default:
      throw new Error(`Kaltura provider: no report lists the values of "${q.field}"`);
  }
  const matching = search
    ? values.filter((v) => v.value.toLowerCase().includes(search) || v.label.toLowerCase().includes(search))
    : values;
  // Regions of two countries may share a name: one value, plays added.
  const merged = new Map<string, FilterValue>();
  for (const v of matching) {
    const had = merged.get(v.value);
    merged.set(v.value, had ? { ...had, plays: had.plays + v.plays } : v);
  }
  const sorted = [...merged.values()].sort((a, b) => b.plays - a.plays || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { field: q.field, values: sorted.slice(0, Math.max(1, q.limit)), total: sorted.length };
}
