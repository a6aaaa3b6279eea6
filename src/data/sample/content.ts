/**
 * The two sample entries (a lecture video and an image) and how viewers behave on the video: where they skip,
 * where they go back, where they leave.
 */
import type { EntryResult, Marker } from '../types.js';

export const SAMPLE_VIDEO_ID = '1_v8k2m4qz';
export const SAMPLE_IMAGE_ID = '1_i3n7p5xw';
export const SAMPLE_PARTNER_ID = 2541873;

/** Duration of the sample lecture, seconds (14 min 2 s). */
export const VIDEO_DURATION = 842;

export const VIDEO_MARKERS: readonly Marker[] = [
  { time: 0, label: 'Introduction', kind: 'chapter' },
  { time: 78, label: 'Why the carbon cycle matters', kind: 'chapter' },
  { time: 210, label: 'Reservoirs and fluxes', kind: 'chapter' },
  { time: 392, label: "Worked example: a forest's carbon budget", kind: 'chapter' },
  { time: 545, label: 'Human influence', kind: 'chapter' },
  { time: 655, label: 'Quick check: fluxes and reservoirs', kind: 'quiz' },
  { time: 700, label: 'Summary and further reading', kind: 'chapter' },
];

/** Start times of the chapters: viewers who leave tend to leave just after one starts. */
export const CHAPTER_STARTS: readonly number[] = VIDEO_MARKERS.filter((m) => m.kind === 'chapter' && m.time > 0).map(
  (m) => m.time,
);

/** The part many skip: from somewhere in [fromMin, fromMax] a jump to [toMin, toMax], with probability p. */
export const SKIP = { fromMin: 84, fromMax: 112, toMin: 207, toMax: 216, p: 0.36 } as const;

/** Passages viewers re-watch: on reaching `at` (± 3 s), a seek back to `back` (± 4 s) with probability p. */
export const REWATCH: ReadonlyArray<{ at: number; back: number; p: number }> = [
  { at: 300, back: 262, p: 0.34 }, // the flux equation, in "Reservoirs and fluxes"
  { at: 482, back: 421, p: 0.24 }, // the forest budget worked example
  { at: 664, back: 602, p: 0.12 }, // back before the quiz
];

export const OWNER = { id: 'e.okafor@northfield.edu', name: 'Dr. Ebere Okafor' };

/** The two entries, created `createdMs` (epoch ms). */
export function sampleEntries(createdMs: number): [EntryResult, EntryResult] {
  const created = new Date(createdMs).toISOString();
  const video: EntryResult = {
    id: SAMPLE_VIDEO_ID,
    name: 'The Carbon Cycle Explained (Lecture 3, Introduction to Ecology)',
    type: 'video',
    duration: VIDEO_DURATION,
    owner: { ...OWNER },
    created,
    links: [
      { label: 'Open in MediaSpace', href: `https://media.northfield.edu/media/The+Carbon+Cycle+Explained/${SAMPLE_VIDEO_ID}` },
      { label: 'Course page', href: 'https://lms.northfield.edu/course/view.php?id=1842' },
    ],
    markers: VIDEO_MARKERS.map((m) => ({ ...m })),
  };
  const image: EntryResult = {
    id: SAMPLE_IMAGE_ID,
    name: 'Carbon cycle diagram (poster)',
    type: 'image',
    duration: 0,
    owner: { ...OWNER },
    created: new Date(createdMs + 3_600_000).toISOString(),
    links: [{ label: 'Open in MediaSpace', href: `https://media.northfield.edu/media/Carbon+cycle+diagram/${SAMPLE_IMAGE_ID}` }],
  };
  return [video, image];
}
