/**
 * React components for every element (`entry-analytics/react`), built with `@lit/react` (an optional peer dependency,
 * with `react` 18 or 19).
 *
 * Why wrappers rather than JSX typings for the bare tags: React 19 hands an object or function prop (`provider`,
 * `filters`, `markers`) to a custom element as a property only when the tag is already defined when React renders
 * it; otherwise it writes an attribute or nothing at all, so a page that loads the definitions lazily silently loses
 * its provider and the panel keeps saying "Connect a data source". This module imports the element classes and
 * registers every tag before any of these components can render, and the components set every declared property as a
 * property, whatever its type and whatever the import order of the host. Events are camelCase props with typed
 * details (`onSeek={(e) => player.seek(e.detail.time)}`), as React users write them, and the same code runs on
 * React 18.
 *
 * Importing this module registers every element (like `entry-analytics/define.js`). In Node (server rendering) it is
 * safe to import; the components render the bare tag there and the element renders on the client.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import './define.js';
import { EntryAnalytics as EntryAnalyticsElement } from './shell/entry-analytics.js';
import { EntryHighlights as EntryHighlightsElement } from './elements/entry-highlights/entry-highlights.js';
import { PlaybackViews as PlaybackViewsElement } from './elements/playback-views/playback-views.js';
import { MetricsOverTime as MetricsOverTimeElement } from './elements/metrics-over-time/metrics-over-time.js';
import { EngagementFunnel as EngagementFunnelElement } from './elements/engagement-funnel/engagement-funnel.js';
import { DevicesOverview as DevicesOverviewElement } from './elements/devices-overview/devices-overview.js';
import { UserEngagement as UserEngagementElement } from './elements/user-engagement/user-engagement.js';
import { EngagementHeatmap as EngagementHeatmapElement } from './elements/engagement-heatmap/engagement-heatmap.js';
import { ClassEngagement as ClassEngagementElement } from './elements/class-engagement/class-engagement.js';
import { TopCountries as TopCountriesElement } from './elements/top-countries/top-countries.js';
import { TopDomainsTable as TopDomainsTableElement } from './elements/top-domains-table/top-domains-table.js';
import type {
  FilterAddDetail,
  FiltersChangeDetail,
  RangeChangeDetail,
  SeekDetail,
  SessionExpiredDetail,
  UserSelectDetail,
} from './events.js';

/**
 * The library's events as React props. Every event bubbles, so a panel's events reach the dashboard's component too
 * (`<EntryAnalytics onSeek={…}>` hears the playback panel's seeks).
 */
const events = {
  onSeek: 'seek' as EventName<CustomEvent<SeekDetail>>,
  onUserSelect: 'user-select' as EventName<CustomEvent<UserSelectDetail>>,
  onFilterAdd: 'filter-add' as EventName<CustomEvent<FilterAddDetail>>,
  onRangeChange: 'range-change' as EventName<CustomEvent<RangeChangeDetail>>,
  onFiltersChange: 'filters-change' as EventName<CustomEvent<FiltersChangeDetail>>,
  onSessionExpired: 'session-expired' as EventName<CustomEvent<SessionExpiredDetail>>,
};

/** `<entry-analytics>`: the whole dashboard. */
export const EntryAnalytics = createComponent({ react: React, tagName: 'entry-analytics', elementClass: EntryAnalyticsElement, events, displayName: 'EntryAnalytics' });
/** `<entry-highlights>` */
export const EntryHighlights = createComponent({ react: React, tagName: 'entry-highlights', elementClass: EntryHighlightsElement, events, displayName: 'EntryHighlights' });
/** `<playback-views>` */
export const PlaybackViews = createComponent({ react: React, tagName: 'playback-views', elementClass: PlaybackViewsElement, events, displayName: 'PlaybackViews' });
/** `<metrics-over-time>` */
export const MetricsOverTime = createComponent({ react: React, tagName: 'metrics-over-time', elementClass: MetricsOverTimeElement, events, displayName: 'MetricsOverTime' });
/** `<engagement-funnel>` */
export const EngagementFunnel = createComponent({ react: React, tagName: 'engagement-funnel', elementClass: EngagementFunnelElement, events, displayName: 'EngagementFunnel' });
/** `<devices-overview>` */
export const DevicesOverview = createComponent({ react: React, tagName: 'devices-overview', elementClass: DevicesOverviewElement, events, displayName: 'DevicesOverview' });
/** `<user-engagement>` */
export const UserEngagement = createComponent({ react: React, tagName: 'user-engagement', elementClass: UserEngagementElement, events, displayName: 'UserEngagement' });
/** `<engagement-heatmap>` */
export const EngagementHeatmap = createComponent({ react: React, tagName: 'engagement-heatmap', elementClass: EngagementHeatmapElement, events, displayName: 'EngagementHeatmap' });
/** `<class-engagement>` */
export const ClassEngagement = createComponent({ react: React, tagName: 'class-engagement', elementClass: ClassEngagementElement, events, displayName: 'ClassEngagement' });
/** `<top-countries>` */
export const TopCountries = createComponent({ react: React, tagName: 'top-countries', elementClass: TopCountriesElement, events, displayName: 'TopCountries' });
/** `<top-domains-table>` */
export const TopDomainsTable = createComponent({ react: React, tagName: 'top-domains-table', elementClass: TopDomainsTableElement, events, displayName: 'TopDomainsTable' });
