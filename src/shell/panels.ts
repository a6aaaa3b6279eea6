/**
 * The panel registry of `<entry-analytics>`: which panels the dashboard lays out, in order, for which entry types,
 * at what width, and how each is rendered from the dashboard's inputs. A panel appears only when its element is
 * registered here (no placeholders); the host hides any of them by id with `hidden-panels`.
 *
 * The registry renders tags, it does not import their classes: a host page (or `src/define.ts`) registers the
 * elements it wants. A panel whose element is not defined on the page is skipped, so a host that loads only some
 * define files gets a dashboard of only those panels.
 */
import { html, type TemplateResult } from 'lit';
import { METRICS, type DataProvider, type EntryResult, type EntryType, type Filters, type MetricName } from '../data/types.js';
import { panelInputs } from './panel-inputs.js';
import type { CsvHeaders } from '../data/csv.js';
import { metricsFor } from '../data/metrics.js';
import type { ViewCodec } from './url-state.js';

/** What every panel is rendered from. */
export interface PanelContext {
  provider: DataProvider;
  entryId: string;
  /** The range, both ends included. */
  from: string;
  to: string;
  /** The compare range; empty strings when compare is off. */
  compareFrom: string;
  compareTo: string;
  timeZone: string;
  filters: Filters;
  lang: string;
  /** Milliseconds each panel waits for the provider; the panels' default when absent. */
  timeout?: number;
  /** The column titles of the panels' CSV exports; the panels' default (`labels`) when absent. */
  csvHeaders?: CsvHeaders;
  /**
   * The entry's details (from the `entry` query). While they load for the first time this is a stand-in (type
   * `video`, no name, no markers) so the panels ask for their data in the same round trip; `entryPending` says so.
   */
  entry: EntryResult;
  /** True while `entry` is the stand-in. */
  entryPending?: boolean;
}

/** One panel of the dashboard. */
export interface PanelDefinition {
  /** Stable id, used by `hidden-panels` and as the grid cell's `data-panel`. */
  id: string;
  /** The custom element's tag. */
  tag: string;
  /** Entry types the panel fits. */
  entryTypes: readonly EntryType[];
  /** Grid width: the full row, or half of it on wide screens. */
  span: 'full' | 'half';
  /** Renders the element with the dashboard's inputs. */
  render(ctx: PanelContext): TemplateResult;
  /**
   * The element's properties that make up what the user is looking at (drill level, metric tab, sort, page), and how
   * each is written: `<entry-analytics sync-url>` keeps them in the URL as `ea-<id>.<property>`.
   */
  view?: Readonly<Record<string, ViewCodec>>;
}

const ALL: readonly EntryType[] = ['video', 'audio', 'image'];
const PLAYABLE: readonly EntryType[] = ['video', 'audio'];

/**
 * Highlights of an image: it has no playback, so only the metrics the registry says apply to images (impressions,
 * plays, unique viewers).
 */
export const IMAGE_HIGHLIGHTS: MetricName[] = metricsFor(METRICS, 'image');

/** Metrics over time of an image: the ones that mean something without playback (the registry's `appliesTo`). */
const IMAGE_TIME_METRICS: MetricName[] = metricsFor(METRICS, 'image');
const ALL_METRICS: MetricName[] = [...METRICS];

/** Highlights of video and audio entries (same as `<entry-highlights>`' default). */
const DEFAULT_HIGHLIGHT_METRICS: MetricName[] = [
  'impressions',
  'plays',
  'uniqueViewers',
  'minutesViewed',
  'avgCompletionRate',
];

/** Ranges longer than this many days open the time panels by month rather than by day. */
export const MONTHLY_AFTER_DAYS = 92;
const granularityOf = (c: PanelContext) =>
  (Date.parse(c.to) - Date.parse(c.from)) / 86_400_000 + 1 > MONTHLY_AFTER_DAYS ? 'month' : 'day';

