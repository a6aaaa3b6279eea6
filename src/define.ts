/**
 * Registers every element of the library (each registration is guarded, so loading this twice is harmless) and
 * re-exports the library, so `import { createEventsProvider } from 'entry-analytics/define.js'` also works.
 */
import './elements/entry-highlights/define.js';
import './elements/playback-views/define.js';
import './elements/metrics-over-time/define.js';
import './elements/engagement-funnel/define.js';
import './elements/devices-overview/define.js';
import './elements/user-engagement/define.js';
import './elements/engagement-heatmap/define.js';
import './elements/class-engagement/define.js';
import './elements/top-countries/define.js';
import './elements/top-domains-table/define.js';
import './shell/define.js';

export * from './index.js';
