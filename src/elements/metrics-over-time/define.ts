import { MetricsOverTime } from './metrics-over-time.js';

// Guarded: a second copy of the library on the page (two bundles) must not throw.
if (!customElements.get('metrics-over-time')) customElements.define('metrics-over-time', MetricsOverTime);

declare global {
  interface HTMLElementTagNameMap {
    'metrics-over-time': MetricsOverTime;
  }
}

export { MetricsOverTime };
