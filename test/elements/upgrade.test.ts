/**
 * The lazy case: a host (React rendering before a lazily imported definition, a framework that builds the DOM first, a
 * page script that runs before the bundle) sets properties on a tag that is not defined yet. When the definition
 * arrives the element must keep every one of them — above all `provider`, which would otherwise be silently shadowed
 * and leave the panel saying "Connect a data source".
 *
 * This file imports the element classes only (src/index.ts defines nothing), so every tag is undefined until the
 * test imports define.js. The public settable properties are read from the classes themselves (Lit's reactive
 * properties, prototype setters and public instance fields), so a property added later is checked too.
 */
import { expect } from '@open-wc/testing';
import * as lib from '../../src/index.js';
import { TAGS, type Tag } from '../../src/frameworks.js';
import type { DataProvider, Query } from '../../src/data/types.js';
import { until } from '../support/providers.js';

const CLASSES: Record<Tag, typeof HTMLElement> = {
  'entry-analytics': lib.EntryAnalytics,
  'entry-highlights': lib.EntryHighlights,
  'playback-views': lib.PlaybackViews,
  'metrics-over-time': lib.MetricsOverTime,
  'engagement-funnel': lib.EngagementFunnel,
  'devices-overview': lib.DevicesOverview,
  'user-engagement': lib.UserEngagement,
  'engagement-heatmap': lib.EngagementHeatmap,
  'class-engagement': lib.ClassEngagement,
  'top-countries': lib.TopCountries,
  'top-domains-table': lib.TopDomainsTable,
};

/** Names that are not the element's own public API (HTMLElement's, Lit's lifecycle). */
const NOT_OURS = new Set(['renderOptions', 'isUpdatePending', 'hasUpdated', 'renderRoot', 'updateComplete']);

/** Public settable members of a class: its reactive properties (not internal state) and setters up to LitElement. */
function settable(cls: typeof HTMLElement): string[] {
  const names = new Set<string>();
  const reactive = (cls as unknown as { elementProperties: Map<PropertyKey, unknown> }).elementProperties;
  const states = new Set<PropertyKey>();
  for (const [key, options] of reactive) {
    if ((options as { state?: boolean }).state) states.add(key);
    else if (typeof key === 'string') names.add(key);
  }
  for (let proto = cls.prototype; proto && proto !== HTMLElement.prototype; proto = Object.getPrototypeOf(proto)) {
    if (['LitElement', 'ReactiveElement'].includes(proto.constructor.name)) break;
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) if (d.set) names.add(key);
  }
  return [...names]
    .filter((n) => !states.has(n)).filter((n) => !n.startsWith('_') && !n.startsWith('#') && !NOT_OURS.has(n)).sort();
}

/**
 * A valid value for each public property that differs from its default (so keeping it is visible). A property with no
 * entry here fails the test: add a value when you add a property.
 */
const VALUES: Record<string, (current?: unknown) => unknown> = {
  entryId: () => '1_upgrade',
  from: () => '2026-01-05',
  to: () => '2026-02-04',
  compareFrom: () => '2025-12-06',
  compareTo: () => '2026-01-04',
  timeZone: () => 'Europe/Paris',
  theme: () => 'dark',
  lang: () => 'de',
  created: () => '2025-11-01',
  entryType: () => 'audio',
  csvHeaders: () => 'fields',
  filters: () => ({ countries: ['FR'] }),
  timeout: () => 45_000,
  preset: () => 'last7',
  compare: () => 'previous',
  hiddenPanels: () => 'domains',
  backLink: () => 'https://example.org/media',
  backLabel: () => 'Back to the media',
  today: () => '2026-02-04',
  // Left off: with "query" or "hash" the dashboard would write its state into the test page's URL.
  syncUrl: () => '',
  panels: () => lib.PANELS.slice(0, 3),
  userIds: () => ['u1', 'u2'],
  search: () => 'ann',
  limit: () => 50,
  markers: () => [{ time: 12, label: 'Intro' }],
  privacyFloor: () => 3,
  span: () => [10, 20],
  metric: () => 'impressions',
  showTable: () => true,
  step: () => 75,
  rowHeight: () => 22,
  maxHeight: () => 300,
  compact: () => true,
  heading: () => 'Who watched',
  metrics: () => ['plays', 'impressions'],
  secondMetric: () => 'impressions',
  granularity: () => 'month',
  details: () => true,
  series: (current) => (current as unknown[]).slice(0, 1),
  chartStyle: () => 'line',
  xUnits: () => 'percent',
  yUnits: () => 'percent',
  geometryUrl: () => 'data:application/json,%7B%7D',
  pageSize: () => 7,
  country: () => 'FR',
  region: () => 'Île-de-France',
  domain: () => 'example.org',
  graphMetric: () => 'impressions',
  classView: () => true,
  sort: () => ({ field: 'name', direction: 'asc' }),
  page: () => 3,
};

