import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/engagement-funnel/define.js';
import { previousPeriod } from '../src/data/dates.js';
import type { DataProvider } from '../src/data/types.js';
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
  step: 25 | 50 | 75 | 100;
  timeout: number;
}

const range = sampleRange();
const compare = previousPeriod(range);

const render = (args: Args, provider: DataProvider = sampleProvider()) => html`<engagement-funnel
  .provider=${provider}
  entry-id=${args.entryId}
  from=${args.from}
  to=${args.to}
  compare-from=${args.compareFrom}
  compare-to=${args.compareTo}
  time-zone=${args.timeZone}
  lang=${args.lang}
  play-through=${args.step}
  .timeout=${args.timeout}
></engagement-funnel>`;

const meta: Meta<Args> = {
  title: 'Panels/engagement-funnel',
  component: 'engagement-funnel',
  args: {
    entryId: SAMPLE_ENTRY_ID,
    from: range.from,
    to: range.to,
    compareFrom: '',
    compareTo: '',
    timeZone: SAMPLE_TIME_ZONE,
    lang: 'en',
    step: 50,
    timeout: 30_000,
  },
  argTypes: {
    entryId: { control: 'text', description: 'entry-id' },
    from: { control: 'text', description: 'First day, YYYY-MM-DD' },
    to: { control: 'text', description: 'Last day, YYYY-MM-DD' },
    compareFrom: { control: 'text', description: 'First day of the compare period (empty: no compare)' },
    compareTo: { control: 'text', description: 'Last day of the compare period' },
    timeZone: { control: 'select', options: ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo'] },
    lang: { control: 'select', options: ['en', 'de', 'fr', 'ar', 'ja'] },
    step: { control: 'inline-radio', options: [25, 50, 75, 100], description: 'play-through: the last step' },
    timeout: { control: { type: 'number', min: 100, step: 1000 } },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

/** The sample lecture over the last 30 days, to plays reaching 50 %. */
export const Default: Story = {};

/** With the previous 30 days side by side. */
export const Compare: Story = { args: { compareFrom: compare.from, compareTo: compare.to } };

/** To plays that reached the end. */
export const Completed: Story = { args: { step: 100 } };

/** Arabic: Arabic digits and a right-to-left layout. */
export const RightToLeft: Story = { args: { lang: 'ar', compareFrom: compare.from, compareTo: compare.to } };

/** The provider never answers: the loading skeleton, then the timeout error. */
export const Loading: Story = { render: (args) => render(args, hangingProvider()) };

/** The provider rejects: the error message with Retry. */
export const Error: Story = { render: (args) => render(args, failingProvider()) };

/** The provider answers zeros. */
export const Empty: Story = { render: (args) => render(args, emptyProvider()) };
