import { EngagementHeatmap } from './engagement-heatmap.js';

// Guarded: a second copy of the library on the page (two bundles) must not throw.
if (!customElements.get('engagement-heatmap')) customElements.define('engagement-heatmap', EngagementHeatmap);

declare global {
  interface HTMLElementTagNameMap {
    'engagement-heatmap': EngagementHeatmap;
  }
}

export { EngagementHeatmap };
