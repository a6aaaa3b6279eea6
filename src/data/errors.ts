/**
 * Failures the elements treat apart from a plain error, whatever the provider: a session that has expired (the
 * dashboard shows one "session expired" state and asks the host to sign in again) and a report the session has no
 * right to read (that panel alone says so). A provider rejects with an error whose `kind` says which; these classes
 * are the ready-made ones, and any `Error` with a `kind` of `'session-expired'` or `'no-access'` counts the same (so an
 * error from another bundle or a worker is recognised too).
 * @packageDocumentation
 */

/** What a recognised provider failure stands for. */
export type ProviderErrorKind = 'session-expired' | 'no-access';

const KINDS: readonly ProviderErrorKind[] = ['session-expired', 'no-access'];

/** An error the elements recognise by its {@link ProviderErrorKind}. */
export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    /** Which failure this is. */
    readonly kind: ProviderErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The session (a Kaltura KS, a token…) has expired or is no longer valid; signing in again helps. */
export class SessionExpiredError extends ProviderError {
  override name = 'SessionExpiredError';
  constructor(message = 'The session has expired', options?: { cause?: unknown }) {
    super('session-expired', message, options);
  }
}

/** The session may not read this report (a missing privilege); other reports may still work. */
export class NoAccessError extends ProviderError {
  override name = 'NoAccessError';
  constructor(message = 'No access to this report', options?: { cause?: unknown }) {
    super('no-access', message, options);
  }
}

/** The {@link ProviderErrorKind} of `error`, or undefined for any other failure. */
export function providerErrorKind(error: unknown): ProviderErrorKind | undefined {
  // Read defensively: a provider may reject with a Proxy or an object whose getters throw.
  try {
    if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) return undefined;
    const kind = (error as { kind?: unknown }).kind;
    return KINDS.includes(kind as ProviderErrorKind) ? (kind as ProviderErrorKind) : undefined;
  } catch {
    return undefined;
  }
}
