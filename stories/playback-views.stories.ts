import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/playback-views/define.js';
import type { DataProvider, Marker } from '../src/data/types.js';
import { VIDEO_MARKERS } from '../src/data/sample/index.js';
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
  chartStyle: 'area' | 'line';
  xUnits: 'time' | 'percent';
  yUnits: 'count' | 'percent';
  series: string[];
  markers: Marker[];
}

const render = (args: Args, provider: DataProvider = sampleProvider()) => html`<playback-views
  ${common(args, provider)}
  chart-style=${args.chartStyle}
  x-units=${args.xUnits}
  y-units=${args.yUnits}
  .series=${args.series}
  .markers=${args.markers}
></playback-views>`;

const meta: Meta<Args> = {
  title: 'Panels/playback-views',
  component: 'playback-views',
  args: {
    ...commonArgs(),
    chartStyle: 'area',
    xUnits: 'time',
    yUnits: 'count',
    series: ['views', 'viewers', 'uniqueUsers'],
    markers: VIDEO_MARKERS.map((m) => ({ ...m })),
  },
  argTypes: {
    ...commonArgTypes,
    chartStyle: { control: 'inline-radio', options: ['area', 'line'], description: 'chart-style' },
    xUnits: { control: 'inline-radio', options: ['time', 'percent'], description: 'x-units: media time or % of duration' },
    yUnits: { control: 'inline-radio', options: ['count', 'percent'], description: 'y-units: counts or % of plays' },
    series: { control: 'check', options: ['views', 'viewers', 'uniqueUsers'] },
    markers: { control: 'object', description: 'Chapters and markers ({time, label, kind})' },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

/** The sample lecture over the last 30 days, with its chapters and quiz marker. */
export const Default: Story = {};

/** With the previous 30 days as compare period: lighter dashed series. */
export const Compare: Story = { args: compareArgs() };

/** Lines in percent of plays, x in percent of the duration. */
export const PercentOfPlays: Story = { args: { chartStyle: 'line', xUnits: 'percent', yUnits: 'percent' } };

/** Arabic: Arabic digits, mirrored chart and arrow keys. */
export const RightToLeft: Story = { args: { lang: 'ar' } };

/** Activating a point (click or Enter) fires `seek`; this story shows the last one, as a host player would use it. */
export const SeekEvent: Story = {
  render: (args) => html`<div
    @seek=${(e: CustomEvent<{ time: number }>) => {
      const out = (e.currentTarget as HTMLElement).querySelector('output')!;
      out.value = `seek → ${e.detail.time.toFixed(1)} s`;
    }}
  >
    ${render(args)}
    <p>Last event: <output>none yet</output></p>
  </div>`,
};

/** The provider never answers: the loading skeleton, then the timeout error. */
export const Loading: Story = { render: (args) => render(args, hangingProvider()) };

/** The provider rejects: the error message with Retry. */
export const Error: Story = { render: (args) => render(args, failingProvider()) };

/** The provider answers zeros. */
export const Empty: Story = { render: (args) => render(args, emptyProvider()) };
