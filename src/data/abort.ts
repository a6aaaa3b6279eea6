/**
 * Why an aborted operation stopped: the signal's own reason, or an `AbortError` when it has none. The one helper the
 * providers and the query runner reject with, so an abort looks the same from every layer.
 */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? Object.assign(new Error('Aborted'), { name: 'AbortError' });
}
