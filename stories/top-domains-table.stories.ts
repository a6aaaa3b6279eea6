import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/top-domains-table/define.js';
import { DOMAIN_GRAPH_METRICS } from '../src/elements/top-domains-table/top-domains-table.js';
import type { DataProvider } from '../src/data/types.js';
import {
  emptyProvider,
  failingProvider,
  hangingProvider,
  sampleProvider,
  common,
  commonArgs,
  commonArgTypes,
  timeZoneArgType,
  compareArgs,
  type CommonArgs,
} from './support.js';

interface Args extends CommonArgs {
  pageSize: number;
  domain: string;
  granularity: 'day' | 'month';
  graphMetric: string;
}

const render = (args: Args, provider: DataProvider = sampleProvider()) => html`<top-domains-table
  ${common(args, provider)}
  page-size=${args.pageSize}
  domain=${args.domain}
  granularity=${args.granularity}
  graph-metric=${args.graphMetric}
  @filter-add=${(e: CustomEvent) => console.log('filter-add', e.detail)}
></top-domains-table>`;

const meta: Meta<Args> = {
  title: 'Panels/top-domains-table',
  component: 'top-domains-table',
  args: { ...commonArgs(), pageSize: 5, domain: '', granularity: 'day', graphMetric: 'plays' },
  argTypes: {
    ...commonArgTypes,
    timeZone: timeZoneArgType,
    pageSize: { control: { type: 'number', min: 1, max: 50 } },
    domain: { control: 'text', description: 'Drill into this domain (empty: the domains list)' },
    granularity: { control: 'inline-radio', options: ['day', 'month'] },
    graphMetric: { control: 'select', options: [...DOMAIN_GRAPH_METRICS] },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Loading: Story = { render: (args) => render(args, hangingProvider()) };
export const Error: Story = { render: (args) => render(args, failingProvider('The analytics service is unavailable')) };
export const Empty: Story = { render: (args) => render(args, emptyProvider()) };
/** Each domain's plays in the previous period and the change (asked for the domains on the page). */
export const Compare: Story = { args: compareArgs() };
/** A domain's pages with their compare columns, and its graph with the previous period's line, dashed. */
export const CompareDomain: Story = { args: { ...compareArgs(), domain: 'lms.northfield.edu' } };
export const TenRowsPerPage: Story = { args: { pageSize: 10 } };
export const RightToLeft: Story = { args: { lang: 'he' } };
