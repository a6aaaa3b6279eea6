/**
 * What a panel and the dashboard share about loading: a deadline on the provider, the text of an error, and the
 * styles of the loading skeleton, the dimmed stale content and the error box with its retry button.
 */
import { css } from 'lit';
import { MalformedResultError } from '../../data/validate.js';
import type { Formatters, MessageKey, MessageParams } from '../../i18n/index.js';

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

/** The error box, the loading skeleton and the dimmed content kept while the next load runs. */
export const stateStyles = css`
  .stale {
    opacity: 0.55;
  }
  .error {
    background: var(--_error-bg);
    border-radius: calc(var(--_radius) / 2);
    padding: 12px;
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    justify-content: space-between;
  }
  .error p {
    margin: 0;
  }
  .error .detail {
    color: var(--_muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .skeleton {
    height: 120px;
    border-radius: calc(var(--_radius) / 2);
    background: linear-gradient(90deg, var(--_bg-alt), var(--_bg), var(--_bg-alt));
    background-size: 200% 100%;
    animation: shimmer 1.2s linear infinite;
  }
  @keyframes shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
