/**
 * Building Kaltura requests: the `KalturaEndUserReportInputFilter` of a query, day bounds in the query's time zone,
 * and the `multirequest` that carries every call one query needs.
 *
 * Sources read (public kaltura/server):
 * - `api_v3/lib/types/report/KalturaReportInputBaseFilter.php`: `fromDate`/`toDate` are unix seconds.
 * - `api_v3/lib/types/report/KalturaReportInputFilter.php`: `timeZoneOffset` (minutes), `interval`
 *   (`KalturaReportInterval`: `days`, `months`), `entryIdIn`, `countryIn`, `regionIn`, `citiesIn`, `deviceIn`,
 *   `categoriesIdsIn`, `playbackTypeIn`, `keywords`; `domainIn`, `canonicalUrlIn` on current servers (generated client
 *   `KalturaReportInputFilter`).
 * - `api_v3/lib/types/report/KalturaEndUserReportInputFilter.php`: `userIds`.
 * - `alpha/apps/kaltura/lib/reports/kKavaReportsMgr.class.php`: `timeZoneOffset` follows JavaScript's
 *   `Date#getTimezoneOffset` sign (minutes *behind* UTC: UTC+2 is `-120`), and days are bucketed with that one offset.
 * - Multirequest: `POST {serviceUrl}/api_v3/service/multirequest?format=1` with a JSON body
 *   `{"ks": …, "format": 1, "1": {"service": "report", "action": "getTable", …params}, "2": {…}}`; the answer is an array
 *   with one result per call, in order, where a failed call is a `KalturaAPIException` object. A later call may use an
 *   earlier result with a `{N:result:path}` token (e.g. `{1:result:userId}`).
 * @packageDocumentation
 */
import { addDays } from '../dates.js';
import { startOfDate as startOfDay, zoneOffset as zoneOffsetMs } from '../time-zone.js';
import type { DateRange, Filters } from '../types.js';

/** `KalturaReportType` values used by the provider (kaltura/server `ReportType`). */
export const ReportType = {
  CONTENT_DROPOFF: 2,
  TOP_SYNDICATION: 6,
  USER_TOP_CONTENT: 13,
  PLATFORMS: 21,
  MAP_OVERLAY_CITY: 30,
  MAP_OVERLAY_COUNTRY: 36,
  MAP_OVERLAY_REGION: 37,
  PERCENTILES: 43,
} as const;

/** A report type as errors name it: `PLATFORMS (21)`; an unknown type by its number alone. */
export function reportLabel(type: number): string {
  const name = Object.entries(ReportType).find(([, v]) => v === type)?.[0];
  return name ? `report ${name} (${type})` : `report ${type}`;
}

/**
 * Unix seconds of the range's day bounds in `timeZone`: `fromDate` = the first day's midnight, `toDate` = one second
 * before the midnight after the last day (Kaltura's own `fromDay`/`toDay` conversion uses `23:59:59`).
 */
export function dayBounds(range: DateRange, timeZone: string): { fromDate: number; toDate: number } {
  return {
    fromDate: Math.floor(startOfDay(range.from, timeZone) / 1000),
    toDate: Math.floor(startOfDay(addDays(range.to, 1), timeZone) / 1000) - 1,
  };
}

/** Kaltura's `timeZoneOffset` for the range: minutes behind UTC at the range's start (`Date#getTimezoneOffset` sign). */
export function kalturaTimeZoneOffset(range: DateRange, timeZone: string): number {
  const offset = -Math.round(zoneOffsetMs(timeZone, startOfDay(range.from, timeZone)) / 60000);
  return offset === 0 ? 0 : offset; // no -0 on the wire
}

/** The `KalturaEndUserReportInputFilter` as a plain JSON object. */
export interface KalturaReportFilter {
  objectType: 'KalturaEndUserReportInputFilter';
  fromDate: number;
  toDate: number;
  timeZoneOffset: number;
  interval?: 'days' | 'months';
  entryIdIn: string;
  countryIn?: string;
  regionIn?: string;
  citiesIn?: string;
  deviceIn?: string;
  domainIn?: string;
  canonicalUrlIn?: string;
  categoriesIdsIn?: string;
  userIds?: string;
  playbackTypeIn?: string;
  keywords?: string;
}

/** Which filter field each contract filter maps to. Values are joined with `,` (Kaltura's list separator). */
export const FILTER_FIELDS: { [K in keyof Filters]-?: keyof KalturaReportFilter } = {
  countries: 'countryIn',
  regions: 'regionIn',
  cities: 'citiesIn',
  devices: 'deviceIn',
  domains: 'domainIn',
  urls: 'canonicalUrlIn',
  categories: 'categoriesIdsIn',
  users: 'userIds',
  playbackTypes: 'playbackTypeIn',
};

/** What {@link buildFilter} needs from a query. */
export interface FilterInput {
  entryId: string;
  range: DateRange;
  timeZone: string;
  filters: Filters;
}

/** Builds the report filter of a query; `extra` overrides or adds fields (drill-down restrictions, interval…). */
export function buildFilter(q: FilterInput, extra: Partial<KalturaReportFilter> = {}): KalturaReportFilter {
  const f: KalturaReportFilter = {
    objectType: 'KalturaEndUserReportInputFilter',
    ...dayBounds(q.range, q.timeZone),
    timeZoneOffset: kalturaTimeZoneOffset(q.range, q.timeZone),
    entryIdIn: q.entryId,
  };
  for (const [field, target] of Object.entries(FILTER_FIELDS) as [keyof Filters, keyof KalturaReportFilter][]) {
    const values = q.filters[field];
    if (values && values.length) (f as unknown as Record<string, unknown>)[target] = values.join(',');
  }
  return { ...f, ...extra };
}

/** One call of a multirequest. */
export interface KalturaCall {
  service: string;
  action: string;
  [param: string]: unknown;
}

/** The JSON body of a multirequest carrying `calls` (numbered from 1). */
export function multirequestBody(
  calls: KalturaCall[],
  session: { ks: string; partnerId?: number | string; clientTag?: string },
): Record<string, unknown> {
  const body: Record<string, unknown> = { format: 1, ks: session.ks, clientTag: session.clientTag ?? 'entry-analytics' };
  if (session.partnerId !== undefined && session.partnerId !== '') body.partnerId = session.partnerId;
  calls.forEach((c, i) => {
    body[String(i + 1)] = c;
  });
  return body;
}

/** `{serviceUrl}/api_v3/service/multirequest?format=1`, tolerating a trailing slash or `/api_v3` in `serviceUrl`. */
export function multirequestUrl(serviceUrl: string): string {
  const base = serviceUrl.replace(/\/+$/, '').replace(/\/api_v3$/, '');
  return `${base}/api_v3/service/multirequest?format=1`;
}
