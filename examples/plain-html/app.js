// The single-file bundle registers every element and exports the providers; the sample generator sits beside it
// (dist/data/sample/index.js, plain relative imports). build.mjs copies the package's dist/ to ./entry-analytics/.
import { createEventsProvider } from './entry-analytics/entry-analytics.bundle.min.js';
import { generateSample, SAMPLE_VIDEO_ID } from './entry-analytics/data/sample/index.js';

const data = generateSample({ events: 40_000, days: 90 });
const dashboard = document.getElementById('dashboard');
dashboard.entryId = SAMPLE_VIDEO_ID;
dashboard.provider = createEventsProvider(data);
