import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/metrics-over-time/define.js';
import type { DataProvider } from '../src/data/types.js';
import {
  SAMPLE_ENTRY_ID,
  SAMPLE_IMAGE_ID,
  emptyProvider,
  failingProvider,
  hangingProvider,
  sampleProvider,
  sampleRange,
  common,
  commonArgs,
  commonArgTypes,
  timeZoneArgType,
  compareArgs,
  type CommonArgs,
} from './support.js';
import { addMonths } from '../src/data/dates.js';

interface Args extends CommonArgs {
  metric: string;
  secondMetric: string;
  granularity: 'day' | 'month';
  details: boolean;
}

const METRICS = ['impressions', 'plays', 'uniqueViewers', 'minutesViewed', 'avgCompletionRate', 'avgDropOffRate'];
const long = sampleRange(120);
/** From the 15th of the month two months back to today: a partial first month and the current month still filling. */
const midMonth = { from: `${addMonths(`${long.to.slice(0, 7)}-01`, -2).slice(0, 7)}-15`, to: long.to };

const render = (args: Args, provider: DataProvider = sampleProvider()) => html`<metrics-over-time
  ${common(args, provider)}
  metric=${args.metric}
  second-metric=${args.secondMetric}
  granularity=${args.granularity}
  ?details=${args.details}
></metrics-over-time>`;

const meta: Meta<Args> = {
  title: 'Panels/metrics-over-time',
  component: 'metrics-over-time',
  args: {
    ...commonArgs(),
    metric: 'plays',
    secondMetric: '',
    granularity: 'day',
    details: false,
  },
  argTypes: {
    ...commonArgTypes,
    timeZone: timeZoneArgType,
    entryId: { control: 'select', options: [SAMPLE_ENTRY_ID, SAMPLE_IMAGE_ID], description: 'entry-id' },
    metric: { control: 'select', options: METRICS },
    secondMetric: { control: 'select', options: ['', ...METRICS], description: 'second-metric (empty: none)' },
    granularity: { control: 'inline-radio', options: ['day', 'month'] },
    details: { control: 'boolean', description: 'Show the details table' },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

/** Plays per day over the last 30 days. */
export const Default: Story = {};

/** With the previous 30 days as compare period, aligned day by day. */
export const Compare: Story = { args: compareArgs() };

/** Plays with the average completion rate on a second axis. */
export const SecondMetric: Story = { args: { secondMetric: 'avgCompletionRate' } };

/** 120 days, monthly, with the details table open. */
export const MonthlyDetails: Story = { args: { from: long.from, to: long.to, granularity: 'month', details: true } };

/**
 * Monthly from mid-month to today: the first month holds only half its days and the current one is not over, so
 * both are drawn as hollow points joined by dotted segments, and their tooltips and table rows say how much they hold.
 */
export const PartialMonths: Story = { args: { from: midMonth.from, to: midMonth.to, granularity: 'month', details: true } };

/** The image entry: impressions and plays over time still make sense. */
export const Image: Story = { args: { entryId: SAMPLE_IMAGE_ID, metric: 'impressions' } };

/** Arabic: Arabic digits, mirrored chart and arrow keys. */
export const RightToLeft: Story = { args: { lang: 'ar', ...compareArgs() } };

/** The provider never answers: the loading skeleton, then the timeout error. */
export const Loading: Story = { render: (args) => render(args, hangingProvider()) };

/** The provider rejects: the error message with Retry. */
export const Error: Story = { render: (args) => render(args, failingProvider()) };

/** The provider answers zeros. */
export const Empty: Story = { render: (args) => render(args, emptyProvider()) };
