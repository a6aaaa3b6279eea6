import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { keyStep } from '../../charts/line-chart.js';

/** What a {@link ScrubController} needs to know about its chart. */
export interface ScrubSource {
  /** How many points the chart has now (0 while there is no data). */
  count(): number;
  /** The point under a pointer event, or -1 outside the plot. */
  indexAt(event: MouseEvent): number;
  /** The sentence the live region says for point `i`. */
  describe(i: number): string;
  /** Whether the chart is laid out right to left (arrow keys mirror). */
  rtl(): boolean;
  /** What Enter, Space or a click on point `i` does (e.g. fire `seek`); none by default. */
  activate?(i: number): void;
}

/**
 * Keyboard scrubbing, hover and the tooltip/live-region state of a chart that is one focusable slider over evenly
 * spaced points (`<playback-views>`, `<metrics-over-time>`): arrow keys, Page Up/Down and Home/End move the active
 * point (mirrored right to left), focus and hover open the tooltip, Escape closes it, the live region announces
 * each point reached by keyboard. Bind the `on*` handlers on the focusable chart; read `active`, `tipOpen` and
 * `announcement` when rendering. State changes request an update of the host.
 */
export class ScrubController implements ReactiveController {
  /** The point under focus or hover, -1 for none. */
  active = -1;
  /** Whether the tooltip shows (hover or keyboard focus). */
  tipOpen = false;
  /** What the live region says. */
  announcement = '';
  private focused = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: ScrubSource,
  ) {
    host.addController(this);
  }

  /** The active point if it exists among `count` points, else -1. */
  activeIn(count: number): number {
    return this.active >= 0 && this.active < count ? this.active : -1;
  }

  hostDisconnected(): void {
    // A removed chart has neither focus nor hover.
    this.focused = false;
    this.tipOpen = false;
  }

  private set(patch: Partial<Pick<ScrubController, 'active' | 'tipOpen' | 'announcement'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  readonly onPointerMove = (e: PointerEvent): void => {
    const i = this.source.indexAt(e);
    if (i < 0) return;
    if (i !== this.active || !this.tipOpen) this.set({ active: i, tipOpen: true });
  };

  readonly onPointerLeave = (): void => {
    if (!this.focused && this.tipOpen) this.set({ tipOpen: false });
  };

  readonly onClick = (e: MouseEvent): void => {
    if (!this.source.activate) return;
    const i = this.source.indexAt(e);
    if (i < 0 || this.source.count() === 0) return;
    this.set({ active: i });
    this.source.activate(i);
  };

  readonly onFocus = (): void => {
    this.focused = true;
    const n = this.source.count();
    const active = this.activeIn(n) < 0 ? 0 : this.active;
    this.set({ active, tipOpen: true, announcement: n ? this.source.describe(active) : this.announcement });
  };

  readonly onBlur = (): void => {
    this.focused = false;
    this.set({ tipOpen: false });
  };

  readonly onKeyDown = (e: KeyboardEvent): void => {
    const n = this.source.count();
    if (!n) return;
    if ((e.key === 'Enter' || e.key === ' ') && this.source.activate) {
      e.preventDefault();
      this.source.activate(Math.max(0, this.activeIn(n)));
      return;
    }
    if (e.key === 'Escape') {
      this.set({ tipOpen: false });
      return;
    }
    const next = keyStep(e.key, this.activeIn(n), n, this.source.rtl());
    if (next === undefined) return;
    e.preventDefault();
    this.set({ active: next, tipOpen: true, announcement: this.source.describe(next) });
  };
}
