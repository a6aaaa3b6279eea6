import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/devices-overview/define.js';
import { DEVICE_METRICS } from '../src/elements/devices-overview/devices-overview.js';
import type { DataProvider } from '../src/data/types.js';
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
  metric: string;
  showTable: boolean;
}

const render = (args: Args, provider: DataProvider = sampleProvider()) => html`<devices-overview
  ${common(args, provider)}
  metric=${args.metric}
  ?show-table=${args.showTable}
  @filter-add=${(e: CustomEvent) => console.log('filter-add', e.detail)}
></devices-overview>`;

const meta: Meta<Args> = {
  title: 'Panels/devices-overview',
  component: 'devices-overview',
  args: { ...commonArgs(), metric: 'plays', showTable: false },
  argTypes: {
    ...commonArgTypes,
    metric: { control: 'select', options: [...DEVICE_METRICS] },
    showTable: { control: 'boolean' },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Loading: Story = { render: (args) => render(args, hangingProvider()) };
export const Error: Story = { render: (args) => render(args, failingProvider('The analytics service is unavailable')) };
export const Empty: Story = { render: (args) => render(args, emptyProvider()) };
export const Compare: Story = { args: compareArgs() };
export const RightToLeft: Story = { args: { lang: 'ar' } };
