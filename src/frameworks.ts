/**
 * What framework hosts need besides the elements: the list of tags (Vue's `isCustomElement`, Angular's schema,
 * allow-lists) and a typed view of an event's detail for templates whose `$event` is a plain `Event` (Angular).
 * See README "Use with React / Vue / Angular / plain HTML".
 */
import type { EventDetails } from './events.js';

/** Every tag the library defines. */
export const TAGS = [
  'entry-analytics',
  'entry-highlights',
  'playback-views',
  'metrics-over-time',
  'engagement-funnel',
  'devices-overview',
  'user-engagement',
  'engagement-heatmap',
  'class-engagement',
  'top-countries',
  'top-domains-table',
] as const;

/** One of {@link TAGS}. */
export type Tag = (typeof TAGS)[number];

const tagSet: ReadonlySet<string> = new Set(TAGS);

/**
 * True for the library's tags: give it to Vue as `compilerOptions.isCustomElement` (combine with your own test when you
 * have other custom elements).
 */
export function isCustomElement(tag: string): tag is Tag {
  return tagSet.has(tag);
}

/**
 * The detail of one of the library's events, typed by its name: `detailOf('seek', $event).time` in an Angular template
 * handler. Throws when the event is not that event (a wrong binding shows at once instead of reading `undefined`).
 */
export function detailOf<K extends keyof EventDetails>(name: K, event: Event): EventDetails[K] {
  if (event.type !== name || !(event instanceof CustomEvent)) throw new TypeError(`expected a "${name}" event, got "${event.type}"`);
  return event.detail as EventDetails[K];
}
