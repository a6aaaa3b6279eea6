/**
 * Reading single fields of a raw beacon: numbers that may arrive as numeric strings, times, referrers, devices.
 * Every function here is total: it returns a value or a marker, and never throws.
 * @internal
 */
import { DEVICES, type Device } from '../types.js';

/** Marker for "the field is present but is not a number". */
export const BAD = Symbol('bad');

/** A decimal number as a beacon's query string carries it: no hex (`0x10`), binary, octal, `Infinity` or `1_000`. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a number that may arrive as a number or a decimal numeric string. Absent (`undefined`, `null`, `''`) gives
 * `undefined`; anything else that is not a finite decimal number (`"0x10"`, `"0b1"`, `"Infinity"`) gives {@link BAD}.
 */
export function readNumber(v: unknown): number | undefined | typeof BAD {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : BAD;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return undefined;
    if (!DECIMAL.test(s)) return BAD;
    const n = Number(s);
    return Number.isFinite(n) ? n : BAD;
  }
  return BAD;
}

/** Reads a non-empty string; numbers are accepted and stringified (ids are sometimes numeric). */
export function readString(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? undefined : s;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

const NUMERIC = /^[+-]?\d+(\.\d+)?$/;

/**
 * Reads an event time: epoch milliseconds as a number or numeric string, or an ISO 8601 string. Returns `undefined`
 * when it is none of those or is out of the `Date` range.
 */
export function readTime(v: unknown): number | undefined {
  let t: number;
  if (typeof v === 'number') t = v;
  else if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return undefined;
    t = NUMERIC.test(s) ? Number(s) : Date.parse(s);
  } else return undefined;
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) return undefined;
  return t;
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Decodes a referrer that may be a plain URL or the base64 of one (as newer KAVA versions send it). A value is taken
 * as base64 when it has no scheme, uses only the base64 alphabet (standard or URL-safe), and decodes to printable
 * text that starts with a scheme (`https://…`) or looks like a host name followed by a path.
 */
export function decodeReferrer(raw: string): string {
  const s = raw.trim();
  if (SCHEME.test(s) || !BASE64.test(s) || s.length < 8) return s;
  let b = s.replace(/-/g, '+').replace(/_/g, '/');
  while (b.length % 4 !== 0) b += '=';
  let decoded: string;
  try {
    decoded = atob(b);
  } catch {
    return s;
  }
  // Printable ASCII only: binary garbage means it was not base64 of a URL after all.
  if (!/^[\x20-\x7e]+$/.test(decoded)) return s;
  if (SCHEME.test(decoded) || /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(\/|$)/i.test(decoded)) {
    // The URL may itself be percent-encoded UTF-8; keep it as reported.
    return decoded.trim();
  }
  return s;
}

/** The page URL of a (decoded) referrer: the referrer without its fragment. */
export function urlOf(referrer: string): string {
  const hash = referrer.indexOf('#');
  return hash >= 0 ? referrer.slice(0, hash) : referrer;
}

/**
 * The referring domain of a (decoded) referrer: the host, lower case, without userinfo, port and a leading `www.`.
 * Returns `''` when there is no host (e.g. `about:blank`).
 */
export function domainOf(referrer: string): string {
  let rest = referrer.trim();
  const m = SCHEME.exec(rest);
  if (m) rest = rest.slice(m[0].length);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(rest) && !/^[^:/]+:\d/.test(rest)) return ''; // about:blank, data:…
  else if (rest.startsWith('//')) rest = rest.slice(2);
  let end = rest.length;
  for (const c of ['/', '?', '#', '\\']) {
    const i = rest.indexOf(c);
    if (i >= 0 && i < end) end = i;
  }
  let host = rest.slice(0, end);
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    host = close > 0 ? host.slice(0, close + 1) : host;
  } else {
    const colon = host.indexOf(':');
    if (colon >= 0) host = host.slice(0, colon);
  }
  host = host.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('www.')) host = host.slice(4);
  return host;
}

const DEVICE_BY_NAME = new Map<string, Device>();
for (const d of DEVICES) DEVICE_BY_NAME.set(d.toLowerCase(), d);
for (const [alias, d] of [
  ['desktop', 'Computer'],
  ['pc', 'Computer'],
  ['computer', 'Computer'],
  ['laptop', 'Computer'],
  ['phone', 'Mobile'],
  ['smartphone', 'Mobile'],
  ['mobile phone', 'Mobile'],
  ['game_console', 'Game console'],
  ['gameconsole', 'Game console'],
  ['console', 'Game console'],
  ['digital_media_receiver', 'Digital media receiver'],
  ['smart tv', 'Digital media receiver'],
  ['smarttv', 'Digital media receiver'],
  ['tv', 'Digital media receiver'],
] as const) {
  DEVICE_BY_NAME.set(alias, d);
}

/** The device index in {@link DEVICES} of a collector's device string, case-insensitive; unknown gives 'Other'. */
export function deviceIndex(v: unknown): number {
  const s = typeof v === 'string' ? v.trim().toLowerCase() : '';
  const d = DEVICE_BY_NAME.get(s) ?? 'Other';
  return DEVICES.indexOf(d);
}

/** Splits a comma-separated category list into trimmed, non-empty names. */
export function splitCategories(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => splitCategories(x));
  const s = readString(v);
  if (!s) return [];
  return s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
}
