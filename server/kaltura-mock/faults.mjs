// The faults the local Kaltura-compatible endpoint can inject, and how the command line names them. Plain JavaScript
// with no Node imports, so tests in the browser can check the same rules.

/**
 * The faults the endpoint can inject, all off by default:
 * - `latencyMs`: every HTTP request (preflights included) waits this long before it is answered;
 * - `callLatencyMs`: a multirequest waits this long more per call it carries (Kaltura runs the calls one after another);
 * - `errorRate`: this share (0–1) of API requests is answered with HTTP 503, drawn from a PRNG seeded by `seed`;
 * - `ksExpiresAfterCalls`: each KS works for this many calls, then gets INVALID_KS ("-5,EXPIRED"), as an expired KS
 *   does on Kaltura; a new KS string starts afresh;
 * - `forbiddenReports`: report types (numbers) whose calls get SERVICE_FORBIDDEN, as for a KS without that privilege.
 */
export const FAULTS = Object.freeze({
  latencyMs: 0,
  callLatencyMs: 0,
  errorRate: 0,
  seed: 1,
  ksExpiresAfterCalls: 0,
  forbiddenReports: Object.freeze([]),
});

/** Checks and completes a fault configuration; throws a TypeError on a bad value. */
export function normalizeFaults(input = {}) {
  const out = { ...FAULTS };
  for (const [key, value] of Object.entries(input ?? {})) {
    if (!(key in FAULTS)) throw new TypeError(`unknown fault "${key}" (known: ${Object.keys(FAULTS).join(', ')})`);
    if (key === 'forbiddenReports') {
      const list = typeof value === 'string' ? value.split(',').filter((x) => x.trim() !== '') : value;
      if (!Array.isArray(list) || !list.every((x) => Number.isInteger(Number(x))))
        throw new TypeError('forbiddenReports: a list of report type numbers');
      out.forbiddenReports = list.map(Number);
      continue;
    }
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new TypeError(`${key}: a number ≥ 0, got ${JSON.stringify(value)}`);
    if (key === 'errorRate' && n > 1) throw new TypeError('errorRate: a share between 0 and 1');
    out[key] = n;
  }
  return out;
}

/** mulberry32: a small seeded PRNG, so an error rate fails the same requests on every run. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `--name value` or `--name=value`. */
export function flag(argv, name) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1];
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return undefined;
}

/** The faults the command line asks for (see FAULTS in index.mjs). */
export function faultsFromArgs(argv) {
  const map = {
    latency: 'latencyMs',
    'call-latency': 'callLatencyMs',
    'error-rate': 'errorRate',
    'fault-seed': 'seed',
    'ks-expires-after': 'ksExpiresAfterCalls',
    'forbid-reports': 'forbiddenReports',
  };
  const faults = {};
  for (const [name, key] of Object.entries(map)) {
    const value = flag(argv, name);
    if (value !== undefined) faults[key] = key === 'forbiddenReports' ? value : Number(value);
  }
  return faults;
}

