/**
 * Date-range presets and compare modes of `<entry-analytics>`: pure functions from "today" (a calendar date in the
 * dashboard's time zone) and the entry's creation date to calendar ranges. No DOM, no clock: the caller passes today.
 *
 * Definitions (both ends included, `to` is always today except for `custom`):
 * - `last7` / `last30` / `last90`: the N days ending today (today counts as one of them);
 * - `last12months`: from the day after the same date a year ago to today (365 or 366 days);
 * - `thisMonth`: from the 1st of the current month; `thisYear`: from January 1st;
 * - `sinceCreation`: from the entry's creation day (in the time zone) to today;
 * - `custom`: the host's or user's `from`/`to`, validated.
 * Compare modes: `previous` is the period of the same length ending the day before the range starts; `lastYear` is
 * the same calendar dates one year earlier (Feb 29 becomes Feb 28).
 */
import type { DateRange, IsoDate } from '../data/types.js';
import { addDays, addMonths, dateIn, isIsoDate, previousPeriod, sameRangeLastYear } from '../data/dates.js';

/** The presets, in menu order. */
export const PRESETS = [
  'last7',
  'last30',
  'last90',
  'last12months',
  'thisMonth',
  'thisYear',
  'sinceCreation',
  'custom',
] as const;
/** One of {@link PRESETS}. */
export type Preset = (typeof PRESETS)[number];

/** The compare modes, in menu order. */
export const COMPARE_MODES = ['none', 'previous', 'lastYear'] as const;
/** One of {@link COMPARE_MODES}. */
export type CompareMode = (typeof COMPARE_MODES)[number];

/** The preset used when none (or an unknown one) is given. */
export const DEFAULT_PRESET: Preset = 'last30';

/** Whether `value` names a preset. */
export function isPreset(value: unknown): value is Preset {
  return typeof value === 'string' && (PRESETS as readonly string[]).includes(value);
}

/** Whether `value` names a compare mode. */
export function isCompareMode(value: unknown): value is CompareMode {
  return typeof value === 'string' && (COMPARE_MODES as readonly string[]).includes(value);
}

/** Why a custom range is not usable. */
export type RangeProblem = 'missing' | 'invalid' | 'order';

/** Checks a custom range: both ends real calendar dates, `from` not after `to`. Undefined when it is fine. */
export function customRangeProblem(from: string, to: string): RangeProblem | undefined {
  if (!from || !to) return 'missing';
  if (!isIsoDate(from) || !isIsoDate(to)) return 'invalid';
  if (from > to) return 'order';
  return undefined;
}

/** What a preset needs besides its name. */
export interface PresetInputs {
  /** Today, `YYYY-MM-DD`, in the dashboard's time zone. */
  today: IsoDate;
  /** The dashboard's IANA time zone (to find the creation day). */
  timeZone: string;
  /** When the entry was created (ISO 8601 instant), for `sinceCreation`. */
  created?: string;
  /** Custom range ends, for `custom`. */
  from?: string;
  to?: string;
}

/**
 * The range of `preset`. `custom` with an invalid range, and `sinceCreation` before the creation date is known, fall
 * back to the default preset (last 30 days) so that the dashboard always has a range to show.
 */
export function presetRange(preset: Preset, inputs: PresetInputs): DateRange {
  const { today } = inputs;
  switch (preset) {
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'last90':
      return { from: addDays(today, -89), to: today };
    case 'last12months':
      return { from: addDays(addMonths(today, -12), 1), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'thisYear':
      return { from: `${today.slice(0, 5)}01-01`, to: today };
    case 'sinceCreation': {
      const created = inputs.created ? dateIn(inputs.created, inputs.timeZone) : undefined;
      if (!created || !isIsoDate(created) || Number.isNaN(Date.parse(inputs.created!)))
        return presetRange(DEFAULT_PRESET, inputs);
      return { from: created <= today ? created : today, to: today };
    }
    case 'custom': {
      const from = inputs.from ?? '';
      const to = inputs.to ?? '';
      return customRangeProblem(from, to) ? presetRange(DEFAULT_PRESET, inputs) : { from, to };
    }
  }
}

/** The compare range of `mode` for `range`, or undefined for `none`. */
export function compareRangeOf(mode: CompareMode, range: DateRange): DateRange | undefined {
  switch (mode) {
    case 'previous':
      return previousPeriod(range);
    case 'lastYear':
      return sameRangeLastYear(range);
    case 'none':
      return undefined;
  }
}
