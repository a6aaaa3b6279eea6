import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';

// The analytics page is loaded lazily, the case where bare tags would lose their provider (React 19 sets an object or
// function prop as a property only on a tag that is already defined). entry-analytics/react imports the definitions
// along with the components, so whatever loads when, the provider arrives as a property.
const Analytics = lazy(() => import('./Analytics'));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <h1>Video analytics</h1>
    <Suspense fallback={<p>Loading…</p>}>
      <Analytics />
    </Suspense>
  </StrictMode>,
);
