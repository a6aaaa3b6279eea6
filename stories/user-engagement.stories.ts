import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/user-engagement/define.js';
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
  pageSize: number;
  search: string;
  classView: boolean;
  privacyFloor: number;
  markers: Marker[];
}

const render = (args: Args, provider: DataProvider = sampleProvider()) => html`<user-engagement
  ${common(args, provider)}
  page-size=${args.pageSize}
  search=${args.search}
  ?class-view=${args.classView}
  privacy-floor=${args.privacyFloor}
  .markers=${args.markers}
  @user-select=${(e: CustomEvent) => console.log('user-select', e.detail)}
></user-engagement>`;

const meta: Meta<Args> = {
  title: 'Panels/user-engagement',
  component: 'user-engagement',
  args: {
    ...commonArgs(),
    pageSize: 25,
    search: '',
    classView: false,
    privacyFloor: 0,
    markers: VIDEO_MARKERS.map((m) => ({ ...m })),
  },
  argTypes: {
    ...commonArgTypes,
    compareFrom: { control: 'text', description: 'Compare period start (the per-user table shows the main range)' },
    compareTo: { control: 'text', description: 'Compare period end' },
    pageSize: { control: 'select', options: [10, 25, 50, 100], description: 'page-size' },
    search: { control: 'text', description: 'Initial filter (name or id)' },
    classView: { control: 'boolean', description: 'class-view: show the class-wide view' },
    privacyFloor: { control: { type: 'number', min: 0 }, description: 'privacy-floor of the class view' },
    markers: { control: 'object', description: 'Chapters ({time, label, kind}) for the heatmaps' },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

/** The sample lecture's students over the last 30 days; expand a row for its heatmap. */
export const Default: Story = {};

/** With the class view open: tiers per part of the lecture, who missed a span, re-watched and skipped passages. */
export const ClassView: Story = { args: { classView: true } };

/** A compare period set: the per-user table still shows the main range (per-user figures have no trend). */
export const Compare: Story = { args: compareArgs() };

/** Arabic: Arabic digits, mirrored layout and heatmaps. */
export const RightToLeft: Story = { args: { lang: 'ar' } };

/** The provider never answers: the loading skeleton, then the timeout error. */
export const Loading: Story = { render: (args) => render(args, hangingProvider()) };

/** The provider rejects: the error message with Retry. */
export const Error: Story = { render: (args) => render(args, failingProvider()) };

/** No user watched in the period. */
export const Empty: Story = { render: (args) => render(args, emptyProvider()) };
