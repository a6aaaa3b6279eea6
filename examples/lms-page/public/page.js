// The page's one script (a file: the policy allows no inline script). The bundle registers the elements; the sample
// generator stands in for the platform's own data source.
import { createEventsProvider } from '/ea/entry-analytics.bundle.min.js';
import { generateSample } from '/ea/data/sample/index.js';

const dashboard = document.querySelector('entry-analytics');
dashboard.provider = createEventsProvider(generateSample({ events: 40_000, days: 90 }));
