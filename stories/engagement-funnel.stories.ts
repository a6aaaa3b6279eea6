import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/engagement-funnel/define.js';
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
  step: 25 | 50 | 75 | 100;
}

const render = (args: Args, provider: DataProvider = sampleProvider()) => html`<engagement-funnel
  ${common(args, provider)}
  play-through=${args.step}
></engagement-funnel>`;

const meta: Meta<Args> = {
  title: 'Panels/engagement-funnel',
  component: 'engagement-funnel',
  args: {
    ...commonArgs(),
    step: 50,
  },
  argTypes: {
    ...commonArgTypes,
    step: { control: 'inline-radio', options: [25, 50, 75, 100], description: 'play-through: the last step' },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

/** The sample lecture over the last 30 days, to plays reaching 50 %. */
export const Default: Story = {};

/** With the previous 30 days side by side. */
export const Compare: Story = { args: compareArgs() };

/** To plays that reached the end. */
export const Completed: Story = { args: { step: 100 } };

/** Arabic: Arabic digits and a right-to-left layout. */
export const RightToLeft: Story = { args: { lang: 'ar', ...compareArgs() } };

/** The provider never answers: the loading skeleton, then the timeout error. */
export const Loading: Story = { render: (args) => render(args, hangingProvider()) };

/** The provider rejects: the error message with Retry. */
export const Error: Story = { render: (args) => render(args, failingProvider()) };

/** The provider answers zeros. */
export const Empty: Story = { render: (args) => render(args, emptyProvider()) };
