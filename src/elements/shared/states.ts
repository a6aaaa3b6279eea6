/**
 * What a panel and the dashboard share about loading: a deadline on the provider, the text of an error, and the
 * styles of the loading skeleton, the dimmed stale content and the error box with its retry button.
 */
import { MalformedResultError } from '../../data/validate.js';
import type { Formatters, MessageKey, MessageParams } from '../../i18n/index.js';
export { stateStyles } from './states.styles.js';

/** The provider took longer than the element's `timeout`. */
export class ProviderTimeoutError extends Error {
  override name = 'ProviderTimeoutError';
  constructor(readonly ms: number) {
    super(`The data source did not answer within ${Math.round(ms / 1000)} s`);
  }
}

/**
 * Runs `ask` with a signal aborted when `signal` aborts or after `timeout` ms (a non-positive timeout means 30 s),
 * whichever comes first; the timer and the listener are removed when `ask` settles.
 */
export async function within<T>(signal: AbortSignal, timeout: number, ask: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ms = timeout > 0 ? timeout : 30_000;
  const controller = new AbortController();
  const stop = () => controller.abort(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(() => controller.abort(new ProviderTimeoutError(ms)), ms);
  try {
    return await ask(controller.signal);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}

/** The localised text that says what went wrong: a timeout, malformed data or the error's own message. */
export function errorDetail(
  error: unknown,
  t: (key: MessageKey, params?: MessageParams) => string,
  fmt: Formatters,
): string | undefined {
  if (error instanceof ProviderTimeoutError)
    return t('state.timeout', { seconds: error.ms < 10_000 ? fmt.decimal(error.ms / 1000, 1) : fmt.count(error.ms / 1000) });
  if (error instanceof MalformedResultError) return t('state.malformed', { detail: error.message });
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : undefined;
}

