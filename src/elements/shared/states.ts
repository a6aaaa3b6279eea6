/**
 * What a panel and the dashboard share about loading: a deadline on the provider, the text of an error, and the
 * styles of the loading skeleton, the dimmed stale content and the error box with its retry button.
 */
import { LIMITS, MalformedResultError } from '../../data/validate.js';
import type { Formatters, MessageKey, MessageParams } from '../../i18n/index.js';
export { stateStyles } from './states.styles.js';

/** The provider took longer than the element's `timeout`. */
export class ProviderTimeoutError extends Error {
  override name = 'ProviderTimeoutError';
  constructor(readonly ms: number) {
    super(`The data source did not answer within ${Math.round(ms / 1000)} s`);
  }
}

/** The longest delay a browser timer supports (2³¹−1 ms, about 24.8 days); a longer one would fire at once. */
export const MAX_TIMEOUT = 2 ** 31 - 1;

/** The deadline when `timeout` is not a positive number. */
export const DEFAULT_TIMEOUT = 30_000;

/**
 * The deadline, in ms, that an element's `timeout` input stands for: `Infinity` means no deadline (undefined: wait
 * as long as the provider takes; removal still aborts); a finite value above {@link MAX_TIMEOUT} is clamped to it;
 * fractions round up to whole ms; anything that is not a positive number (NaN, 0, negative, a non-number) means the
 * default, {@link DEFAULT_TIMEOUT}.
 */
export function deadline(timeout: unknown): number | undefined {
  if (timeout === Infinity) return undefined;
  if (typeof timeout !== 'number' || !(timeout > 0)) return DEFAULT_TIMEOUT;
  return Math.min(Math.ceil(timeout), MAX_TIMEOUT);
}

/**
 * The page size a panel's `page-size` input stands for: a whole number from 1 to `LIMITS.pageSize` (a larger one is
 * clamped to it, so no page the panel asks for and renders is longer); anything else means `fallback`.
 */
export function pageSizeOf(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? Math.floor(value) : NaN;
  return n >= 1 ? Math.min(n, LIMITS.pageSize) : fallback;
}

/**
 * How many users a heatmap asks for without a list of ids: `limit` as a whole number from 1 to
 * `LIMITS.heatmapUsers` (clamped), anything else `fallback`.
 */
export function heatmapLimitOf(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? Math.floor(value) : NaN;
  return n >= 1 ? Math.min(n, LIMITS.heatmapUsers) : Math.min(fallback, LIMITS.heatmapUsers);
}

/**
 * Runs `ask` with a signal aborted when `signal` aborts or at the {@link deadline} of `timeout`, whichever comes
 * first; the timer and the listener are removed as soon as either happens or `ask` settles.
 */
export async function within<T>(signal: AbortSignal, timeout: unknown, ask: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ms = deadline(timeout);
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const release = () => {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  };
  function stop() {
    release();
    controller.abort(signal.reason);
  }
  if (signal.aborted) controller.abort(signal.reason);
  else {
    signal.addEventListener('abort', stop, { once: true });
    if (ms !== undefined)
      timer = setTimeout(() => {
        release();
        controller.abort(new ProviderTimeoutError(ms));
      }, ms);
  }
  try {
    return await ask(controller.signal);
  } finally {
    release();
  }
}

/** Whether `error` is a timeout (false for anything that cannot even be asked, such as a hostile Proxy). */
export function isTimeout(error: unknown): error is ProviderTimeoutError {
  try {
    return error instanceof ProviderTimeoutError;
  } catch {
    return false;
  }
}

/** The longest error text shown (a provider may reject with megabytes of text). */
const MAX_DETAIL = 500;

/**
 * The localised text that says what went wrong: a timeout, malformed data or the error's own message. Reads
 * whatever a provider rejected with defensively: a getter that throws, a Proxy, a non-Error value or a huge message
 * never escapes as an exception; what cannot be read gives undefined (the general message alone).
 */
export function errorDetail(
  error: unknown,
  t: (key: MessageKey, params?: MessageParams) => string,
  fmt: Formatters,
): string | undefined {
  try {
    if (error instanceof ProviderTimeoutError)
      return t('state.timeout', { seconds: error.ms < 10_000 ? fmt.decimal(error.ms / 1000, 1) : fmt.count(error.ms / 1000) });
    if (error instanceof MalformedResultError) return t('state.malformed', { detail: clip(error.message) });
    return errorMessage(error);
  } catch {
    return undefined;
  }
}

/** The message of whatever was thrown (a string, or an object's string `message`), clipped; undefined when unreadable. */
export function errorMessage(error: unknown): string | undefined {
  try {
    const text = typeof error === 'string' ? error : isObject(error) ? (error as { message?: unknown }).message : undefined;
    return typeof text === 'string' && text ? clip(text) : undefined;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is object => (typeof v === 'object' && v !== null) || typeof v === 'function';
const clip = (text: string) => (text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text);

