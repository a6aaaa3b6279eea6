/**
 * Providers and ranges for the stories: the embedded engine over the seeded sample (built once, on first use), and
 * providers that fail, hang or answer valid empty results, so every element's four states can be shown.
 */
import type {
  DataProvider,
  DateRange,
  EntryResult,
  MetricSet,
  Query,
  Result,
  TimelinePoint,
  TotalsResult,
} from '../src/data/types.js';
import type { ArgTypes } from '@storybook/web-components-vite';
import { BUCKETS } from '../src/data/types.js';
import { addDays, addMonths, previousPeriod, todayIn } from '../src/data/dates.js';
import { panelInputs } from '../src/shell/panel-inputs.js';
import { AnalyticsEngine, createEventsProvider } from '../src/data/engine/index.js';
import { generateSample, SAMPLE_IMAGE_ID, SAMPLE_VIDEO_ID } from '../src/data/sample/index.js';

/** The sample video's id. */
export const SAMPLE_ENTRY_ID = SAMPLE_VIDEO_ID;
export { SAMPLE_IMAGE_ID };
/** The time zone the sample's days are calendar days of. */
export const SAMPLE_TIME_ZONE = 'UTC';
/** Events in the stories' sample (the demo uses the full default; stories favour a quick first render). */
export const STORY_EVENTS = 150_000;

let engine: AnalyticsEngine | undefined;
let provider: DataProvider | undefined;

/** The engine over the sample data (seed 1, ending today), built on first use and shared by every story. */
export function sampleEngine(): AnalyticsEngine {
  if (!engine) {
    const data = generateSample({ seed: 1, end: todayIn(SAMPLE_TIME_ZONE), timeZone: SAMPLE_TIME_ZONE, events: STORY_EVENTS });
    engine = new AnalyticsEngine({ entries: data.entries, users: data.users });
    engine.ingest(data.events);
  }
  return engine;
}

/**
 * The embedded engine over the sample data, as a provider. The sample is generated on the first query (not at import,
 * so the Loading/Error stories never pay for it) and memoised.
 */
export function sampleProvider(): DataProvider {
  if (!provider) {
    let inner: DataProvider | undefined;
    provider = async (query, options) => {
      // Let the element paint its loading state before the one-off generation blocks the thread.
      if (!inner) await new Promise((r) => setTimeout(r, 30));
      inner ??= createEventsProvider(sampleEngine());
      return inner(query, options);
    };
  }
  return provider;
}

/** The last 30 days, ending today in the sample's time zone: inside the sample's 120 days. */
export function sampleRange(days = 30): DateRange {
  const to = todayIn(SAMPLE_TIME_ZONE);
  return { from: addDays(to, -(days - 1)), to };
}

/** A provider that rejects every query with `message`. */
export function failingProvider(message = 'The analytics service is unavailable (HTTP 503).'): DataProvider {
  return async () => {
    throw new Error(message);
  };
}

/** A provider that never answers: the loading state, until the element's timeout. */
export function hangingProvider(): DataProvider {
  return () => new Promise<never>(() => {});
}

const ZERO: MetricSet = {
  impressions: 0,
  plays: 0,
  uniqueViewers: 0,
  minutesViewed: 0,
  avgCompletionRate: 0,
  avgDropOffRate: 0,
};
const ZERO_TOTALS: TotalsResult = { ...ZERO, playThrough: { 25: 0, 50: 0, 75: 0, 100: 0 } };

