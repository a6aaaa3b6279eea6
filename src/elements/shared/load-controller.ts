/**
 * The one place where an element loads from its provider: a reactive controller (built on `@lit/task`) that runs the
 * load when its inputs change, puts a deadline on it, and ties every request to the element's life on the page.
 *
 * - **Removal aborts at once.** When the element leaves the page, the running load's `signal` (the one the provider
 *   got) is aborted synchronously, its deadline timer is cleared, and so is every side request started through
 *   {@link LoadController.side} (a CSV export of all rows…). Nothing the element started keeps a reference to it
 *   afterwards, so a provider that never answers cannot keep a removed element alive.
 * - **Putting it back resumes.** An element put back on the page after a load was cut short loads again; one whose
 *   load had finished keeps its data and asks nothing (moving an element around the page costs no request).
 * - **Deadlines** come from {@link deadline}: any `timeout` value is usable (see there).
 *
 * Both `AnalyticsPanel` (every panel) and `<entry-analytics>` (the entry details) load through it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { within } from './states.js';

export { TaskStatus };

/**
 * The reason a removed element's requests are aborted with. One object made when this module loads: an error made at
 * removal would hold the element in its captured stack trace, and a provider that keeps the `signal` (whose `reason`
 * it is) would keep the removed element alive through it.
 */
export const REMOVED: Error = Object.assign(new Error('The element was removed from the page'), { name: 'AbortError' });

export interface LoadOptions<T> {
  /** The inputs: a load runs when one of them changes (compared with `!==`, as Lit compares properties). */
  args: () => readonly unknown[];
  /** The element's `timeout` input, read when a load starts. */
  timeout: () => unknown;
  /** Loads with a signal aborted on new inputs, on removal and at the deadline; undefined means "nothing to load". */
  load: (signal: AbortSignal) => Promise<T | undefined>;
}

export class LoadController<T> implements ReactiveController {
  private readonly task: Task<readonly unknown[], T | undefined>;
  /** A load was cut short by the element's removal: run it again when it comes back. */
  private interrupted = false;
  /** Side requests running now, aborted on removal. */
  private readonly sides = new Set<AbortController>();

  constructor(
    host: ReactiveControllerHost,
    private readonly options: LoadOptions<T>,
  ) {
    this.task = new Task(host, {
      task: (_args, { signal }) => within(signal, options.timeout(), (inTime) => options.load(inTime)),
      args: () => options.args(),
    });
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.interrupted) return;
    this.interrupted = false;
    void this.task.run();
  }

  hostDisconnected(): void {
    if (this.task.status === TaskStatus.PENDING) {
      this.interrupted = true;
      this.task.abort(REMOVED);
    }
    for (const side of this.sides) side.abort(REMOVED);
    this.sides.clear();
  }

  /** The state of the last load. */
  get status(): TaskStatus {
    return this.task.status;
  }

  /** What the last load failed with (anything a provider rejected with: read it with care). */
  get error(): unknown {
    return this.task.error;
  }

  /** True while a load runs (or before the first one ran). */
  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING || this.task.status === TaskStatus.INITIAL;
  }

  /** Loads again with the same inputs (Retry). */
  run(): void {
    void this.task.run();
  }

  /** Resolves when the current load has settled, whatever its outcome. */
  async settled(): Promise<void> {
    try {
      await this.task.taskComplete;
    } catch {
      /* the error state shows it */
    }
  }

  /**
   * Runs a request beside the main load (an export of every row…) under the same rules: a deadline from `timeout`,
   * and an abort when the element leaves the page or when `signal` (the caller's own, optional) aborts. Rejects like
   * the main load does.
   */
  async side<R>(ask: (signal: AbortSignal) => Promise<R>, signal?: AbortSignal): Promise<R> {
    const controller = new AbortController();
    const stop = () => controller.abort(signal?.reason);
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    this.sides.add(controller);
    try {
      return await within(controller.signal, this.options.timeout(), ask);
    } finally {
      this.sides.delete(controller);
      signal?.removeEventListener('abort', stop);
    }
  }
}
