/**
 * Browser side of the benchmarks. A bench file calls {@link bench} once; `scripts/bench.mjs` bundles the file, opens
 * it in headless Chromium and prints the rows the bench reports. Rows go back to the script in one POST when the
 * bench ends (progress lines go through the console meanwhile).
 *
 * ```ts
 * import { bench } from './harness.js';
 * bench('canvas heatmap', async (b) => {
 *   b.time('draw 10,000 × 100', () => draw(...), { runs: 7, budget: 50 });
 * });
 * ```
 */

/** One line of the report. */
export interface BenchRow {
  /** What was measured. */
  name: string;
  /** The figure: the median for timed rows. */
  value: number;
  unit: 'ms' | 'MB' | string;
  /** Timed rows: the first (cold) run, then the fastest and slowest of the timed runs. */
  first?: number;
  min?: number;
  max?: number;
  runs?: number;
  /** Upper bound the figure should stay under; the script flags rows over it. */
  budget?: number;
  note?: string;
}

export interface TimeOptions {
  /** Timed runs after the first; default 5. The first run is reported as `first` (cold caches). */
  runs?: number;
  budget?: number;
  note?: string;
  /** Report the first (cold) run as the value instead of the median of the later ones. */
  cold?: boolean;
}

export interface Bench {
  /** Adds a row. */
  row(row: BenchRow): void;
  /** Runs `fn` 1 + runs times; reports the median of the runs after the first, and the first. Returns the last result. */
  time<T>(name: string, fn: () => T, options?: TimeOptions): T;
  /** Runs `fn` once and reports its time. */
  once<T>(name: string, fn: () => T, options?: Omit<TimeOptions, 'runs' | 'cold'>): T;
  /** Forces a garbage collection when Chromium runs with --js-flags=--expose-gc. */
  gc(): void;
  /** Used JS heap in MB (after a gc when `collect`), or NaN without performance.memory. Tracks the peak. */
  heap(collect?: boolean): number;
  /** The highest heap seen by {@link Bench.heap} so far, MB. */
  readonly peakHeap: number;
  /** A progress line on the script's console. */
  log(message: string): void;
}

interface PerfMemory {
  usedJSHeapSize: number;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Defines the page's benchmark; call once per bench file. */
export function bench(title: string, body: (b: Bench) => void | Promise<void>): void {
  const rows: BenchRow[] = [];
  let peak = 0;
  const g = globalThis as unknown as { gc?: () => void; performance: Performance & { memory?: PerfMemory } };
  const b: Bench = {
    row(row) {
      rows.push(row);
      const budget = row.budget !== undefined ? ` (budget ${row.budget} ${row.unit})` : '';
      console.log(`bench: ${row.name}: ${row.value} ${row.unit}${budget}`);
    },
    time(name, fn, options = {}) {
      const runs = Math.max(0, options.runs ?? 5);
      let t = performance.now();
      let result = fn();
      const first = performance.now() - t;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        t = performance.now();
        result = fn();
        times.push(performance.now() - t);
      }
      const value = options.cold || runs === 0 ? first : median(times);
      b.row({
        name,
        value: round(value),
        unit: 'ms',
        first: round(first),
        ...(runs > 0 ? { min: round(Math.min(...times)), max: round(Math.max(...times)), runs } : {}),
        ...(options.budget !== undefined ? { budget: options.budget } : {}),
        ...(options.note ? { note: options.note } : {}),
      });
      return result;
    },
    once(name, fn, options = {}) {
      return b.time(name, fn, { ...options, runs: 0 });
    },
    gc() {
      g.gc?.();
    },
    heap(collect = false) {
      if (collect) b.gc();
      const mem = g.performance.memory;
      if (!mem) return NaN;
      const mb = mem.usedJSHeapSize / 1048576;
      peak = Math.max(peak, mb);
      return round(mb, 1);
    },
    get peakHeap() {
      return round(peak, 1);
    },
    log(message) {
      console.log(`bench: ${message}`);
    },
  };

  const finish = async (error?: unknown) => {
    const payload = {
      title,
      rows,
      error: error === undefined ? undefined : error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
      userAgent: navigator.userAgent,
      hardwareConcurrency: navigator.hardwareConcurrency,
      gc: typeof g.gc === 'function',
      memory: g.performance.memory !== undefined,
    };
    await fetch(`/done${location.search}`, { method: 'POST', body: JSON.stringify(payload) });
  };
  // Let the page settle before measuring.
  setTimeout(() => {
    Promise.resolve()
      .then(() => body(b))
      .then(
        () => finish(),
        (e) => finish(e),
      );
  }, 50);
}
