/**
 * Vue 3 support (`entry-analytics/vue`): the compiler option that tells Vue the library's tags are custom elements, and
 * `GlobalComponents` typings so that `vue-tsc` and editors check the tags' properties and events in templates.
 *
 * ```ts
 * // vite.config.ts
 * import vue from '@vitejs/plugin-vue';
 * import { isCustomElement } from 'entry-analytics/vue';
 * export default { plugins: [vue({ template: { compilerOptions: { isCustomElement } } })] };
 * // main.ts
 * import 'entry-analytics/define.js';
 * ```
 *
 * In templates bind properties with `.provider="provider"` (or `:provider`: Vue sets a property whenever the element
 * has it, and the tags are defined before the app mounts when define.js is imported first) and listen with
 * `@seek="(e) => player.seek(e.detail.time)"`.
 *
 * This module registers no element and imports `vue` for types only.
 */
import type { EmitFn, HTMLAttributes } from 'vue';
import type { LitElement } from 'lit';
import type { EventDetails } from './events.js';
import type { EntryAnalytics } from './shell/entry-analytics.js';
import type { EntryHighlights } from './elements/entry-highlights/entry-highlights.js';
import type { PlaybackViews } from './elements/playback-views/playback-views.js';
import type { MetricsOverTime } from './elements/metrics-over-time/metrics-over-time.js';
import type { EngagementFunnel } from './elements/engagement-funnel/engagement-funnel.js';
import type { DevicesOverview } from './elements/devices-overview/devices-overview.js';
import type { UserEngagement } from './elements/user-engagement/user-engagement.js';
import type { EngagementHeatmap } from './elements/engagement-heatmap/engagement-heatmap.js';
import type { ClassEngagement } from './elements/class-engagement/class-engagement.js';
import type { TopCountries } from './elements/top-countries/top-countries.js';
import type { TopDomainsTable } from './elements/top-domains-table/top-domains-table.js';

export { TAGS, isCustomElement, type Tag } from './frameworks.js';

/** `filter-add` → `FilterAdd`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;

/** The library's events as Vue listener props (`onSeek`, `onFilterAdd`: what `@seek`, `@filter-add` compile to). */
type EventProps = { [K in keyof EventDetails as `on${Pascal<K>}`]?: (event: CustomEvent<EventDetails[K]>) => void };

/** The element's own public properties (not LitElement's, not methods; `provider` is a function but a property). */
type ElementProps<E extends LitElement> = {
  [K in Exclude<keyof E, keyof LitElement> as K extends 'provider' ? K : E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};

/** What Vue's template type-checker reads for a custom element: its props and its emits. */
export type VueCustomElement<E extends LitElement> = new () => E & {
  /** For template type-checking only. */
  $props: HTMLAttributes & ElementProps<E> & EventProps & { lang?: string };
  /** For template type-checking only. */
  $emit: EmitFn<{ [K in keyof EventDetails]: (event: CustomEvent<EventDetails[K]>) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'entry-analytics': VueCustomElement<EntryAnalytics>;
    'entry-highlights': VueCustomElement<EntryHighlights>;
    'playback-views': VueCustomElement<PlaybackViews>;
    'metrics-over-time': VueCustomElement<MetricsOverTime>;
    'engagement-funnel': VueCustomElement<EngagementFunnel>;
    'devices-overview': VueCustomElement<DevicesOverview>;
    'user-engagement': VueCustomElement<UserEngagement>;
    'engagement-heatmap': VueCustomElement<EngagementHeatmap>;
    'class-engagement': VueCustomElement<ClassEngagement>;
    'top-countries': VueCustomElement<TopCountries>;
    'top-domains-table': VueCustomElement<TopDomainsTable>;
  }
}
