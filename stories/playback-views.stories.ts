import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/playback-views/define.js';
import { previousPeriod } from '../src/data/dates.js';
import type { DataProvider, Marker } from '../src/data/types.js';
import { VIDEO_MARKERS } from '../src/data/sample/index.js';
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
  chartStyle: 'area' | 'line';
  xUnits: 'time' | 'percent';
  yUnits: 'count' | 'percent';
  series: string[];
  markers: Marker[];
  timeout: number;
}

const range = sampleRange();
const compare = previousPeriod(range);

const render = (args: Args, provider: DataProvider = sampleProvider()) => html`<playback-views
  .provider=${provider}
  entry-id=${args.entryId}
  from=${args.from}
  to=${args.to}
  compare-from=${args.compareFrom}
  compare-to=${args.compareTo}
  time-zone=${args.timeZone}
  lang=${args.lang}
  chart-style=${args.chartStyle}
  x-units=${args.xUnits}
  y-units=${args.yUnits}
  .series=${args.series}
  .markers=${args.markers}
  .timeout=${args.timeout}
></playback-views>`;

const meta: Meta<Args> = {
  title: 'Panels/playback-views',
  component: 'playback-views',
  args: {
    entryId: SAMPLE_ENTRY_ID,
    from: range.from,
    to: range.to,
    compareFrom: '',
    compareTo: '',
    timeZone: SAMPLE_TIME_ZONE,
    lang: 'en',
    chartStyle: 'area',
    xUnits: 'time',
    yUnits: 'count',
    series: ['views', 'viewers', 'uniqueUsers'],
    markers: VIDEO_MARKERS.map((m) => ({ ...m })),
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
    chartStyle: { control: 'inline-radio', options: ['area', 'line'], description: 'chart-style' },
    xUnits: { control: 'inline-radio', options: ['time', 'percent'], description: 'x-units: media time or % of duration' },
    yUnits: { control: 'inline-radio', options: ['count', 'percent'], description: 'y-units: counts or % of plays' },
    series: { control: 'check', options: ['views', 'viewers', 'uniqueUsers'] },
    markers: { control: 'object', description: 'Chapters and markers ({time, label, kind})' },
    timeout: { control: { type: 'number', min: 100, step: 1000 } },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

/** The sample lecture over the last 30 days, with its chapters and quiz marker. */
export const Default: Story = {};

/** With the previous 30 days as compare period: lighter dashed series. */
export const Compare: Story = { args: { compareFrom: compare.from, compareTo: compare.to } };

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
