/**
 * The data contract: what every element asks for and what a provider answers.
 *
 * Every element takes one callback, a {@link DataProvider}. It receives a {@link Query} (a discriminated union on
 * `kind`) and resolves with the matching result (see {@link ResultByKind}). Results are plain JSON: no classes, no
 * `Date`s, so a provider may run in a worker or on a server. Elements validate every result (see `validate.ts`) and
 * show an error state for malformed data.
 *
 * Units, everywhere in this contract:
 * - every rate, ratio, share and distribution is a **percent, 0–100** (not a fraction);
 * - every count is a non-negative integer;
 * - every duration is in **seconds**, except `minutesViewed`, which is in minutes (may be fractional);
 * - every calendar date is a string `YYYY-MM-DD`; every instant is an ISO 8601 string with an offset.
 *
 * Comparing two periods is two queries with two ranges: providers know nothing of "compare".
 * @packageDocumentation
 */

import { METRICS, type BreakdownMetricName, type MetricName } from './metrics.js';

/** A calendar date `YYYY-MM-DD`, in the query's time zone. */
export type IsoDate = string;

/** A calendar-date range. Both ends are included: `{from: '2026-01-01', to: '2026-01-01'}` is one whole day. */
export interface DateRange {
  /** First day included, `YYYY-MM-DD`. */
  from: IsoDate;
  /** Last day included, `YYYY-MM-DD`; never before `from`. */
  to: IsoDate;
}

/** Device classes, as a collector derives them from the user agent. */
export const DEVICES = ['Computer', 'Mobile', 'Tablet', 'Game console', 'Digital media receiver', 'Other'] as const;
/** One of {@link DEVICES}. */
export type Device = (typeof DEVICES)[number];

/** How the entry was played. */
export const PLAYBACK_TYPES = ['vod', 'live', 'dvr'] as const;
/** One of {@link PLAYBACK_TYPES}. */
export type PlaybackType = (typeof PLAYBACK_TYPES)[number];

/**
 * Dashboard filters. Every field is optional; an absent or empty list means "no filter on this field". Within a
 * field the values are OR-ed; different fields are AND-ed. Attribution: a session's country, region, city, device,
 * domain and URL are those of its first event.
 */
export interface Filters {
  /** ISO 3166-1 alpha-2 country codes, upper case (`"FR"`). */
  countries?: string[];
  /** Region names as the data names them (`"Île-de-France"`). Combine with `countries` when names are ambiguous. */
  regions?: string[];
  /** City names as the data names them. */
  cities?: string[];
  /** Device classes. */
  devices?: Device[];
  /** Referring host names, lower case, without `www.` (`"moodle.example.edu"`). */
  domains?: string[];
  /** Referring page URLs, as reported (without the fragment). */
  urls?: string[];
  /** Playback contexts (categories) the entry was played in. */
  categories?: string[];
  /** User ids. Anonymous sessions never match a user filter. */
  users?: string[];
  /** Playback types. */
  playbackTypes?: PlaybackType[];
}

/** The keys of {@link Filters}. */
export type FilterField = keyof Filters;

/** Every filter field, in the order the dashboard shows its chips. */
export const FILTER_FIELDS: readonly FilterField[] = [
  'countries',
  'regions',
  'cities',
  'devices',
  'domains',
  'urls',
  'categories',
  'users',
  'playbackTypes',
];

/** What every query carries. */
export interface QueryBase {
  /** The entry (video, audio or image) the query is about. */
  entryId: string;
  /** The calendar range, both ends included, in {@link QueryBase.timeZone}. */
  range: DateRange;
  /** An IANA time zone (`"America/New_York"`). Days and months are calendar buckets in this zone, DST-correct. */
  timeZone: string;
  /** Filters; `{}` for none. */
  filters: Filters;
}

/** Sort direction. */
export type SortDirection = 'asc' | 'desc';

/** A sort order on one field of a result row. */
export interface Sort<F extends string> {
  field: F;
  direction: SortDirection;
}

