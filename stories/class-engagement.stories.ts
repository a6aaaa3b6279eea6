import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/class-engagement/define.js';
import { VIDEO_MARKERS } from '../src/data/sample/index.js';
import { previousPeriod } from '../src/data/dates.js';
import type { DataProvider, Marker } from '../src/data/types.js';
import {
  SAMPLE_ENTRY_ID,
  SAMPLE_TIME_ZONE,
  emptyProvider,
  failingProvider,
  hangingProvider,
  sampleProvider,
  sampleRange,
} from './support.js';

interface Args {
  entryId: string;
  from: string;
  to: string;
  compareFrom: string;
  compareTo: string;
  timeZone: string;
  lang: string;
  search: string;
  limit: number;
  privacyFloor: number;
  markers: Marker[];
  timeout: number;
}

const range = sampleRange();
const compare = previousPeriod(range);

const render = (args: Args, provider: DataProvider = sampleProvider()) => html`<class-engagement
  .provider=${provider}
  entry-id=${args.entryId}
  from=${args.from}
  to=${args.to}
  compare-from=${args.compareFrom}
  compare-to=${args.compareTo}
  time-zone=${args.timeZone}
  lang=${args.lang}
  search=${args.search}
  limit=${args.limit}
  privacy-floor=${args.privacyFloor}
  .markers=${args.markers}
  .timeout=${args.timeout}
></class-engagement>`;

const meta: Meta<Args> = {
  title: 'Panels/class-engagement',
  component: 'class-engagement',
  args: {
    entryId: SAMPLE_ENTRY_ID,
    from: range.from,
    to: range.to,
    compareFrom: '',
    compareTo: '',
    timeZone: SAMPLE_TIME_ZONE,
    lang: 'en',
    search: '',
    limit: 10_000,
    privacyFloor: 0,
    markers: VIDEO_MARKERS.map((m) => ({ ...m })),
    timeout: 30_000,
  },
  argTypes: {
    entryId: { control: 'text', description: 'entry-id' },
    from: { control: 'text', description: 'First day, YYYY-MM-DD' },
    to: { control: 'text', description: 'Last day, YYYY-MM-DD' },
    compareFrom: { control: 'text', description: 'Compare period start (the class view shows the main range)' },
    compareTo: { control: 'text', description: 'Compare period end' },
    timeZone: { control: 'select', options: ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo'] },
    lang: { control: 'select', options: ['en', 'de', 'fr', 'ar', 'ja'] },
    search: { control: 'text', description: 'Only users whose name or id contains this' },
    limit: { control: { type: 'number', min: 1 } },
    privacyFloor: { control: { type: 'number', min: 0 }, description: 'privacy-floor: hide counts under N users' },
    markers: { control: 'object', description: 'Chapters ({time, label, kind}) on the axis' },
    timeout: { control: { type: 'number', min: 100, step: 1000 } },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

/** The whole class over the last 30 days: type 4:00 and 6:00 to find who has not watched minutes 4–6. */
export const Default: Story = {};

/** A group under the privacy floor (fewer than 1,000 users): class figures hidden. */
export const PrivacyFloor: Story = { args: { search: 'an', privacyFloor: 1000 } };

/** A compare period set: the class view still shows the main range. */
export const Compare: Story = { args: { compareFrom: compare.from, compareTo: compare.to } };

/** Arabic: mirrored chart. */
export const RightToLeft: Story = { args: { lang: 'ar' } };

/** The provider never answers: the loading skeleton, then the timeout error. */
export const Loading: Story = { render: (args) => render(args, hangingProvider()) };

/** The provider rejects: the error message with Retry. */
export const Error: Story = { render: (args) => render(args, failingProvider()) };

/** No user watched in the period. */
export const Empty: Story = { render: (args) => render(args, emptyProvider()) };
