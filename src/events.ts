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

/** Event names. */
export const EVENT = {
  seek: 'seek',
  userSelect: 'user-select',
  filterAdd: 'filter-add',
  rangeChange: 'range-change',
  filtersChange: 'filters-change',
} as const;

/** Maps each event name to its detail type. */
export interface EventDetails {
  seek: SeekDetail;
  'user-select': UserSelectDetail;
  'filter-add': FilterAddDetail;
  'range-change': RangeChangeDetail;
  'filters-change': FiltersChangeDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    seek: CustomEvent<SeekDetail>;
    'user-select': CustomEvent<UserSelectDetail>;
    'filter-add': CustomEvent<FilterAddDetail>;
    'range-change': CustomEvent<RangeChangeDetail>;
    'filters-change': CustomEvent<FiltersChangeDetail>;
  }
}

/** Fires a bubbling, composed event from `target`. Returns false when a listener called `preventDefault()`. */
export function emit<K extends keyof EventDetails>(target: EventTarget, name: K, detail: EventDetails[K]): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }));
}
