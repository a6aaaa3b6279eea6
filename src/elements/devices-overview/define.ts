import { DevicesOverview } from './devices-overview.js';

// Guarded: a second copy of the library on the page (two bundles) must not throw.
if (!customElements.get('devices-overview')) customElements.define('devices-overview', DevicesOverview);

declare global {
  interface HTMLElementTagNameMap {
    'devices-overview': DevicesOverview;
  }
}

export { DevicesOverview };
