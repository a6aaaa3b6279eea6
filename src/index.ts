/**
 * entry-analytics: framework-agnostic web components for a per-entry analytics dashboard.
 *
 * This module has no side effects: importing it registers no element. Import `entry-analytics/define.js` (or one
 * element's `elements/<tag>/define.js`) to register the tags.
 * @packageDocumentation
 */

// The data contract, validation, date helpers, CSV, the URL rule and trends.
export * from './data/index.js';

// Providers.
export { AnalyticsEngine, createEventsProvider } from './data/engine/index.js';
export type { EngineOptions, IngestReport, SkipReason } from './data/engine/index.js';
export type { RawEvent } from './data/engine/index.js';
export { generateSample, SAMPLE_VIDEO_ID, SAMPLE_IMAGE_ID } from './data/sample/index.js';
export type { SampleData, SampleOptions } from './data/sample/index.js';
export { createKalturaProvider, KalturaApiError, KalturaTimeoutError } from './data/kaltura/index.js';
export type { KalturaProvider, KalturaProviderOptions, KalturaSession, KsSource } from './data/kaltura/index.js';

// Events.
export * from './events.js';

// Framework hosts: the tag list, Vue's isCustomElement, typed event details.
export { TAGS, isCustomElement, detailOf, type Tag } from './frameworks.js';

// Localisation and theming.
export { registerCatalog, translate, formatters, isRtl } from './i18n/index.js';
export type { Catalog, MessageKey, MessageParams, Formatters } from './i18n/index.js';
export { tokens, base, COLOR_TOKENS, type ColorToken, type ThemeName, type ThemeSetting } from './theme/tokens.js';

// Elements (classes only; see define.js for registration).
export { AnalyticsPanel, ProviderTimeoutError, type LoadContext } from './elements/shared/analytics-panel.js';
export { EntryHighlights, DEFAULT_HIGHLIGHTS, type HighlightsData } from './elements/entry-highlights/entry-highlights.js';
export { PlaybackViews } from './elements/playback-views/playback-views.js';
export { MetricsOverTime } from './elements/metrics-over-time/metrics-over-time.js';
export { EngagementFunnel } from './elements/engagement-funnel/engagement-funnel.js';
export { DevicesOverview } from './elements/devices-overview/devices-overview.js';
export { UserEngagement } from './elements/user-engagement/user-engagement.js';
export { EngagementHeatmap } from './elements/engagement-heatmap/engagement-heatmap.js';
export { ClassEngagement } from './elements/class-engagement/class-engagement.js';
export { TopCountries } from './elements/top-countries/top-countries.js';
export { setDefaultGeometryUrl } from './elements/top-countries/atlas.js';
export { TopDomainsTable } from './elements/top-domains-table/top-domains-table.js';

// The dashboard.
export { EntryAnalytics, normalizeFilterValue } from './shell/entry-analytics.js';
export { PANELS, IMAGE_HIGHLIGHTS, MONTHLY_AFTER_DAYS, layoutSpans, visiblePanels, parsePanelIds } from './shell/panels.js';
export type { PanelContext, PanelDefinition } from './shell/panels.js';
export {
  PRESETS,
  COMPARE_MODES,
  DEFAULT_PRESET,
  presetRange,
  compareRangeOf,
  customRangeProblem,
  isPreset,
  isCompareMode,
} from './shell/presets.js';
export type { Preset, CompareMode, PresetInputs, RangeProblem } from './shell/presets.js';
