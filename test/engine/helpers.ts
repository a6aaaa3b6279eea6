/**
 * Builders for readable engine tests: sessions of KAVA-shaped events with a running clock and event index.
 *
 * The default entry lasts 100 s, so bucket i is [i s, i+1 s) and its midpoint is i + 0.5 s: an interval [a, b] with
 * whole-second ends covers buckets a … b-1.
 */
import { AnalyticsEngine, type EngineOptions, type RawEvent } from '../../src/data/engine/index.js';
import type { EntryResult, Filters, Query } from '../../src/data/types.js';

export const ENTRY: EntryResult = {
  id: 'e1',
  name: 'Clip',
  type: 'video',
  duration: 100,
  owner: { id: 'owner1', name: 'Owner One' },
  created: '2026-01-01T00:00:00Z',
};
export const IMAGE: EntryResult = { ...ENTRY, id: 'img', name: 'Poster', type: 'image', duration: 0 };

/** Epoch ms of an ISO instant. */
export const at = (iso: string): number => Date.parse(iso);

/** A session: each call appends one event 1 ms after the previous one unless `wait` moved the clock. */
export class SessionBuilder {
  readonly events: RawEvent[] = [];
  private t: number;
  private idx = 0;
  constructor(
    readonly sessionId: string,
    start: number | string,
    readonly common: RawEvent = {},
  ) {
    this.t = typeof start === 'number' ? start : at(start);
  }
  /** Moves the clock forward. */
  wait(seconds: number): this {
    this.t += seconds * 1000;
    return this;
  }
  /** Appends an event of any type. */
  event(eventType: number, extra: RawEvent = {}): this {
    this.idx++;
    this.events.push({
      entryId: ENTRY.id,
      sessionId: this.sessionId,
      eventIndex: this.idx,
      time: this.t,
      eventType,
      position: 0,
      ...this.common,
      ...extra,
    });
    this.t += 1;
    return this;
  }
  impression(): this {
    return this.event(1);
  }
  /** Play request + play. */
  play(position = 0): this {
    return this.event(2, { position }).event(3, { position });
  }
  view(playTimeSum: number, position: number, extra: RawEvent = {}): this {
    return this.event(99, { playTimeSum, position, playbackSpeed: 1, ...extra });
  }
  seek(target: number): this {
    return this.event(35, { position: target, targetPosition: target });
  }
  reached(quartile: 25 | 50 | 75 | 100, position = 0): this {
    return this.event(10 + quartile / 25, { position });
  }
  pause(position: number): this {
    return this.event(33, { position });
  }
  resume(position: number): this {
    return this.event(4, { position });
  }
  /** What the player does after a pause of 30 s or more: eventIndex restarts at 1 (playTimeSum restarts too). */
  resetCounters(): this {
    this.idx = 0;
    return this;
  }
}

export const session = (id: string, start: number | string, common: RawEvent = {}) => new SessionBuilder(id, start, common);

/** A simple watched session: impression, play, first view, then views every `step` s up to `seconds`. */
export function watched(id: string, start: number | string, seconds: number, common: RawEvent = {}, step = 10): SessionBuilder {
  const s = session(id, start, common).impression().play().view(0, 0);
  for (let x = step; x <= seconds; x += step) s.wait(step).view(x, x);
  return s;
}

export function engineWith(events: Iterable<RawEvent> | string, options: Partial<EngineOptions> = {}): AnalyticsEngine {
  const e = new AnalyticsEngine({ entries: [ENTRY, IMAGE], ...options });
  e.ingest(events);
  return e;
}

/** Events of several builders. */
export const all = (...sessions: SessionBuilder[]): RawEvent[] => sessions.flatMap((s) => s.events);

/** A query with defaults: entry e1, one day 2026-03-10, UTC, no filters. */
export function q<K extends Query['kind']>(
  kind: K,
  extra: Partial<Extract<Query, { kind: K }>> & { filters?: Filters } = {},
): Extract<Query, { kind: K }> {
  return {
    kind,
    entryId: ENTRY.id,
    range: { from: '2026-03-10', to: '2026-03-10' },
    timeZone: 'UTC',
    filters: {},
    ...extra,
  } as Extract<Query, { kind: K }>;
}

/** Bucket array with `value` on [from, to) and 0 elsewhere (plus optional overrides). */
export function buckets(...ranges: [from: number, to: number, value: number][]): number[] {
  const out = new Array<number>(100).fill(0);
  for (const [from, to, value] of ranges) for (let i = from; i < to; i++) out[i] = out[i]! + value;
  return out;
}

/** Rounds every number in a JSON value, for comparisons of fractional metrics. */
export function rounded<T>(value: T, digits = 6): T {
  return JSON.parse(JSON.stringify(value), (_k, v) => (typeof v === 'number' ? Number(v.toFixed(digits)) : v)) as T;
}
