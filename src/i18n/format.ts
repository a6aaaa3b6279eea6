/**
 * Number, date and time formatting through `Intl`, cached per language. Every figure an element shows goes through
 * here, so a page in `de` or `ar` reads its own digits, separators and date order.
 */

const RTL = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);

/** Whether `lang` is written right to left. */
export function isRtl(lang: string): boolean {
  return RTL.has((lang || 'en').toLowerCase().split('-')[0]!);
}

/** Formatters of one language. Percent inputs are 0–100. Calendar dates are `YYYY-MM-DD` strings. */
export interface Formatters {
  readonly lang: string;
  /** An integer count: `12,345`. */
  count(n: number): string;
  /** A count in short form for axes and tiles: `12K`. */
  compact(n: number): string;
  /** A number with at most `digits` fraction digits. */
  decimal(n: number, digits?: number): string;
  /** A percent given as 0–100: `42.5%`. */
  percent(p: number, digits?: number): string;
  /** A signed change in percent, given as 0–100: `+12%`, `−3%`. */
  signedPercent(p: number, digits?: number): string;
  /** Minutes, with one decimal under 100. */
  minutes(n: number): string;
  /** A media time in seconds as `m:ss` or `h:mm:ss` (digits localised). */
  mediaTime(seconds: number): string;
  /** A calendar date, e.g. `Mar 5, 2026`. */
  date(iso: string): string;
  /** A short calendar date without year, e.g. `Mar 5`. */
  shortDate(iso: string): string;
  /** A month, e.g. `Mar 2026`. */
  month(iso: string): string;
  /** A range of calendar dates, e.g. `Mar 5 – Apr 3, 2026`. */
  dateRange(from: string, to: string): string;
  /** An instant (ISO 8601 string) as a date. */
  instantDate(iso: string): string;
  /** A country's name from its ISO alpha-2 code, or the code when unknown. */
  country(code: string): string;
}

const cache = new Map<string, Formatters>();

/** Calendar dates are formatted as UTC midnights in UTC, so no time zone can shift them to another day. */
const utcDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
};

function supported(lang: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([lang]).length ? lang : 'en';
  } catch {
    return 'en';
  }
}

/** The formatters for `lang` (cached). Unknown or malformed language tags fall back to English. */
export function formatters(lang: string): Formatters {
  const key = supported(lang || 'en');
  const hit = cache.get(key);
  if (hit) return hit;
  const int = new Intl.NumberFormat(key, { maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(key, { notation: 'compact', maximumFractionDigits: 1 });
  const decimals = new Map<number, Intl.NumberFormat>();
  const dec = (digits: number) => {
    let f = decimals.get(digits);
    if (!f) decimals.set(digits, (f = new Intl.NumberFormat(key, { maximumFractionDigits: digits })));
    return f;
  };
  const pct = new Map<string, Intl.NumberFormat>();
  const pctF = (digits: number, signed: boolean) => {
    const k = `${digits}${signed}`;
    let f = pct.get(k);
    if (!f)
      pct.set(
        k,
        (f = new Intl.NumberFormat(key, {
          style: 'percent',
          maximumFractionDigits: digits,
          signDisplay: signed ? 'exceptZero' : 'auto',
        })),
      );
    return f;
  };
  const two = new Intl.NumberFormat(key, { minimumIntegerDigits: 2, useGrouping: false });
  const plain = new Intl.NumberFormat(key, { useGrouping: false });
  const dateF = new Intl.DateTimeFormat(key, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
  const shortF = new Intl.DateTimeFormat(key, { timeZone: 'UTC', month: 'short', day: 'numeric' });
  const monthF = new Intl.DateTimeFormat(key, { timeZone: 'UTC', year: 'numeric', month: 'short' });
  const instantF = new Intl.DateTimeFormat(key, { year: 'numeric', month: 'short', day: 'numeric' });
  let regions: Intl.DisplayNames | undefined;
  try {
    regions = new Intl.DisplayNames([key], { type: 'region' });
  } catch {
    regions = undefined;
  }
  const f: Formatters = {
    lang: key,
    count: (n) => int.format(Math.round(n)),
    compact: (n) => compact.format(n),
    decimal: (n, digits = 1) => dec(digits).format(n),
    percent: (p, digits = 1) => pctF(digits, false).format(p / 100),
    signedPercent: (p, digits = 0) => pctF(digits, true).format(p / 100),
    minutes: (n) => dec(n < 100 ? 1 : 0).format(n),
    mediaTime: (seconds) => {
      const s = Math.max(0, Math.round(seconds));
      const h = Math.floor(s / 3600);
      const m = Math.floor((s % 3600) / 60);
      const sec = s % 60;
      return h > 0
        ? `${plain.format(h)}:${two.format(m)}:${two.format(sec)}`
        : `${plain.format(m)}:${two.format(sec)}`;
    },
    date: (iso) => dateF.format(utcDate(iso)),
    shortDate: (iso) => shortF.format(utcDate(iso)),
    month: (iso) => monthF.format(utcDate(iso)),
    dateRange: (from, to) => dateF.formatRange(utcDate(from), utcDate(to)),
    instantDate: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : instantF.format(d);
    },
    country: (code) => {
      try {
        return regions?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
  };
  cache.set(key, f);
  return f;
}
