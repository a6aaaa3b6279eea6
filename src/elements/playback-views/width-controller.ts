import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Measures the width of an element in the host's shadow root with a ResizeObserver, created when the host connects
 * and disconnected when it disconnects (no window listener). The target is found again after each update, so it may
 * appear and disappear with the host's states.
 */
export class WidthController implements ReactiveController {
  /** The last measured width in CSS pixels (the fallback until measured). */
  width: number;
  private observer?: ResizeObserver;
  private target?: Element;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly selector: string,
    fallback = 600,
  ) {
    this.width = fallback;
    host.addController(this);
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

  hostUpdated(): void {
    const el = this.host.shadowRoot?.querySelector(this.selector) ?? undefined;
    if (el === this.target || !this.observer) return;
    if (this.target) this.observer.unobserve(this.target);
    this.target = el;
    if (!el) return;
    this.observer.observe(el);
    // Measure now too: the observer reports with the next rendering frame, which hidden pages never get.
    const w = Math.floor(el.getBoundingClientRect().width);
    if (w > 0 && w !== this.width) {
      this.width = w;
      this.host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.target = undefined;
  }
}
