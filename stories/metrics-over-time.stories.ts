import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/metrics-over-time/define.js';
import { previousPeriod } from '../src/data/dates.js';
import type { DataProvider } from '../src/data/types.js';
import {
  SAMPLE_ENTRY_ID,
  SAMPLE_IMAGE_ID,
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
  metric: string;
  secondMetric: string;
  granularity: 'day' | 'month';
  details: boolean;
  timeout: number;
}

const METRICS = ['impressions', 'plays', 'uniqueViewers', 'minutesViewed', 'avgCompletionRate', 'avgDropOffRate'];
const range = sampleRange();
const compare = previousPeriod(range);
const long = sampleRange(120);

const render = (args: Args, provider: DataProvider = sampleProvider()) => html`<metrics-over-time
  .provider=${provider}
  entry-id=${args.entryId}
  from=${args.from}
  to=${args.to}
  compare-from=${args.compareFrom}
  compare-to=${args.compareTo}
  time-zone=${args.timeZone}
  lang=${args.lang}
  metric=${args.metric}
  second-metric=${args.secondMetric}
  granularity=${args.granularity}
  ?details=${args.details}
  .timeout=${args.timeout}
></metrics-over-time>`;

const meta: Meta<Args> = {
  title: 'Panels/metrics-over-time',
  component: 'metrics-over-time',
  args: {
    entryId: SAMPLE_ENTRY_ID,
    from: range.from,
    to: range.to,
    compareFrom: '',
    compareTo: '',
    timeZone: SAMPLE_TIME_ZONE,
    lang: 'en',
    metric: 'plays',
    secondMetric: '',
    granularity: 'day',
    details: false,
    timeout: 30_000,
  },
  argTypes: {
    entryId: { control: 'select', options: [SAMPLE_ENTRY_ID, SAMPLE_IMAGE_ID], description: 'entry-id' },
    from: { control: 'text', description: 'First day, YYYY-MM-DD' },
    to: { control: 'text', description: 'Last day, YYYY-MM-DD' },
    compareFrom: { control: 'text', description: 'First day of the compare period (empty: no compare)' },
    compareTo: { control: 'text', description: 'Last day of the compare period' },
    timeZone: { control: 'select', options: ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo'] },
    lang: { control: 'select', options: ['en', 'de', 'fr', 'ar', 'ja'] },
    metric: { control: 'select', options: METRICS },
    secondMetric: { control: 'select', options: ['', ...METRICS], description: 'second-metric (empty: none)' },
    granularity: { control: 'inline-radio', options: ['day', 'month'] },
    details: { control: 'boolean', description: 'Show the details table' },
    timeout: { control: { type: 'number', min: 100, step: 1000 } },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

/** Plays per day over the last 30 days. */
export const Default: Story = {};

/** With the previous 30 days as compare period, aligned day by day. */
export const Compare: Story = { args: { compareFrom: compare.from, compareTo: compare.to } };

/** Plays with the average completion rate on a second axis. */
export const SecondMetric: Story = { args: { secondMetric: 'avgCompletionRate' } };

/** 120 days, monthly, with the details table open. */
export const MonthlyDetails: Story = { args: { from: long.from, to: long.to, granularity: 'month', details: true } };

/** The image entry: impressions and plays over time still make sense. */
export const Image: Story = { args: { entryId: SAMPLE_IMAGE_ID, metric: 'impressions' } };

/** Arabic: Arabic digits, mirrored chart and arrow keys. */
export const RightToLeft: Story = { args: { lang: 'ar', compareFrom: compare.from, compareTo: compare.to } };

/** The provider never answers: the loading skeleton, then the timeout error. */
export const Loading: Story = { render: (args) => render(args, hangingProvider()) };

/** The provider rejects: the error message with Retry. */
export const Error: Story = { render: (args) => render(args, failingProvider()) };

/** The provider answers zeros. */
export const Empty: Story = { render: (args) => render(args, emptyProvider()) };
