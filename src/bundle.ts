/**
 * Entry of the single-file bundle for script-tag users: registers every element and exports the elements, the
 * contract helpers, i18n, events and both providers (the embedded engine and Kaltura's). The map's code and geometry
 * are loaded when a map first shows (its code from `bundle/`, its geometry from `elements/top-countries/`). The
 * sample-data generator is left out (demo material, ~10 kB gzip of name and place tables): bundle pages import
 * `data/sample/index.js` beside it (`entry-analytics/bundle/sample`), which needs no bundling.
 */
import './define.js';
export * from './data/index.js';
export { AnalyticsEngine, createEventsProvider } from './data/engine/index.js';
export { createKalturaProvider, KalturaApiError, KalturaTimeoutError } from './data/kaltura/index.js';
export * from './events.js';
export { registerCatalog, translate, formatters, isRtl } from './i18n/index.js';
export { setDefaultGeometryUrl } from './elements/top-countries/atlas.js';
export {
  EntryAnalytics,
  EntryHighlights,
  PlaybackViews,
  MetricsOverTime,
  EngagementFunnel,
  DevicesOverview,
  UserEngagement,
  EngagementHeatmap,
  ClassEngagement,
  TopCountries,
  TopDomainsTable,
} from './index.js';
