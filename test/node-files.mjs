// Which test files run in Node instead of a browser page.
//
// These tests exercise pure code (the engine, layouts, parsers, formatting, CSV, validation): nothing in them or in
// what they import touches the DOM. Running them in Node (mocha over an esbuild bundle, scripts/test-node.mjs) costs
// no browser page per file and proves that the pure layers really do run outside a browser (workers, servers).
// Everything else runs in headless Chromium through @web/test-runner (web-test-runner.config.mjs excludes these).
//
// A test that needs the DOM or the dev server (fixture(), document, the Kaltura mock's URL module) does not belong in
// these folders; when one lands here by mistake it fails in Node with "document is not defined" and says where.
export const nodeTestFiles = [
  'test/charts/**/*.test.ts',
  'test/data/**/*.test.ts',
  'test/engine/**/*.test.ts',
  'test/i18n/**/*.test.ts',
  'test/sample/**/*.test.ts',
  'test/kaltura/parser.test.ts',
  'test/kaltura/mapping.test.ts',
  'test/shell/presets.test.ts',
];
