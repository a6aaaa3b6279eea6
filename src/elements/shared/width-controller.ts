import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Options of a {@link WidthController}. */
export interface WidthOptions {
  /** The width until one is measured, px. Default 600. */
  fallback?: number;
  /**
   * An element of the same width that is on screen before the target is (the panel's body, by default): measured
   * just before the render that first shows the target, so that render already has the right width.
   */
  standIn?: string;
}

/**
 * Measures the width of an element in the host's shadow root with a ResizeObserver, created when the host connects
 * and disconnected when it disconnects (no window listener). The target is found again after each update, so it may
 * appear and disappear with the host's states.
 *
 * Nothing is written during an update's commit phase: while the target is not rendered, the stand-in is measured
 * before each render (`hostUpdate`); once the target is there, the observer reports its changes between frames.
 * When a newly rendered target turns out wider or narrower than its stand-in, the next render is requested once
 * the current update has completed.
 */
export class WidthController implements ReactiveController {
  /** The last measured width in CSS pixels (the fallback until measured). */
  width: number;
  private observer?: ResizeObserver;
  private target?: Element;
  private readonly standIn: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly selector: string,
    options: WidthOptions = {},
  ) {
    this.width = options.fallback ?? 600;
    this.standIn = options.standIn ?? '[part~="body"]';
    host.addController(this);
  }

  /** Whether the observer is live (connected host). */
  get observing(): boolean {
    return this.observer !== undefined;
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[entries.length - 1]!.contentRect.width);
      if (w > 0 && w !== this.width) {
        this.width = w;
        this.host.requestUpdate();
      }
    });
    this.target = undefined;
  }

  hostUpdate(): void {
    // Before the render that may show the target for the first time: take the stand-in's width. (A synchronous
    // measure, not the observer: its first report comes with a rendering frame, which hidden pages never get.)
    if (this.target) return;
    const stand = this.host.shadowRoot?.querySelector(this.standIn);
    const w = stand ? Math.floor(stand.getBoundingClientRect().width) : 0;
    if (w > 0) this.width = w;
  }

  hostUpdated(): void {
    const el = this.host.shadowRoot?.querySelector(this.selector) ?? undefined;
    if (el === this.target || !this.observer) return;
    if (this.target) this.observer.unobserve(this.target);
    this.target = el;
    if (!el) return;
    this.observer.observe(el);
    const w = Math.floor(el.getBoundingClientRect().width);
    if (w > 0 && w !== this.width) {
      this.width = w;
      // A side effect of the update that rendered the target: render again once that update has completed.
      void this.host.updateComplete.then(() => this.host.requestUpdate());
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.target = undefined;
  }
}

/**
 * The width of the host element itself, from a ResizeObserver created when the host connects and disconnected when
 * it disconnects (no window listener). Rounded to whole pixels; a change of a pixel or less is ignored, so a layout
 * that depends on the width cannot oscillate by one pixel. Requests an update when the width changes.
 */
export class HostWidthController implements ReactiveController {
  /** The last measured width in CSS pixels (the fallback until measured). */
  width: number;
  private observer?: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    fallback = 640,
  ) {
    this.width = fallback;
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && Math.abs(w - this.width) > 1) {
        this.width = w;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
