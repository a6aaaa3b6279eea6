/**
 * A {@link DataProvider} over an {@link AnalyticsEngine}.
 */
import type { DataProvider, Query, Result } from '../types.js';
import { abortReason } from '../abort.js';
import { AnalyticsEngine, type EngineOptions, type RawEvent } from './engine.js';

/** Resolves on a later turn of the event loop (a macrotask), so the caller's rendering can run first. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Wraps an engine as a {@link DataProvider}. Pass an engine, or the engine's options plus `events` (an iterable of
 * raw events or NDJSON text) to build one.
 *
 * The provider answers asynchronously: it first yields to the event loop, then answers the query synchronously. It
 * honours the `AbortSignal`: it rejects with the signal's reason when the signal is aborted before it starts or while
 * it waits. Results are plain JSON. An invalid query (unknown entry, bad date, bad time zone) rejects with the
 * engine's Error.
 */
export function createEventsProvider(
  source: AnalyticsEngine | (EngineOptions & { events: Iterable<RawEvent> | string }),
): DataProvider {
  let engine: AnalyticsEngine;
  if (source instanceof AnalyticsEngine) engine = source;
  else {
    engine = new AnalyticsEngine(source);
    engine.ingest(source.events);
  }
  return async (query: Query, options: { signal: AbortSignal }): Promise<Result> => {
    const signal = options?.signal;
    if (signal?.aborted) throw abortReason(signal);
    await yieldToEventLoop();
    if (signal?.aborted) throw abortReason(signal);
    const result = engine.query(query);
    if (signal?.aborted) throw abortReason(signal);
    return result as Result;
  };
}
