import { EngagementFunnel } from './engagement-funnel.js';

// Guarded: a second copy of the library on the page (two bundles) must not throw.
if (!customElements.get('engagement-funnel')) customElements.define('engagement-funnel', EngagementFunnel);

declare global {
  interface HTMLElementTagNameMap {
    'engagement-funnel': EngagementFunnel;
  }
}

export { EngagementFunnel };
