// Dev-server plugins the tests need besides TypeScript. Kept apart so that features (e.g. a local Kaltura-compatible
// endpoint) can add their own without touching the runner's config.
export function testServerPlugins() {
  return [];
}
