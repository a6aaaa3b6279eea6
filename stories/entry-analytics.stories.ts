import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { COMPARE_MODES, PRESETS } from '../src/shell/presets.js';
import type { DataProvider, Filters } from '../src/data/types.js';
import { NoAccessError, SessionExpiredError } from '../src/data/errors.js';
import {
  SAMPLE_ENTRY_ID,
  SAMPLE_IMAGE_ID,
  SAMPLE_TIME_ZONE,
  emptyProvider,
  failingProvider,
  hangingProvider,
  sampleProvider,
  sampleRange,
  commonArgTypes,
  timeZoneArgType,
} from './support.js';

interface Args {
  entryId: string;
  preset: string;
  from: string;
  to: string;
  compare: string;
  timeZone: string;
  lang: string;
  hiddenPanels: string;
  backLink: string;
  backLabel: string;
  filters: Filters;
  syncUrl: string;
}

const range = sampleRange();

const render = (args: Args, provider: DataProvider = sampleProvider()) => html`<entry-analytics
  .provider=${provider}
  entry-id=${args.entryId}
  preset=${args.preset}
  from=${args.from}
  to=${args.to}
  compare=${args.compare}
  time-zone=${args.timeZone}
  lang=${args.lang}
  hidden-panels=${args.hiddenPanels}
  back-link=${args.backLink}
  back-label=${args.backLabel}
  .filters=${args.filters}
  sync-url=${args.syncUrl}
></entry-analytics>`;

const meta: Meta<Args> = {
  title: 'Dashboard/entry-analytics',
  component: 'entry-analytics',
  args: {
    entryId: SAMPLE_ENTRY_ID,
    preset: 'last30',
    from: range.from,
    to: range.to,
    compare: 'none',
    timeZone: SAMPLE_TIME_ZONE,
    lang: 'en',
    hiddenPanels: '',
    backLink: 'https://media.northfield.edu/media/1_v8k2m4qz',
    backLabel: '',
    filters: {},
    syncUrl: '',
  },
  argTypes: {
    entryId: { control: 'select', options: [SAMPLE_ENTRY_ID, SAMPLE_IMAGE_ID], description: 'entry-id' },
    preset: { control: 'select', options: [...PRESETS] },
    from: { control: 'text', description: 'Custom range start (preset="custom"), YYYY-MM-DD' },
    to: { control: 'text', description: 'Custom range end (preset="custom"), YYYY-MM-DD' },
    compare: { control: 'select', options: [...COMPARE_MODES] },
    timeZone: timeZoneArgType,
    lang: commonArgTypes.lang,
    hiddenPanels: { control: 'text', description: 'Space-separated panel ids to hide (e.g. "highlights")' },
    backLink: { control: 'text', description: 'http(s) URL of the host media page' },
    backLabel: { control: 'text' },
    filters: { control: 'object', description: 'Filters (JS property), e.g. {"devices": ["Mobile"]}' },
    syncUrl: { control: 'select', options: ['', 'query', 'hash'], description: 'sync-url: keep the view in the URL' },
  },
  render: (args) => render(args),
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<Args>;

/** The sample lecture video, last 30 days. */
export const Default: Story = {};

/** Compared with the previous period: every panel shows both periods. */
export const Compare: Story = { args: { compare: 'previous' } };

/** Same period last year (the sample has no data then: trends read "new in this period"). */
export const CompareLastYear: Story = { args: { compare: 'lastYear', preset: 'last90' } };

/** An image entry: only the panels that fit an image. */
export const ImageEntry: Story = { args: { entryId: SAMPLE_IMAGE_ID, backLink: '' } };

/** Filtered to mobile devices in France. */
export const Filtered: Story = { args: { filters: { devices: ['Mobile'], countries: ['FR'] } } };

/** German: dates and numbers through Intl. */
export const German: Story = { args: { lang: 'de', compare: 'previous' } };

/** Arabic: mirrored layout. */
export const RightToLeft: Story = { args: { lang: 'ar', compare: 'previous' } };

/** The provider never answers: the details header and every panel loading. */
/** The view kept in the frame's URL hash: drill into a country, go back with the browser's Back. */
export const ShareableView: Story = { args: { syncUrl: 'hash' } };

/** "Add filter" when the provider cannot list a field's values: the picker says so and takes a typed value. */
export const FilterValuesUnavailable: Story = {
  render: (args) =>
    render(args, (query, options) =>
      query.kind === 'filterValues'
        ? Promise.reject(new globalThis.Error('This provider cannot list filter values.'))
        : sampleProvider()(query, options),
    ),
};

export const Loading: Story = { render: (args) => render(args, hangingProvider()) };

/** The provider rejects: the entry error with Retry. */
export const Error: Story = { render: (args) => render(args, failingProvider()) };

/** An entry without any views: zeros and empty panels. */
export const Empty: Story = { render: (args) => render(args, emptyProvider()) };

/**
 * The session expired after the first load (the provider's KS is no longer accepted and no fresh one works): one
 * "session expired" message for the whole dashboard, the last figures kept and dimmed, one `session-expired` event.
 * "Try again" reloads; here the session stays expired.
 */
export const SessionExpired: Story = {
  render: (args) => {
    const sample = sampleProvider();
    let expired = false;
    const provider: DataProvider = async (query, options) => {
      if (expired) throw new SessionExpiredError('KS expired');
      return sample(query, options);
    };
    const view = render(args, provider);
    // Expire once the first figures are on screen.
    setTimeout(() => {
      expired = true;
      document.querySelector<HTMLElement & { reload(): void }>('entry-analytics')?.reload();
    }, 2500);
    return view;
  },
};

/** A session without the right to read the map reports: "No access to this report" in the countries panel alone. */
export const NoAccess: Story = {
  render: (args) => {
    const sample = sampleProvider();
    const provider: DataProvider = async (query, options) => {
      if (query.kind === 'geo') throw new NoAccessError('The access to service [report->getTable] is forbidden');
      return sample(query, options);
    };
    return render(args, provider);
  },
};
