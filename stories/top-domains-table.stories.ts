import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/top-domains-table/define.js';
import { DOMAIN_GRAPH_METRICS } from '../src/elements/top-domains-table/top-domains-table.js';
import { previousPeriod } from '../src/data/dates.js';
import { SAMPLE_ENTRY_ID, emptyProvider, failingProvider, hangingProvider, sampleProvider, sampleRange } from './support.js';

interface Args {
  pageSize: number;
  domain: string;
  granularity: 'day' | 'month';
  graphMetric: string;
  lang: string;
  compare: boolean;
}

const range = sampleRange();
const compare = previousPeriod(range);

const render = (args: Args, provider = sampleProvider()) => html`<top-domains-table
  .provider=${provider}
  entry-id=${SAMPLE_ENTRY_ID}
  from=${range.from}
  to=${range.to}
  compare-from=${args.compare ? compare.from : ''}
  compare-to=${args.compare ? compare.to : ''}
  page-size=${args.pageSize}
  domain=${args.domain}
  granularity=${args.granularity}
  graph-metric=${args.graphMetric}
  lang=${args.lang}
  @filter-add=${(e: CustomEvent) => console.log('filter-add', e.detail)}
></top-domains-table>`;

const meta: Meta<Args> = {
  title: 'Panels/top-domains-table',
  component: 'top-domains-table',
  args: { pageSize: 5, domain: '', granularity: 'day', graphMetric: 'plays', lang: 'en', compare: false },
  argTypes: {
    pageSize: { control: { type: 'number', min: 1, max: 50 } },
    domain: { control: 'text', description: 'Drill into this domain (empty: the domains list)' },
    granularity: { control: 'inline-radio', options: ['day', 'month'] },
    graphMetric: { control: 'select', options: [...DOMAIN_GRAPH_METRICS] },
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
/** Each domain's plays in the previous period and the change (asked for the domains on the page). */
export const Compare: Story = { args: { compare: true } };
/** A domain's pages with their compare columns, and its graph with the previous period's line, dashed. */
export const CompareDomain: Story = { args: { compare: true, domain: 'lms.northfield.edu' } };
export const TenRowsPerPage: Story = { args: { pageSize: 10 } };
export const RightToLeft: Story = { args: { lang: 'he' } };
