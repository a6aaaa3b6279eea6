/**
 * Deterministic sample data for the demo, the stories, the tests and the benchmarks: KAVA-like player events for a
 * ~14-minute lecture video and an image, with a user directory. See docs/sample-data.md.
 * @packageDocumentation
 */
export {
  generateSample,
  generateSampleEvents,
  DEFAULT_DAYS,
  DEFAULT_EVENTS,
  DEFAULT_USERS,
  type RawEvent,
  type SampleData,
  type SampleOptions,
} from './generate.js';
export { SAMPLE_IMAGE_ID, SAMPLE_PARTNER_ID, SAMPLE_VIDEO_ID, VIDEO_DURATION, VIDEO_MARKERS } from './content.js';
