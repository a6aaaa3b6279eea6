/**
 * The transport: sends calls as `multirequest`s with `fetch`, honours the caller's `AbortSignal` and a timeout, and
 * turns every failure (HTTP error, non-JSON, `KalturaAPIException`, timeout, abort) into a rejection.
 * @packageDocumentation
 */
import { KalturaResponseError, exceptionError, isKalturaException, throwIfException, type KalturaApiError } from './wire.js';
import { abortReason } from '../abort.js';
import { multirequestBody, multirequestUrl, type KalturaCall } from './request.js';

/** How to reach Kaltura. */
export interface KalturaSession {
  /** The API base, e.g. `https://www.kaltura.com` (with or without `/api_v3`). */
  serviceUrl: string;
  /** A Kaltura session with permission to read reports, media and users. */
  ks: string;
  /** Partner id, sent along (optional: the KS already names it). */
  partnerId?: number | string;
  /** `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
  /** Rejects a query when Kaltura has not answered within this many milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Calls per multirequest at most; bigger batches are split and sent in parallel. Default 50. */
  maxCallsPerRequest?: number;
}

/** Thrown when Kaltura does not answer in time. */
export class KalturaTimeoutError extends Error {
  override name = 'TimeoutError';
}

/** An answer slot: the value, or the exception Kaltura returned for that call. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: KalturaApiError };

/** Sends one multirequest; resolves with one {@link CallResult} per call. */
async function sendBatch(session: KalturaSession, calls: KalturaCall[], signal: AbortSignal): Promise<CallResult[]> {
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
 * Sends `calls` (split into multirequests of at most `maxCallsPerRequest`, in parallel) and resolves with one
 * {@link CallResult} per call, in order. Calls that reference earlier results (`{N:result:…}`) must be in the same
 * batch as their target: callers keep such groups under the batch size.
 */
export async function sendCalls(session: KalturaSession, calls: KalturaCall[], signal: AbortSignal): Promise<CallResult[]> {
  signal.throwIfAborted();
  const size = Math.max(1, session.maxCallsPerRequest ?? 50);
  const batches: KalturaCall[][] = [];
  for (let i = 0; i < calls.length; i += size) batches.push(calls.slice(i, i + size));
  const results = await Promise.all(batches.map((b) => sendBatch(session, b, signal)));
  return results.flat();
}

/** The value of a call, or throws its Kaltura exception. */
export function valueOf(r: CallResult): unknown {
  if (!r.ok) throw r.error;
  return r.value;
}
