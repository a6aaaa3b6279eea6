/**
 * Providers for element tests: answers written by hand, providers that fail, hang or answer garbage, and a recorder
 * of the queries an element sent.
 */
import type { DataProvider, Query, QueryKind, ResultByKind } from '../../src/data/types.js';

/** Answers per kind; each gets the query. Kinds without an answer reject with "no answer for <kind>". */
export type Answers = { [K in QueryKind]?: (query: Extract<Query, { kind: K }>) => ResultByKind[K] | Promise<ResultByKind[K]> };

/** A provider that answers from `answers` and records every query in `calls`. */
export function fakeProvider(answers: Answers): DataProvider & { calls: Query[] } {
  const calls: Query[] = [];
  const provider = (async (query: Query): Promise<any> => {
    calls.push(query);
    const answer = answers[query.kind] as ((q: Query) => unknown) | undefined;
    if (!answer) throw new Error(`no answer for ${query.kind}`);
    return answer(query);
  }) as unknown as DataProvider & { calls: Query[] };
  provider.calls = calls;
  return provider;
}

/** A provider that rejects every query with `message`. */
export const failingProvider =
  (message = 'Service unavailable'): DataProvider =>
  async () => {
    throw new Error(message);
  };

/** A provider that never answers (and ignores the signal). */
export const hangingProvider = (): DataProvider => () => new Promise(() => {});

/** A provider that answers every query with `value`. */
export const garbageProvider =
  (value: unknown = { nope: true }): DataProvider =>
  async () =>
    value as never;

/** Totals with every field, for highlights and funnels. */
export function totals(over: Partial<ResultByKind['totals']> = {}): ResultByKind['totals'] {
  return {
    impressions: 1000,
    plays: 400,
    uniqueViewers: 120,
    minutesViewed: 2345.5,
    avgCompletionRate: 42.5,
    avgDropOffRate: 30,
    playThrough: { 25: 200, 50: 150, 75: 90, 100: 40 },
    ...over,
  };
}

/** Waits until `predicate` holds, polling every 16 ms (fails after `ms`). */
export async function until(predicate: () => boolean, ms = 10_000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > ms) throw new Error('condition not met in time');
    // A timer, not requestAnimationFrame: the runner's background pages get no frames when files run side by side.
    await new Promise((r) => setTimeout(r, 16));
  }
}
