import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/top-countries/define.js';
import { MAP_METRICS } from '../src/elements/top-countries/top-countries.js';
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
  country: string;
  region: string;
  pageSize: number;
  geometryUrl: string;
}

// The map geometry: empty `geometry-url` means the module that comes with the package (imported when the map first
// shows); a URL is fetched instead (Storybook serves world-atlas's files under geo/).
const render = (args: Args, provider: DataProvider = sampleProvider()) => html`<top-countries
  ${common(args, provider)}
  metric=${args.metric}
  country=${args.country}
  region=${args.region}
  page-size=${args.pageSize}
  geometry-url=${args.geometryUrl}
  @filter-add=${(e: CustomEvent) => console.log('filter-add', e.detail)}
></top-countries>`;

const meta: Meta<Args> = {
  title: 'Panels/top-countries',
  component: 'top-countries',
  args: { ...commonArgs(), metric: 'plays', country: '', region: '', pageSize: 10, geometryUrl: '' },
  argTypes: {
    ...commonArgTypes,
    metric: { control: 'select', options: [...MAP_METRICS] },
    country: { control: 'text', description: 'Drill into this country (ISO alpha-2), empty for the world' },
    region: { control: 'text', description: 'Drill into this region of the country' },
    pageSize: { control: { type: 'number', min: 1, max: 50 } },
    geometryUrl: { control: 'text', description: 'URL of a world-atlas countries TopoJSON file' },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Loading: Story = { render: (args) => render(args, hangingProvider()) };
export const Error: Story = { render: (args) => render(args, failingProvider('The analytics service is unavailable')) };
export const Empty: Story = { render: (args) => render(args, emptyProvider()) };
/** Each place's plays in the previous period and the change, in the table, the tooltip and the CSV. */
export const Compare: Story = { args: compareArgs() };
/** The compare period at the region level: the regions of the United States, then and now. */
export const CompareRegions: Story = { args: { ...compareArgs(), country: 'US' } };
export const DrilledIntoUnitedStates: Story = { args: { country: 'US' } };
export const MinutesViewed: Story = { args: { metric: 'minutesViewed' } };
export const MapUnavailable: Story = { args: { geometryUrl: '/no-such-file.json' } };
/** A host that serves the geometry itself: `geometry-url` names a world-atlas countries file, fetched instead. */
export const ServedGeometry: Story = { args: { geometryUrl: 'geo/countries-110m.json' } };
export const RightToLeft: Story = { args: { lang: 'ar' } };
