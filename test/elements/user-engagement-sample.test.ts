/**
 * The instructor's path through the users panel on the embedded engine over the sample lecture: find who has not
 * watched minutes 4–6, open a student's heatmap, see the class-wide tiers and the re-watched passages.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/user-engagement/define.js';
import type { UserEngagement } from '../../src/elements/user-engagement/user-engagement.js';
import type { ClassEngagement } from '../../src/elements/class-engagement/class-engagement.js';
import type { EngagementHeatmap } from '../../src/elements/engagement-heatmap/engagement-heatmap.js';
import { createEventsProvider } from '../../src/data/engine/index.js';
import { generateSample, SAMPLE_VIDEO_ID, VIDEO_MARKERS } from '../../src/data/sample/index.js';
import type { DataProvider } from '../../src/data/types.js';

async function waitFor(predicate: () => boolean, ms = 10_000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

let provider: DataProvider;
const END = '2026-03-31';

describe('<user-engagement> on the sample lecture', () => {
  before(() => {
    const data = generateSample({ seed: 3, end: END, days: 60, events: 80_000 });
    provider = createEventsProvider({ entries: data.entries, users: data.users, events: data.events });
  });

  it('lets an instructor find who has not watched minutes 4–6, open a heatmap and read the class view', async () => {
    const el = await fixture<UserEngagement>(html`<user-engagement
      style="width: 1000px; display: block"
      .provider=${provider}
      entry-id=${SAMPLE_VIDEO_ID}
      from="2026-02-01"
      to=${END}
      time-zone="UTC"
      .markers=${VIDEO_MARKERS.map((m) => ({ ...m }))}
    ></user-engagement>`);
    await el.whenLoaded();
    const root = el.shadowRoot!;
    const rows = root.querySelectorAll('tbody tr');
    expect(rows.length).to.equal(25);
    const total = Number(root.querySelector('.count')!.textContent!.replace(/\D/g, ''));
    expect(total).to.be.greaterThan(25);

    // A student's heatmap
    root.querySelector<HTMLButtonElement>('tbody tr .disclosure')!.click();
    await el.updateComplete;
    const hm = root.querySelector<EngagementHeatmap>('engagement-heatmap')!;
    await hm.whenLoaded();
    await waitFor(() => hm.drawnRows === 1);
    expect(hm.toCsv()!.split('\r\n')[1]!.split(',').slice(2).some((c) => Number(c) > 0)).to.equal(true);

    // The class view: tiers, re-watched passages, and who missed minutes 4–6
    root.querySelector<HTMLButtonElement>('.class-toggle')!.click();
    await el.updateComplete;
    const cls = root.querySelector<ClassEngagement>('class-engagement')!;
    await cls.whenLoaded();
    const c = cls.shadowRoot!;
    await waitFor(() => c.querySelectorAll('.chart rect[data-tier]').length > 0);
    // The table lists users with impressions or plays; the class view those who played.
    const players = Number(c.querySelector('.muted')!.textContent!.split(' users')[0]!.replace(/\D/g, ''));
    expect(players).to.be.greaterThan(0).and.at.most(total);
    expect(c.querySelectorAll('.rewatched-list li').length).to.be.greaterThan(0);
    const from = c.querySelector<HTMLInputElement>('input[name=from]')!;
    const to = c.querySelector<HTMLInputElement>('input[name=to]')!;
    from.value = '4:00';
    from.dispatchEvent(new Event('input'));
    to.value = '6:00';
    to.dispatchEvent(new Event('input'));
    c.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await cls.updateComplete;
    expect(c.querySelector('.missed-block h3')!.textContent).to.equal('Who never watched 4:00–6:00');
    const missed = c.querySelectorAll('.missed li').length;
    expect(missed).to.be.greaterThan(0);
    expect(missed).to.be.lessThan(players);
    expect(cls.missedCsv()!.split('\r\n').length).to.equal(missed + 2);
    await expect(el).to.be.accessible();
  });
});
