/**
 * Where the sample video is embedded (referring pages, by host) and what plays it (device classes with their usual
 * operating systems and browsers). Host names are of a fictional university plus well-known public sites; page paths
 * are made up.
 */
import type { Device } from '../types.js';

export interface Site {
  /** Host as it appears in the URL (may start with `www.`). */
  host: string;
  weight: number;
  /** Page paths (with query string where such sites use one). */
  pages: readonly string[];
  /** Playback context (category) the player is configured with on this site. */
  context: string;
  /** Share of viewers coming from this site that are signed in (have a userId). */
  signedIn: number;
}

/** Playback contexts (Kaltura categories) of the sample. */
export const CONTEXTS = {
  course: 'Courses>BIO-101 Introduction to Ecology',
  channel: 'MediaSpace>site>channels>Science Week',
  gallery: 'MediaSpace>site>galleries>Public Lectures',
  training: 'Training>Teaching with Video',
  social: 'Embeds>Social',
} as const;

export const SITES: readonly Site[] = [
  {
    host: 'lms.northfield.edu',
    weight: 30,
    context: CONTEXTS.course,
    signedIn: 0.97,
    pages: [
      '/course/view.php?id=1842',
      '/mod/page/view.php?id=55120',
      '/mod/quiz/view.php?id=55133',
      '/mod/forum/discuss.php?d=9981',
      '/course/view.php?id=1842&section=3',
    ],
  },
  {
    host: 'media.northfield.edu',
    weight: 16,
    context: CONTEXTS.gallery,
    signedIn: 0.75,
    pages: [
      '/media/The+Carbon+Cycle+Explained/1_v8k2m4qz',
      '/channel/Science+Week/311204',
      '/category/Public+Lectures/298811',
      '/search?keyword=carbon+cycle',
      '/my-media',
    ],
  },
  {
    host: 'canvas.instructure.com',
    weight: 9,
    context: CONTEXTS.course,
    signedIn: 0.95,
    pages: [
      '/courses/48213/pages/week-3-carbon-cycle',
      '/courses/48213/modules',
      '/courses/48213/assignments/771201',
      '/courses/51877/pages/ecology-resources',
    ],
  },
  {
    host: 'www.northfield.edu',
    weight: 8,
    context: CONTEXTS.channel,
    signedIn: 0.35,
    pages: ['/science-week', '/science-week/programme', '/news/2026/climate-lecture-series', '/biology/undergraduate'],
  },
  {
    host: 'teams.microsoft.com',
    weight: 6,
    context: CONTEXTS.training,
    signedIn: 0.9,
    pages: ['/l/channel/19%3Aa81c/General', '/l/channel/19%3Ab3f0/Teaching%20Resources', '/l/meetup-join/19%3Ameeting_MzQ1'],
  },
  {
    host: 'www.google.com',
    weight: 6,
    context: CONTEXTS.gallery,
    signedIn: 0.2,
    pages: ['/search?q=carbon+cycle+lecture', '/search?q=carbon+cycle+explained', '/search?q=ecology+lecture+video'],
  },
  {
    host: 'www.linkedin.com',
    weight: 4,
    context: CONTEXTS.social,
    signedIn: 0.15,
    pages: ['/feed/', '/posts/northfield-university_carbon-cycle-activity-7241', '/company/northfield-university/posts/'],
  },
  {
    host: 'l.facebook.com',
    weight: 4,
    context: CONTEXTS.social,
    signedIn: 0.1,
    pages: ['/l.php?u=https%3A%2F%2Fmedia.northfield.edu', '/l.php?u=https%3A%2F%2Fwww.northfield.edu%2Fscience-week'],
  },
  {
    host: 't.co',
    weight: 2.5,
    context: CONTEXTS.social,
    signedIn: 0.1,
    pages: ['/Xk2Lm9QpZ1', '/aB7cD2eF9g', '/Qw3Er5Ty7U'],
  },
  {
    host: 'www.reddit.com',
    weight: 2,
    context: CONTEXTS.social,
    signedIn: 0.08,
    pages: ['/r/biology/comments/1f8k2x/', '/r/climate/comments/1g0a9z/', '/r/GetStudying/comments/1e77qp/'],
  },
  {
    host: 'mail.google.com',
    weight: 3,
    context: CONTEXTS.channel,
    signedIn: 0.6,
    pages: ['/mail/u/0/', '/mail/u/1/', '/mail/u/0/#inbox'],
  },
  {
    host: 'library.northfield.edu',
    weight: 3,
    context: CONTEXTS.gallery,
    signedIn: 0.8,
    pages: ['/guides/ecology', '/guides/ecology/videos', '/research/climate'],
  },
  {
    host: 'edu.wikiversity.example.org',
    weight: 1.5,
    context: CONTEXTS.gallery,
    signedIn: 0.05,
    pages: ['/wiki/Carbon_cycle', '/wiki/Ecology/Week_3', '/wiki/Biogeochemical_cycles'],
  },
];

export interface DeviceProfile {
  device: Device;
  weight: number;
  /** [os, weight] */
  os: ReadonlyArray<readonly [string, number]>;
  /** [browser, weight] */
  browsers: ReadonlyArray<readonly [string, number]>;
}

export const DEVICE_PROFILES: readonly DeviceProfile[] = [
  {
    device: 'Computer',
    weight: 56,
    os: [['Windows 11', 34], ['Windows 10', 24], ['macOS', 30], ['Linux', 5], ['ChromeOS', 7]],
    browsers: [['Chrome', 60], ['Edge', 16], ['Safari', 12], ['Firefox', 11], ['Opera', 1]],
  },
  {
    device: 'Mobile',
    weight: 30,
    os: [['Android', 55], ['iOS', 45]],
    browsers: [['Chrome Mobile', 48], ['Mobile Safari', 40], ['Samsung Internet', 9], ['Firefox Mobile', 3]],
  },
  {
    device: 'Tablet',
    weight: 8,
    os: [['iPadOS', 65], ['Android', 35]],
    browsers: [['Mobile Safari', 60], ['Chrome Mobile', 35], ['Samsung Internet', 5]],
  },
  {
    device: 'Digital media receiver',
    weight: 2.5,
    os: [['tvOS', 40], ['Android TV', 35], ['Roku OS', 25]],
    browsers: [['Kaltura TV App', 100]],
  },
  {
    device: 'Game console',
    weight: 1,
    os: [['Xbox OS', 55], ['PlayStation OS', 45]],
    browsers: [['Edge', 55], ['PlayStation Browser', 45]],
  },
  {
    device: 'Other',
    weight: 2.5,
    os: [['Unknown', 70], ['KaiOS', 30]],
    browsers: [['Unknown', 80], ['Bot', 20]],
  },
];
