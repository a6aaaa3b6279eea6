import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/class-engagement/define.js';
import { VIDEO_MARKERS } from '../src/data/sample/index.js';
import type { DataProvider, Marker } from '../src/data/types.js';
import {
  emptyProvider,
  failingProvider,
  hangingProvider,
  sampleProvider,
  common,
  commonArgs,
  commonArgTypes,
  compareArgs,
  type CommonArgs,
} from './support.js';

interface Args extends CommonArgs {
  search: string;
  limit: number;
  privacyFloor: number;
  markers: Marker[];
}

const render = (args: Args, provider: DataProvider = sampleProvider()) => html`<class-engagement
  ${common(args, provider)}
  search=${args.search}
  limit=${args.limit}
  privacy-floor=${args.privacyFloor}
  .markers=${args.markers}
></class-engagement>`;

const meta: Meta<Args> = {
  title: 'Panels/class-engagement',
  component: 'class-engagement',
  args: {
    ...commonArgs(),
    search: '',
    limit: 10_000,
    privacyFloor: 0,
    markers: VIDEO_MARKERS.map((m) => ({ ...m })),
  },
  argTypes: {
    ...commonArgTypes,
    compareFrom: { control: 'text', description: 'Compare period start (the class view shows the main range)' },
    compareTo: { control: 'text', description: 'Compare period end' },
    search: { control: 'text', description: 'Only users whose name or id contains this' },
    limit: { control: { type: 'number', min: 1 } },
    privacyFloor: { control: { type: 'number', min: 0 }, description: 'privacy-floor: hide counts under N users' },
    markers: { control: 'object', description: 'Chapters ({time, label, kind}) on the axis' },
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
export const Compare: Story = { args: compareArgs() };

/** Arabic: mirrored chart. */
export const RightToLeft: Story = { args: { lang: 'ar' } };

/** The provider never answers: the loading skeleton, then the timeout error. */
export const Loading: Story = { render: (args) => render(args, hangingProvider()) };

/** The provider rejects: the error message with Retry. */
export const Error: Story = { render: (args) => render(args, failingProvider()) };

/** No user watched in the period. */
export const Empty: Story = { render: (args) => render(args, emptyProvider()) };
