import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/entry-highlights/define.js';
import { DEFAULT_HIGHLIGHTS } from '../src/elements/entry-highlights/entry-highlights.js';
import type { DataProvider } from '../src/data/types.js';
import {
  SAMPLE_ENTRY_ID,
  SAMPLE_IMAGE_ID,
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
  metrics: string[];
}

const render = (args: Args, provider: DataProvider = sampleProvider()) => html`<entry-highlights
  ${common(args, provider)}
  .metrics=${args.metrics}
></entry-highlights>`;

const meta: Meta<Args> = {
  title: 'Panels/entry-highlights',
  component: 'entry-highlights',
  args: {
    ...commonArgs(),
    metrics: [...DEFAULT_HIGHLIGHTS],
  },
  argTypes: {
    ...commonArgTypes,
    entryId: { control: 'select', options: [SAMPLE_ENTRY_ID, SAMPLE_IMAGE_ID], description: 'entry-id' },
    metrics: {
      control: 'check',
      options: ['impressions', 'plays', 'uniqueViewers', 'minutesViewed', 'avgCompletionRate', 'avgDropOffRate'],
    },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

/** The sample video over the last 30 days. */
export const Default: Story = {};

/** With the previous 30 days as compare period: each tile shows its trend. */
export const Compare: Story = { args: compareArgs() };

/** An image entry: impressions, plays and unique viewers only. */
export const Image: Story = {
  args: { entryId: SAMPLE_IMAGE_ID, metrics: ['impressions', 'plays', 'uniqueViewers'] },
};

/** Arabic: Arabic digits and a right-to-left layout. */
export const RightToLeft: Story = { args: { lang: 'ar', ...compareArgs() } };

/** The provider never answers: the loading skeleton, then the timeout error. */
export const Loading: Story = { render: (args) => render(args, hangingProvider()) };

/** The provider rejects: the error message with Retry. */
export const Error: Story = { render: (args) => render(args, failingProvider()) };

/** The provider answers zeros. */
export const Empty: Story = { render: (args) => render(args, emptyProvider()) };
