import { fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { EntryAnalytics } from '../../src/shell/entry-analytics.js';
import type { AnalyticsPanel } from '../../src/elements/shared/analytics-panel.js';
import type { ThemeSetting } from '../../src/theme/tokens.js';
import { setDefaultGeometryUrl } from '../../src/elements/top-countries/atlas.js';
import { SAMPLE_ENTRY_ID, sampleProvider, sampleRange } from '../../stories/support.js';

/** Waits until `predicate` holds, polling with timers. */
export async function until(predicate: () => boolean, ms = 8000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every element matching `selector` in `root` and in the shadow roots below it. */
export function deepAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const out: T[] = [...root.querySelectorAll<T>(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...deepAll<T>(el.shadowRoot, selector));
  return out;
}

/**
 * The whole default dashboard on the sample data (compare with the previous period), every panel loaded and the
 * map drawn (it loads when scrolled into view), in `theme` when given. With `persist` it stays in the page across tests
 * (several tests look at one expensive dashboard); remove it in `after`.
 */
export async function sampleDashboard(theme?: ThemeSetting, { persist = false } = {}): Promise<EntryAnalytics> {
  setDefaultGeometryUrl('/node_modules/world-atlas/countries-110m.json');
  const range = sampleRange();
  const el = await fixture<EntryAnalytics>(
    html`<entry-analytics
      .provider=${sampleProvider()}
      entry-id=${SAMPLE_ENTRY_ID}
      time-zone="UTC"
      today=${range.to}
      compare="previous"
      theme=${theme ?? ''}
    ></entry-analytics>`,
  );
  if (!theme) el.removeAttribute('theme');
  // `persist`: out of the fixture's wrapper, so it outlives one test (the caller removes it).
  if (persist) document.body.append(el);
  await el.whenLoaded();
  await el.updateComplete;
  for (const p of el.panelElements) await (p as AnalyticsPanel<unknown>).whenLoaded?.();
  const countries = el.panelElements.find((p) => p.localName === 'top-countries');
  if (countries) {
    countries.scrollIntoView();
    await until(() => !!countries.shadowRoot?.querySelector('svg.map'), 20_000);
    window.scrollTo(0, 0);
  }
  await new Promise((r) => setTimeout(r, 300)); // the dimming transition, so axe sees final colours
  return el;
}