describe('properties set before the tag is defined', () => {
  const plan = new Map<Tag, { names: string[]; defaults: Record<string, unknown> }>();

  before(() => {
    for (const tag of TAGS) {
      expect(customElements.get(tag), `${tag} must not be defined yet`).to.equal(undefined);
      // A probe subclass under another name shows the defaults without defining the tag.
      const cls = CLASSES[tag];
      const probeTag = `probe-${tag}`;
      customElements.define(probeTag, class extends (cls as unknown as typeof HTMLElement) {});
      const probe = document.createElement(probeTag);
      const names = settable(cls);
      const defaults: Record<string, unknown> = {};
      for (const n of names) defaults[n] = (probe as unknown as Record<string, unknown>)[n];
      plan.set(tag, { names, defaults });
    }
  });

  it('every element keeps every public property, and uses a provider set before its definition', async () => {
    const asked = new Map<Tag, Query[]>();
    const set = new Map<Tag, Record<string, unknown>>();
    const elements = new Map<Tag, HTMLElement>();
    for (const tag of TAGS) {
      const el = document.createElement(tag);
      expect(el.constructor, tag).to.equal(HTMLElement);
      const calls: Query[] = [];
      asked.set(tag, calls);
      // Never answers: the test only needs to see the element ask.
      const provider: DataProvider = (query) => {
        calls.push(query);
        return new Promise(() => {});
      };
      const values: Record<string, unknown> = {};
      const { names, defaults } = plan.get(tag)!;
      for (const name of names) {
        if (name === 'rows') continue; // given rows, no query is sent: checked on elements of their own below
        const make = VALUES[name];
        if (name !== 'provider' && !make) throw new Error(`no test value for ${tag}.${name}: add one to VALUES`);
        const value = name === 'provider' ? provider : make!(defaults[name]);
        (el as unknown as Record<string, unknown>)[name] = value;
        values[name] = value;
      }
      expect(names, tag).to.include.members(['provider', 'entryId', 'from', 'to', 'filters', 'timeZone']);
      set.set(tag, values);
      elements.set(tag, el);
      document.body.append(el);
    }

    // Rows given directly (no query): on elements of their own.
    const givenRows = (['engagement-heatmap', 'class-engagement'] as const).map((tag) => {
      const el = document.createElement(tag) as HTMLElement & { rows?: unknown };
      el.rows = { duration: 60, users: [] };
      document.body.append(el);
      return { tag, el, rows: el.rows };
    });

    await import('../../src/define.js');

    for (const { tag, el, rows } of givenRows) {
      expect(el, tag).to.be.instanceOf(CLASSES[tag]);
      expect(Object.prototype.hasOwnProperty.call(el, 'rows'), `${tag}.rows shadows its accessor`).to.equal(false);
      expect(el.rows, `${tag}.rows`).to.equal(rows);
      el.remove();
    }

    for (const tag of TAGS) {
      const el = elements.get(tag)!;
      expect(el, tag).to.be.instanceOf(CLASSES[tag]);
      for (const [name, value] of Object.entries(set.get(tag)!)) {
        expect(Object.prototype.hasOwnProperty.call(el, name) && name in CLASSES[tag].prototype, `${tag}.${name} shadows its accessor`).to.equal(false);
        expect((el as unknown as Record<string, unknown>)[name], `${tag}.${name}`).to.equal(value);
      }
    }
    await until(() => TAGS.every((tag) => asked.get(tag)!.length > 0), 10_000).catch(() => {});
    for (const tag of TAGS) expect(asked.get(tag)!.length, `${tag} asked its provider`).to.be.greaterThan(0);
    for (const el of elements.values()) el.remove();
  });
});
