/**
 * What the providers that build rows themselves (the embedded engine, ClickHouse) share, so that their answers order,
 * page, validate and label rows identically: sort and page checks, the breakdown row order, string order, and
 * country names.
 * @internal
 */
import { BREAKDOWN_METRICS } from './metrics.js';
import type { BreakdownSortField, Page, Sort, UserSortField } from './types.js';

/** The fields a users query may sort by. */
export const USER_SORT = new Set<UserSortField>(['name', 'impressions', 'plays', 'avgCompletionRate', 'totalCompletionRate']);
/** The fields a domains or URLs query may sort by. */
export const BREAKDOWN_SORT = new Set<BreakdownSortField>(['key', ...BREAKDOWN_METRICS]);

/** Code-unit order of two strings (the tie-breaker of every row order). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The query's sort, checked against the allowed fields; `fallback` descending when absent. Throws when invalid. */
export function checkSort<F extends string>(sort: Sort<F> | undefined, allowed: Set<F>, fallback: F): Sort<F> {
  if (sort === undefined) return { field: fallback, direction: 'desc' };
  if (!sort || typeof sort !== 'object' || !allowed.has(sort.field)) {
    throw new Error(`Invalid sort: field must be one of ${[...allowed].join(', ')}, got ${JSON.stringify(sort?.field)}`);
  }
  if (sort.direction !== 'asc' && sort.direction !== 'desc') {
    throw new Error(`Invalid sort: direction must be "asc" or "desc", got ${JSON.stringify(sort.direction)}`);
  }
  return sort;
}

/** The query's page, checked; every row when absent. Throws when invalid. */
export function checkPage(page: Page | undefined): Page {
  if (page === undefined) return { offset: 0, limit: Number.MAX_SAFE_INTEGER };
  const { offset, limit } = page ?? ({} as Page);
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1) {
    throw new Error(`Invalid page: expected {offset ≥ 0, limit ≥ 1} integers, got ${JSON.stringify(page)}`);
  }
  return page;
}

/**
 * Sorts keyed breakdown rows (domains, URLs) in place: by a metric in the sort's direction, ties by key ascending;
 * or by key in the sort's direction.
 */
export function sortKeyedRows<R extends { key: string; m: Record<Exclude<BreakdownSortField, 'key'>, number> }>(
  rows: R[],
  sort: Sort<BreakdownSortField>,
): R[] {
  const dir = sort.direction === 'asc' ? 1 : -1;
  const f = sort.field;
  return rows.sort((a, b) => {
    if (f !== 'key') {
      const d = a.m[f] - b.m[f];
      if (d !== 0) return d * dir;
      return compareStrings(a.key, b.key);
    }
    return compareStrings(a.key, b.key) * dir;
  });
}

let regionNames: Intl.DisplayNames | null | undefined;
/** English name of an ISO 3166-1 alpha-2 code, or the code itself when unknown. */
export function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  if (!regionNames || !/^[A-Z]{2}$/.test(code)) return code;
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}
