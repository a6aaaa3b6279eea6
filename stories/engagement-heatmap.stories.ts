import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/engagement-heatmap/define.js';
import { VIDEO_MARKERS } from '../src/data/sample/index.js';
import type { DataProvider, HeatmapResult, Marker } from '../src/data/types.js';
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
  userIds: string;
  limit: number;
  rowHeight: number;
  maxHeight: number;
  compact: boolean;
  markers: Marker[];
}

const render = (args: Args, provider: DataProvider = sampleProvider(), rows?: HeatmapResult) => html`<engagement-heatmap
  ${common(args, provider)}
  .rows=${rows}
  user-ids=${ifDefined(args.userIds || undefined)}
  limit=${args.limit}
  row-height=${args.rowHeight}
  max-height=${args.maxHeight}
  ?compact=${args.compact}
  .markers=${args.markers}
  @seek=${(e: CustomEvent) => console.log('seek', e.detail)}
></engagement-heatmap>`;

/** A synthetic class of `n` users (for the many-users story): each watched a stretch, some re-watched a passage. */
function synthetic(n: number): HeatmapResult {
  let s = 99;
  const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  return {
    duration: 842,
    users: Array.from({ length: n }, (_, k) => {
      const counts = new Array<number>(100).fill(0);
      const a = Math.floor(rnd() * 30);
      const b = a + Math.floor(rnd() * (100 - a));
      for (let i = a; i < b; i++) counts[i] = 1;
      if (rnd() < 0.4) for (let i = 45; i < 55; i++) counts[i]! += 1 + Math.floor(rnd() * 3);
      return { userId: `student-${k}`, name: `Student ${k + 1}`, counts };
    }),
  };
}

const meta: Meta<Args> = {
  title: 'Panels/engagement-heatmap',
  component: 'engagement-heatmap',
  args: {
    ...commonArgs(),
    userIds: '',
    limit: 200,
    rowHeight: 18,
    maxHeight: 420,
    compact: false,
    markers: VIDEO_MARKERS.map((m) => ({ ...m })),
  },
  argTypes: {
    ...commonArgTypes,
    compareFrom: { control: 'text', description: 'Compare period start (the heatmap shows the main range)' },
    compareTo: { control: 'text', description: 'Compare period end' },
    userIds: { control: 'text', description: 'user-ids, separated by spaces (empty: every user with plays, up to limit)' },
    limit: { control: { type: 'number', min: 1 } },
    rowHeight: { control: { type: 'range', min: 4, max: 40 }, description: 'row-height, px' },
    maxHeight: { control: { type: 'number', min: 40 }, description: 'max-height before scrolling, px' },
    compact: { control: 'boolean', description: 'Without the panel frame' },
    markers: { control: 'object', description: 'Chapters ({time, label, kind}) on the time axis' },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

/** Every student with plays in the last 30 days (up to 200). */
export const Default: Story = {};

/** 10,000 users given directly: canvas, virtual scrolling, keyboard focus cell. */
export const ManyUsers: Story = {
  args: { rowHeight: 10 },
  render: (args) => render(args, sampleProvider(), synthetic(10_000)),
};

/** A compare period set: the heatmap still shows the main range. */
export const Compare: Story = { args: compareArgs() };

/** Arabic: mirrored bars (the start of the media on the right). */
export const RightToLeft: Story = { args: { lang: 'ar' } };

/** The provider never answers: the loading skeleton, then the timeout error. */
export const Loading: Story = { render: (args) => render(args, hangingProvider()) };

/** The provider rejects: the error message with Retry. */
export const Error: Story = { render: (args) => render(args, failingProvider()) };

/** No user watched in the period. */
export const Empty: Story = { render: (args) => render(args, emptyProvider()) };