/** The panels, in layout order. */
export const PANELS: readonly PanelDefinition[] = [
  {
    id: 'highlights',
    tag: 'entry-highlights',
    entryTypes: ALL,
    span: 'full',
    render: (c) => html`<entry-highlights
      ${panelInputs(c)}
      .metrics=${c.entry.type === 'image' ? IMAGE_HIGHLIGHTS : DEFAULT_HIGHLIGHT_METRICS}
    ></entry-highlights>`,
  },
  {
    id: 'playback',
    tag: 'playback-views',
    entryTypes: PLAYABLE,
    span: 'full',
    render: (c) => html`<playback-views
      ${panelInputs(c)}
      .markers=${c.entry.markers ?? []}
    ></playback-views>`,
  },
  {
    id: 'time',
    tag: 'metrics-over-time',
    entryTypes: ALL,
    span: 'full',
    view: { metric: 'string', secondMetric: 'string', granularity: 'string' },
    render: (c) => html`<metrics-over-time
      ${panelInputs(c)}
      granularity=${granularityOf(c)}
      .metrics=${c.entry.type === 'image' ? IMAGE_TIME_METRICS : ALL_METRICS}
    ></metrics-over-time>`,
  },
  {
    id: 'funnel',
    tag: 'engagement-funnel',
    entryTypes: PLAYABLE,
    span: 'half',
    render: (c) => html`<engagement-funnel
      ${panelInputs(c)}
    ></engagement-funnel>`,
  },
  {
    id: 'devices',
    tag: 'devices-overview',
    entryTypes: ALL,
    span: 'half',
    view: { metric: 'string' },
    render: (c) => html`<devices-overview
      ${panelInputs(c)}
    ></devices-overview>`,
  },
  {
    id: 'users',
    tag: 'user-engagement',
    entryTypes: PLAYABLE,
    span: 'full',
    view: { sort: 'sort', page: 'number' },
    render: (c) => html`<user-engagement
      ${panelInputs(c)}
      .markers=${c.entry.markers ?? []}
    ></user-engagement>`,
  },
  {
    id: 'heatmap',
    tag: 'engagement-heatmap',
    entryTypes: PLAYABLE,
    span: 'full',
    render: (c) => html`<engagement-heatmap
      ${panelInputs(c)}
      .markers=${c.entry.markers ?? []}
    ></engagement-heatmap>`,
  },
  {
    id: 'countries',
    tag: 'top-countries',
    entryTypes: ALL,
    span: 'full',
    view: { country: 'string', region: 'string', metric: 'string' },
    render: (c) => html`<top-countries
      ${panelInputs(c)}
    ></top-countries>`,
  },
  {
    id: 'domains',
    tag: 'top-domains-table',
    entryTypes: ALL,
    span: 'full',
    view: { domain: 'string', graphMetric: 'string', granularity: 'string' },
    render: (c) => html`<top-domains-table
      ${panelInputs(c)}
      granularity=${granularityOf(c)}
    ></top-domains-table>`,
  },
];


/**
 * The width each panel gets: a half-width panel keeps its half only beside another half-width one (in pairs, in
 * order); a half-width panel left alone takes the full row, so the grid never shows a hole.
 */
export function layoutSpans(panels: readonly Pick<PanelDefinition, 'span'>[]): ('full' | 'half')[] {
  const spans: ('full' | 'half')[] = [];
  for (let i = 0; i < panels.length; i++) {
    if (panels[i]!.span === 'half' && panels[i + 1]?.span === 'half') {
      spans.push('half', 'half');
      i++;
    } else spans.push('full');
  }
  return spans;
}

/** Parses `hidden-panels` ("a b  c") into a set of ids. */
export function parsePanelIds(value: string | null | undefined): Set<string> {
  return new Set((value ?? '').split(/[\s,]+/).filter(Boolean));
}

/**
 * The panels to lay out for an entry type: registered in `panels`, fitting the type, not hidden, and (when
 * `isDefined` is given) whose element is defined on the page.
 */
export function visiblePanels(
  type: EntryType,
  hidden: ReadonlySet<string>,
  panels: readonly PanelDefinition[] = PANELS,
  isDefined: (tag: string) => boolean = () => true,
): PanelDefinition[] {
  return panels.filter((p) => p.entryTypes.includes(type) && !hidden.has(p.id) && isDefined(p.tag));
}