/** A page of a ranked list. */
export interface Page {
  /** Rows to skip, ≥ 0. */
  offset: number;
  /** Rows to return at most, ≥ 1. */
  limit: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Metrics

/**
 * The metrics shown for a period, a bucket or a row: one number per {@link MetricName}. What each one measures, its
 * unit, bounds and whether it adds up are declared once in the metric registry (`metrics.ts`):
 * - `impressions`: impression events (the player loaded with this entry);
 * - `plays`: play events (a resume after a pause is not a play);
 * - `uniqueViewers`: distinct user ids among plays, all anonymous viewers together counting as one (exact);
 * - `minutesViewed`: minutes of media played, re-watches counted again (fractional);
 * - `avgCompletionRate`: percent 0–100, the sum over sessions of the share of the duration's 1 % buckets watched,
 *   divided by plays, capped at 100; 0 without plays;
 * - `avgDropOffRate`: percent, the mean of the counts of sessions reaching 25, 50, 75 and 100 %, divided by plays;
 *   0 without plays.
 */
export interface MetricSet extends Record<MetricName, number> {}

export type { MetricName };
export { METRICS };

/** Play-through quartiles. */
export const PLAY_THROUGH_STEPS = [25, 50, 75, 100] as const;
/** One of {@link PLAY_THROUGH_STEPS}. */
export type PlayThroughStep = (typeof PLAY_THROUGH_STEPS)[number];

/** Counts of sessions whose player reported reaching 25, 50, 75 and 100 % of the duration. */
export interface PlayThrough {
  25: number;
  50: number;
  75: number;
  100: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Queries and results

/** What kind of entry. Images have no duration and no playback. */
export type EntryType = 'video' | 'audio' | 'image';

/** A point of interest on the media's timeline. */
export interface Marker {
  /** Seconds from the start of the media. */
  time: number;
  /** Text to show; plain text, never HTML. */
  label: string;
  /** `chapter` markers divide the timeline into chapters; the others are single points. */
  kind: 'chapter' | 'quiz' | 'cta' | 'note';
}

/** A link the host (or provider) offers from the details header, such as "back to the media page". */
export interface EntryLink {
  /** Visible text. */
  label: string;
  /** An http(s) URL; anything else is shown as plain text. */
  href: string;
}

/** `entry`: the entry's details. */
export interface EntryQuery extends QueryBase {
  kind: 'entry';
}
/** Result of an {@link EntryQuery}. */
export interface EntryResult {
  id: string;
  name: string;
  type: EntryType;
  /** Duration in seconds; 0 for images. */
  duration: number;
  owner: { id: string; name: string };
  /** When the entry was created: an ISO 8601 instant. */
  created: string;
  /** Thumbnail image URL (http(s) only are shown). */
  thumbnail?: string;
  /** Links for the details header. */
  links?: EntryLink[];
  /** Chapters and other markers on the media's timeline, ordered by time. */
  markers?: Marker[];
}

/** `totals`: the metrics over the whole range. */
export interface TotalsQuery extends QueryBase {
  kind: 'totals';
}
/** Result of a {@link TotalsQuery}. */
export interface TotalsResult extends MetricSet {
  /** Sessions that reached each quartile. */
  playThrough: PlayThrough;
}

/** Bucket size of a timeline. */
export type Granularity = 'day' | 'month';

/** `timeline`: the metrics per day or month. */
export interface TimelineQuery extends QueryBase {
  kind: 'timeline';
  granularity: Granularity;
}
/** One bucket of a timeline. */
export interface TimelinePoint extends MetricSet {
  /** First day of the bucket, `YYYY-MM-DD` (for months, the 1st, or the range's start in a partial first month). */
  date: IsoDate;
  /** Sessions that reached each quartile in this bucket. */
  playThrough: PlayThrough;
}
/** Result of a {@link TimelineQuery}: one point per bucket of the range, in order, zeros included. */
export interface TimelineResult {
  granularity: Granularity;
  points: TimelinePoint[];
}

/** Number of buckets over the media's duration: each is 1 % of it. */
export const BUCKETS = 100;

/** `retention`: views over the media's duration. */
export interface RetentionQuery extends QueryBase {
  kind: 'retention';
  /** Restrict to these users (on top of `filters.users`). */
  userIds?: string[];
}
/** Result of a {@link RetentionQuery}. Arrays have {@link BUCKETS} items; item i is [i %, (i+1) %) of the duration. */
export interface RetentionResult {
  /** The media's duration, seconds. */
  duration: number;
  /** Plays in the range, for "% of plays". */
  plays: number;
  /** Watched intervals covering each bucket; a re-watch counts again. */
  views: number[];
  /** Distinct sessions covering each bucket. */
  viewers: number[];
  /** Distinct user ids covering each bucket (all anonymous sessions count as one). */
  uniqueUsers: number[];
}

/** Sortable fields of the users table. */
export type UserSortField = 'name' | 'impressions' | 'plays' | 'avgCompletionRate' | 'totalCompletionRate';

/** `users`: the per-user table. Anonymous sessions have no row. */
export interface UsersQuery extends QueryBase {
  kind: 'users';
  sort: Sort<UserSortField>;
  page: Page;
  /** Case-insensitive substring of the user's name or id. */
  search?: string;
}
/** One user in the users table. */
export interface UserRow {
  userId: string;
  /** Display name; the user id when the directory has no name. */
  name: string;
  impressions: number;
  plays: number;
  /** Per-session completion averaged over this user's plays, percent (see {@link MetricSet.avgCompletionRate}). */
  avgCompletionRate: number;
  /** Share of the duration's buckets this user ever watched, over all sessions, percent. */
  totalCompletionRate: number;
}
/** Result of a {@link UsersQuery}. */
export interface UsersResult {
  rows: UserRow[];
  /** Rows matching the query before paging. */
  total: number;
}

/** `heatmap`: per user, how many times each 1 % of the duration was watched. */
export interface HeatmapQuery extends QueryBase {
  kind: 'heatmap';
  /** The users, in the order wanted. Absent: every user with a play in range and filters, by name. */
  userIds?: string[];
  /** At most this many users when `userIds` is absent. */
  limit?: number;
  /**
   * When `userIds` is absent: only users whose name or id contains this text, case-insensitive (the same match as
   * {@link UsersQuery.search}), applied before `limit`. Ignored with `userIds`.
   */
  search?: string;
}
/** One user's heatmap. */
export interface HeatmapRow {
  userId: string;
  name: string;
  /** {@link BUCKETS} counts: watched intervals covering each bucket, over all this user's sessions. */
  counts: number[];
}
/** Result of a {@link HeatmapQuery}: users with no view still get a row of zeros when asked for by id. */
export interface HeatmapResult {
  duration: number;
  users: HeatmapRow[];
}

/**
 * Metrics of a row of a breakdown (country, device, domain…): the {@link MetricSet} plus the registry's `breakdown`
 * metrics — `distribution` (this row's plays as a percent of all plays in the query's range and filters) and
 * `playImpressionRatio` (plays / impressions, percent; may exceed 100 when plays were not preceded by an impression;
 * 0 when none).
 */
export interface BreakdownMetrics extends Record<BreakdownMetricName, number> {}

/** Geographic level. */
export type GeoLevel = 'country' | 'region' | 'city';

/** `geo`: plays by country, by region of a country, or by city of a region. */
export interface GeoQuery extends QueryBase {
  kind: 'geo';
  level: GeoLevel;
  /** Alpha-2 code; required for `region` and `city`. */
  country?: string;
  /** Region name; required for `city`. */
  region?: string;
}
/** One place. */
export interface GeoRow extends BreakdownMetrics {
  /** ISO 3166-1 alpha-2 for countries; absent for regions and cities. */
  code?: string;
  /** Display name (for countries, the English name; elements localise from `code`). */
  name: string;
  /** Latitude of the place, degrees, when known. */
  lat?: number;
  /** Longitude of the place, degrees, when known. */
  lon?: number;
}
/** Result of a {@link GeoQuery}: every place with plays or impressions, by plays descending. */
export interface GeoResult {
  level: GeoLevel;
  rows: GeoRow[];
  totals: MetricSet;
}

/** `devices`: plays by device class. */
export interface DevicesQuery extends QueryBase {
  kind: 'devices';
}
/** One device class. */
export interface DeviceRow extends BreakdownMetrics {
  device: Device;
}
/** Result of a {@link DevicesQuery}: every device class with plays or impressions, by plays descending. */
export interface DevicesResult {
  rows: DeviceRow[];
  totals: MetricSet;
}

/** Sortable fields of the domains and URLs tables. */
export type BreakdownSortField = 'key' | keyof BreakdownMetrics;

/** `domains`: plays by referring domain. */
export interface DomainsQuery extends QueryBase {
  kind: 'domains';
  sort: Sort<BreakdownSortField>;
  page: Page;
}
/** One referring domain. */
export interface DomainRow extends BreakdownMetrics {
  domain: string;
}
/** Result of a {@link DomainsQuery}. */
export interface DomainsResult {
  rows: DomainRow[];
  /** Domains before paging. */
  total: number;
  /** Metrics over all domains (the range and filters). */
  totals: MetricSet;
}

/** `urls`: plays by referring page under one domain. */
export interface UrlsQuery extends QueryBase {
  kind: 'urls';
  domain: string;
  sort: Sort<BreakdownSortField>;
  page: Page;
}
/** One referring page. */
export interface UrlRow extends BreakdownMetrics {
  url: string;
}
/** Result of a {@link UrlsQuery}. `distribution` is relative to all plays in range and filters. */
export interface UrlsResult {
  rows: UrlRow[];
  total: number;
  /** Metrics over the domain's pages. */
  totals: MetricSet;
}

// ---------------------------------------------------------------------------------------------------------------
// Filter values (the dashboard's filter pickers)

/**
 * The values a filter field takes in the data: what a filter picker offers. Counted over the range with the query's
 * filters applied, except those on `field` itself (so a second country can be added to a country filter).
 */
export interface FilterValuesQuery extends QueryBase {
  kind: 'filterValues';
  /** The filter field whose values are asked for. */
  field: FilterField;
  /** Only values whose value or label contains this text, case-insensitively; absent or `''` for all. */
  search?: string;
  /** At most this many values, ≥ 1: those with the most plays first, ties by value. */
  limit: number;
}

/** One value of a filter field. */
export interface FilterValue {
  /** The value as {@link Filters} spells it (`"FR"`, `"Mobile"`, a user id, a host name). */
  value: string;
  /** Its name to show (a user's name, a country's English name); `''` when the value speaks for itself. */
  label: string;
  /** Plays in the range with these filters. */
  plays: number;
}

/** The values of a filter field. */
export interface FilterValuesResult {
  field: FilterField;
  /** At most `limit` values, most plays first. */
  values: FilterValue[];
  /** How many values match the search, before the limit. */
  total: number;
}

/** Every query. */
export type Query =
  | EntryQuery
  | TotalsQuery
  | TimelineQuery
  | RetentionQuery
  | UsersQuery
  | HeatmapQuery
  | GeoQuery
  | DevicesQuery
  | DomainsQuery
  | UrlsQuery
  | FilterValuesQuery;

/** The kinds of {@link Query}. */
export type QueryKind = Query['kind'];

/** The result type of each query kind. */
export interface ResultByKind {
  entry: EntryResult;
  totals: TotalsResult;
  timeline: TimelineResult;
  retention: RetentionResult;
  users: UsersResult;
  heatmap: HeatmapResult;
  geo: GeoResult;
  devices: DevicesResult;
  domains: DomainsResult;
  urls: UrlsResult;
  filterValues: FilterValuesResult;
}

/** The result of query `Q`. */
export type ResultOf<Q extends Query> = ResultByKind[Q['kind']];
/** Any result. */
export type Result = ResultByKind[QueryKind];

/** The query of kind `K`. */
export type QueryOf<K extends QueryKind> = Extract<Query, { kind: K }>;

/** What a provider receives besides the query. */
export interface ProviderOptions {
  /** Aborted when the element no longer needs the answer (inputs changed, element removed, timeout). */
  signal: AbortSignal;
}

/**
 * The one callback every element takes (`el.provider = fn`). Resolve with the result of `query.kind`
 * ({@link ResultByKind}); reject (or let the signal abort) to show the panel's error state. Elements validate what
 * they receive, so a wrong shape is reported as an error instead of drawing a wrong chart.
 */
export type DataProvider = (query: Query, options: ProviderOptions) => Promise<Result>;
