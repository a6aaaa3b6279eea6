/** The one rule for URLs that come from data: they become links only when they are http(s). */

/** The URL as an absolute http(s) string, or undefined when it is anything else (javascript:, data:, relative…). */
export function safeHttpUrl(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
