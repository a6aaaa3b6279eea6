import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/devices-overview/define.js';
import { DEVICE_METRICS } from '../src/elements/devices-overview/devices-overview.js';
import { previousPeriod } from '../src/data/dates.js';
import { SAMPLE_ENTRY_ID, emptyProvider, failingProvider, hangingProvider, sampleProvider, sampleRange } from './support.js';

interface Args {
  metric: string;
  showTable: boolean;
  lang: string;
  compare: boolean;
}

const range = sampleRange();
const compare = previousPeriod(range);

const render = (args: Args, provider = sampleProvider()) => html`<devices-overview
  .provider=${provider}
  entry-id=${SAMPLE_ENTRY_ID}
  from=${range.from}
  to=${range.to}
  compare-from=${args.compare ? compare.from : ''}
  compare-to=${args.compare ? compare.to : ''}
  metric=${args.metric}
  ?show-table=${args.showTable}
  lang=${args.lang}
  @filter-add=${(e: CustomEvent) => console.log('filter-add', e.detail)}
></devices-overview>`;

const meta: Meta<Args> = {
  title: 'Panels/devices-overview',
  component: 'devices-overview',
  args: { metric: 'plays', showTable: false, lang: 'en', compare: false },
  argTypes: {
    metric: { control: 'select', options: [...DEVICE_METRICS] },
    showTable: { control: 'boolean' },
    lang: { control: 'select', options: ['en', 'de', 'fr', 'ar', 'he', 'ja'] },
    compare: { control: 'boolean' },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Loading: Story = { render: (args) => render(args, hangingProvider()) };
export const Error: Story = { render: (args) => render(args, failingProvider('The analytics service is unavailable')) };
export const Empty: Story = { render: (args) => render(args, emptyProvider()) };
export const Compare: Story = { args: { compare: true } };
export const RightToLeft: Story = { args: { lang: 'ar' } };
