import { expect } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import { deepAll, sampleDashboard, until } from '../support/dashboard.js';
import { setDefaultGeometryUrl } from '../../src/elements/top-countries/atlas.js';
import type { AnalyticsPanel } from '../../src/elements/shared/analytics-panel.js';

interface AxeResult {
  violations: { id: string; nodes: { target: unknown[]; html: string }[] }[];
  passes: { id: string }[];
}
declare global {
  interface Window {
    axe: { run(context: unknown, options: unknown): Promise<AxeResult> };
  }
}

/** Clicks every closed button matching `selector` anywhere in the dashboard, until none is left closed. */
async function openAll(root: ParentNode, selector: string): Promise<number> {
  let opened = 0;
  for (const b of deepAll<HTMLButtonElement>(root, selector)) {
    if (b.getAttribute('aria-expanded') === 'true' || b.getAttribute('aria-pressed') === 'true') continue;
    b.click();
    opened++;
  }
  return opened;
}

describe('Landmarks of the default dashboard', function () {
  this.timeout(120_000);
  after(() => setDefaultGeometryUrl(undefined));

  it('every landmark is uniquely named, and all content is in one, with every data table, row and view open', async () => {
    const el = await sampleDashboard();
    const root = el.shadowRoot!;
    // Every panel's data table, the users table's class view and each user's heatmap row.
    const tables = await openAll(root, 'button.table-toggle');
    const classViews = await openAll(root, 'button.class-toggle');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    const rows = await openAll(root, 'button.disclosure');
    expect(tables, 'data tables opened').to.be.greaterThan(2);
    expect(classViews, 'class views opened').to.be.greaterThan(0);
    expect(rows, 'user rows expanded').to.be.greaterThan(1);
    // Each expanded row's heatmap and the class view load; then their tables open too (a heatmap's table once had the
    // same name in every row: the first run of this test found it).
    await until(() => deepAll(root, 'engagement-heatmap').length >= rows && deepAll(root, 'class-engagement').length > 0);
    for (const p of deepAll<AnalyticsPanel<unknown>>(root, 'engagement-heatmap, class-engagement')) await p.whenLoaded();
    await new Promise((r) => setTimeout(r, 100));
    await openAll(root, 'button.table-toggle');
    await until(() => deepAll(root, 'button.table-toggle').every((b) => b.getAttribute('aria-expanded') === 'true'));
    await new Promise((r) => setTimeout(r, 100));

    const result = await window.axe.run(document, { runOnly: { type: 'rule', values: ['landmark-unique', 'region'] } });
    const found = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`));
    expect(found).to.deep.equal([]);
    // Both rules looked at the page (neither was inapplicable).
    expect([...result.passes, ...result.violations].map((r) => r.id)).to.include.members(['landmark-unique', 'region']);
  });
});
