/**
 * Entry of the single-file bundle for script-tag users: registers every element and exports the elements, the
 * contract helpers, i18n, events and both providers (the embedded engine and Kaltura's). The sample-data generator
 * is left out: it is demo material (~10 kB gzip of name and place tables); npm users import it from
 * `entry-analytics/sample.js`.
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
