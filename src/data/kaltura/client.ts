/**
 * The transport: sends calls as `multirequest`s with `fetch`, honours the caller's `AbortSignal` and a timeout, and
 * turns every failure (HTTP error, non-JSON, `KalturaAPIException`, timeout, abort) into a rejection.
 * @packageDocumentation
 */
import { KalturaResponseError, exceptionError, isKalturaException, throwIfException, type KalturaApiError } from './wire.js';
import { abortReason } from '../abort.js';
import { multirequestBody, multirequestUrl, type KalturaCall } from './request.js';
import { KsKeeper, type KsSource } from './session.js';
import { Batcher, frameScheduler, type Scheduler } from './batch.js';
import { providerErrorKind } from '../errors.js';

/** How to reach Kaltura. */
export interface KalturaSession {
  /** The API base, e.g. `https://www.kaltura.com` (with or without `/api_v3`). */
  serviceUrl: string;
  /**
   * A Kaltura session with permission to read reports, media, users and cue points; or a function that returns (a
   * promise of) one. The function is called for the first query, and once more whenever Kaltura rejects the KS as
   * invalid or expired (or a v1 KS has passed its expiry): see docs/kaltura.md, "Session lifecycle".
   */
  ks: KsSource;
  /** Partner id, sent along (optional: the KS already names it). */
  partnerId?: number | string;
  /** `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
  /** Rejects a query when Kaltura has not answered within this many milliseconds. Default 30 000. */
  timeoutMs?: number;
  /**
   * The server's limit of calls per multirequest: a bigger batch is split there and the parts are sent in parallel.
   * Default 1000 (Kaltura's front controller sets no limit of its own; see docs/kaltura.md for when to lower it).
   */
  maxCallsPerRequest?: number;
  /**
   * Whether the queries issued within one frame share one multirequest (default true). `false` sends each query's
   * calls as soon as it is asked, one multirequest per query (how the provider worked before; the benchmark's
   * baseline).
   */
  batch?: boolean;
}

/** Default of {@link KalturaSession.maxCallsPerRequest}. */
export const DEFAULT_MAX_CALLS = 1000;

/** Thrown when Kaltura does not answer in time. */
export class KalturaTimeoutError extends Error {
  override name = 'TimeoutError';
}

/** An answer slot: the value, or the exception Kaltura returned for that call. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: KalturaApiError };

/** What {@link sendBatch} needs: the session's settings with the KS in use. */
type Wire = Omit<KalturaSession, 'ks'> & { ks: string };

/** Sends one multirequest; resolves with one {@link CallResult} per call. */
async function sendBatch(session: Wire, calls: KalturaCall[], signal: AbortSignal): Promise<CallResult[]> {
  const doFetch = session.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = session.timeoutMs ?? 30_000;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new KalturaTimeoutError(`Kaltura did not answer within ${timeoutMs} ms`));
  }, timeoutMs);
  const onAbort = () => controller.abort(abortReason(signal));
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });

  // Rejects as soon as the controller aborts, even if a custom fetch ignores the signal.
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(controller.signal.reason);
    if (controller.signal.aborted) fail();
    else controller.signal.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    const response = await Promise.race([
      doFetch(multirequestUrl(session.serviceUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(multirequestBody(calls, session)),
        signal: controller.signal,
      }),
      aborted,
    ]);
    if (!response.ok) throw new KalturaResponseError(`Kaltura answered HTTP ${response.status} ${response.statusText}`.trim());
    const text = await Promise.race([response.text(), aborted]);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new KalturaResponseError('Kaltura answered with something that is not JSON');
    }
    throwIfException(json);
    if (!Array.isArray(json) || json.length !== calls.length)
      throw new KalturaResponseError(`expected ${calls.length} results from the multirequest`);
    return json.map((value, i) => {
      if (isKalturaException(value)) return { ok: false, error: exceptionError(value, i + 1) };
      return { ok: true, value };
    });
  } catch (e) {
    if (controller.signal.aborted) throw timedOut ? controller.signal.reason : abortReason(signal);
    throw e;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Sends `calls` at once (split into multirequests of at most `maxCallsPerRequest`, in parallel) and resolves with one
 * {@link CallResult} per call, in order. Calls that reference earlier results (`{N:result:…}`) must be in the same
 * batch as their target: callers keep such groups under the batch size.
 */
export async function sendCalls(session: Wire, calls: KalturaCall[], signal: AbortSignal): Promise<CallResult[]> {
  signal.throwIfAborted();
  const size = Math.max(1, session.maxCallsPerRequest ?? DEFAULT_MAX_CALLS);
  const batches: KalturaCall[][] = [];
  for (let i = 0; i < calls.length; i += size) batches.push(calls.slice(i, i + size));
  const results = await Promise.all(batches.map((b) => sendBatch(session, b, signal)));
  return results.flat();
}

/** The session error among `results` (a call Kaltura rejected for its KS), if any. */
function sessionFailure(results: CallResult[]): KalturaApiError | undefined {
  for (const r of results) if (!r.ok && r.error.kind === 'session-expired') return r.error;
  return undefined;
}

/** How the provider reaches Kaltura: the KS in use, batching, and one retry with a fresh KS. */
export interface Transport {
  /** Sends one query's calls; resolves with one {@link CallResult} per call. */
  run(calls: KalturaCall[], signal: AbortSignal): Promise<CallResult[]>;
  /** The KS in use (asking the `ks` function when needed). */
  currentKs(): Promise<string>;
}

/**
 * The transport of a provider. Each query's calls go into the frame's batch (or out at once with `batch: false`).
 * When Kaltura rejects the KS (a session error for the whole request or for any of the query's calls), a `ks`
 * function is asked once for a fresh KS and the query's calls are sent again with it; when that fails too, or `ks` is
 * a string, the query rejects with the session error (its `kind` is `'session-expired'`).
 */
export function createTransport(session: KalturaSession, schedule: Scheduler = frameScheduler): Transport {
  const keeper = new KsKeeper(session.ks);
  const wire = (ks: string): Wire => ({ ...session, ks });
  const limit = Math.max(1, session.maxCallsPerRequest ?? DEFAULT_MAX_CALLS);
  const batcher = new Batcher((ks, calls, signal) => sendBatch(wire(ks), calls, signal), limit, schedule);
  const once = (ks: string, calls: KalturaCall[], signal: AbortSignal) =>
    session.batch === false ? sendCalls(wire(ks), calls, signal) : batcher.enqueue(ks, calls, signal);

  /** Sends with `ks`; a session error (thrown or in a result) comes back as `failure`. */
  async function attempt(ks: string, calls: KalturaCall[], signal: AbortSignal) {
    try {
      const results = await once(ks, calls, signal);
      return { results, failure: sessionFailure(results) as unknown };
    } catch (e) {
      if (providerErrorKind(e) === 'session-expired' && !signal.aborted) return { results: undefined, failure: e };
      throw e;
    }
  }

  return {
    currentKs: () => keeper.current(),
    async run(calls, signal) {
      signal.throwIfAborted();
      const ks = await keeper.current();
      const first = await attempt(ks, calls, signal);
      if (first.failure === undefined) return first.results!;
      const fresh = await keeper.refresh(ks);
      if (fresh === undefined) throw first.failure;
      signal.throwIfAborted();
      const second = await attempt(fresh, calls, signal);
      if (second.failure !== undefined) throw second.failure;
      return second.results!;
    },
  };
}

/** The value of a call, or throws its Kaltura exception. */
export function valueOf(r: CallResult): unknown {
  if (!r.ok) throw r.error;
  return r.value;
}
