/**
 * Every event the library fires, named in one place. All are `CustomEvent`s that bubble and are composed (they
 * cross shadow roots), and none fires for a change the host made by setting a property: only for a user's action.
 */
import type { DateRange, FilterField, Filters } from './data/types.js';

/** `seek`: the user activated a point of the media's timeline; a host player can jump there. */
export interface SeekDetail {
  /** Seconds from the start of the media. */
  time: number;
}
/** `user-select`: the user activated a user's name. */
export interface UserSelectDetail {
  userId: string;
  name: string;
}
/** `filter-add`: the user asked to filter the dashboard by a value (a country, a device, a domain…). */
export interface FilterAddDetail {
  field: FilterField;
  value: string;
  /** What to show on the chip; plain text. */
  label: string;
}
/** `range-change`: the user chose another period or compare period in `<entry-analytics>`. */
export interface RangeChangeDetail {
  range: DateRange;
  /** The compare range, or null for none. */
  compare: DateRange | null;
  /** The preset chosen (`last30`, `custom`…). */
  preset: string;
  /** The compare mode (`none`, `previous`, `lastYear`). */
  compareMode: string;
}
/** `filters-change`: the user added or removed a filter in `<entry-analytics>`. */
export interface FiltersChangeDetail {
  filters: Filters;
}

/**
 * `session-expired`: the data source's session (a Kaltura KS…) has expired and could not be renewed. The host answers
 * by signing the user in again (so the provider's `ks` function returns a fresh KS, or by setting a new `provider`),
 * then calls `reload()` on the dashboard (or the panel); every panel recovers without a page reload. Fired once per
 * failed attempt: by `<entry-analytics>` for the whole dashboard, or by a panel used on its own.
 */
export interface SessionExpiredDetail {
  /** The provider's message, for logs (not for users: the elements show their own text). */
  message: string;
}

/** Event names. */
export const EVENT = {
  seek: 'seek',
  userSelect: 'user-select',
  filterAdd: 'filter-add',
  rangeChange: 'range-change',
  filtersChange: 'filters-change',
  sessionExpired: 'session-expired',
} as const;

/** Maps each event name to its detail type. */
export interface EventDetails {
  seek: SeekDetail;
  'user-select': UserSelectDetail;
  'filter-add': FilterAddDetail;
  'range-change': RangeChangeDetail;
  'filters-change': FiltersChangeDetail;
  'session-expired': SessionExpiredDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    seek: CustomEvent<SeekDetail>;
    'user-select': CustomEvent<UserSelectDetail>;
    'filter-add': CustomEvent<FilterAddDetail>;
    'range-change': CustomEvent<RangeChangeDetail>;
    'filters-change': CustomEvent<FiltersChangeDetail>;
    'session-expired': CustomEvent<SessionExpiredDetail>;
  }
}

/** Fires a bubbling, composed event from `target`. Returns false when a listener called `preventDefault()`. */
export function emit<K extends keyof EventDetails>(target: EventTarget, name: K, detail: EventDetails[K]): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
}
