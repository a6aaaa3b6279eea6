// Registers <entry-analytics> and every panel of its registry, so that one import gives the whole dashboard.
import { EntryAnalytics } from './entry-analytics.js';
import '../elements/entry-highlights/define.js';
import '../elements/playback-views/define.js';
import '../elements/metrics-over-time/define.js';
import '../elements/engagement-funnel/define.js';
import '../elements/devices-overview/define.js';
import '../elements/user-engagement/define.js';
import '../elements/engagement-heatmap/define.js';
import '../elements/top-countries/define.js';
import '../elements/top-domains-table/define.js';

// Guarded: a second copy of the library on the page (two bundles) must not throw.
if (!customElements.get('entry-analytics')) customElements.define('entry-analytics', EntryAnalytics);

declare global {
  interface HTMLElementTagNameMap {
    'entry-analytics': EntryAnalytics;
  }
}

export { EntryAnalytics };