/** The first day of each bucket of `range`: every day, or the 1st of every month (the range's start first). */
function bucketStarts(range: DateRange, granularity: 'day' | 'month'): string[] {
  const out: string[] = [];
  if (granularity === 'day') {
    for (let d = range.from; d <= range.to; d = addDays(d, 1)) out.push(d);
    return out;
  }
  out.push(range.from);
  for (let m = addMonths(`${range.from.slice(0, 8)}01`, 1); m <= range.to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** An entry with no views at all (for the Empty stories). */
export function emptyEntry(id: string): EntryResult {
  const image = id === SAMPLE_IMAGE_ID;
  return {
    id,
    name: image ? 'New poster (no views yet)' : 'New lecture (no views yet)',
    type: image ? 'image' : 'video',
    duration: image ? 0 : 842,
    owner: { id: 'owner', name: 'Dr. Ebere Okafor' },
    created: `${addDays(todayIn(SAMPLE_TIME_ZONE), -3)}T09:00:00Z`,
  };
}

/** A provider that answers every query kind with a valid result holding no data: zeros and empty rows. */
export function emptyProvider(): DataProvider {
  return async (query: Query): Promise<Result> => {
    switch (query.kind) {
      case 'entry':
        return emptyEntry(query.entryId);
      case 'totals':
        return { ...ZERO_TOTALS };
      case 'timeline':
        return {
          granularity: query.granularity,
          points: bucketStarts(query.range, query.granularity).map(
            (date): TimelinePoint => ({ date, ...ZERO_TOTALS, playThrough: { ...ZERO_TOTALS.playThrough } }),
          ),
        };
      case 'retention': {
        const zeros = () => new Array<number>(BUCKETS).fill(0);
        return { duration: 842, plays: 0, views: zeros(), viewers: zeros(), uniqueUsers: zeros() };
      }
      case 'users':
        return { rows: [], total: 0 };
      case 'heatmap':
        return {
          duration: 842,
          users: (query.userIds ?? []).map((userId) => ({ userId, name: userId, counts: new Array<number>(BUCKETS).fill(0) })),
        };
      case 'geo':
        return { level: query.level, rows: [], totals: { ...ZERO } };
      case 'devices':
        return { rows: [], totals: { ...ZERO } };
      case 'domains':
      case 'urls':
        return { rows: [], total: 0, totals: { ...ZERO } };
      case 'filterValues':
        return { field: query.field, values: [], total: 0 };
    }
  };
}

/** The inputs every panel story has: entry, range, compare range, time zone, language and timeout. */
export interface CommonArgs {
  entryId: string;
  from: string;
  to: string;
  compareFrom: string;
  compareTo: string;
  timeZone: string;
  lang: string;
  timeout: number;
}

/** Controls for the common inputs; spread into a story's `argTypes` beside its own. */
export const commonArgTypes: ArgTypes<CommonArgs> = {
  entryId: { control: 'text', description: 'entry-id' },
  from: { control: 'text', description: 'First day, YYYY-MM-DD' },
  to: { control: 'text', description: 'Last day, YYYY-MM-DD' },
  compareFrom: { control: 'text', description: 'First day of the compare period (empty: no compare)' },
  compareTo: { control: 'text', description: 'Last day of the compare period' },
  // The time zone moves the days' boundaries: on screen only where days are drawn (metrics over time, a domain's
  // graph, the dashboard's range). Panels that show totals take it without a control (see timeZoneArgType).
  timeZone: { control: false, table: { disable: true } },
  lang: { control: 'select', options: ['en', 'de', 'fr', 'ar', 'he', 'ja'] },
  timeout: { control: { type: 'number', min: 100, step: 1000 } },
};

/** The time-zone control, for the stories whose element draws days. */
export const timeZoneArgType = { control: 'select', options: ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo'] } as const;

/** Default values of the common inputs: the sample video over the last 30 days, no compare, English. */
export function commonArgs(over: Partial<CommonArgs> = {}): CommonArgs {
  const range = sampleRange();
  return {
    entryId: SAMPLE_ENTRY_ID,
    from: range.from,
    to: range.to,
    compareFrom: '',
    compareTo: '',
    timeZone: SAMPLE_TIME_ZONE,
    lang: 'en',
    timeout: 30_000,
    ...over,
  };
}

/** The args of a Compare story: the period before the sample range. */
export function compareArgs(): Pick<CommonArgs, 'compareFrom' | 'compareTo'> {
  const compare = previousPeriod(sampleRange());
  return { compareFrom: compare.from, compareTo: compare.to };
}

const NO_FILTERS = Object.freeze({});

/** Sets the common inputs and a provider (the sample's by default) on a panel: `<x-panel ${common(args)}>`. */
export function common(args: CommonArgs, provider: DataProvider = sampleProvider()) {
  return panelInputs({
    provider,
    entryId: args.entryId,
    from: args.from,
    to: args.to,
    compareFrom: args.compareFrom,
    compareTo: args.compareTo,
    timeZone: args.timeZone,
    lang: args.lang,
    timeout: args.timeout,
    filters: NO_FILTERS,
  });
}
