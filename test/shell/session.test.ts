// Session lifecycle and privileges in the dashboard and in a panel on its own: one "session expired" state (not one
// error per panel) that keeps the last figures dimmed and fires one `session-expired` event, recovery with reload();
// "no access to this report" in that panel alone.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { EntryAnalytics } from '../../src/shell/entry-analytics.js';
import type { EntryHighlights } from '../../src/elements/entry-highlights/entry-highlights.js';
import type { AnalyticsPanel } from '../../src/elements/shared/analytics-panel.js';
import { PANELS } from '../../src/shell/panels.js';
import { NoAccessError, SessionExpiredError } from '../../src/data/errors.js';
import type { DataProvider, EntryResult, Query } from '../../src/data/types.js';
import { fakeProvider, totals, until } from '../support/providers.js';

const ENTRY: EntryResult = { id: 'e1', name: 'Lecture', type: 'video', duration: 600, owner: { id: 'o', name: 'Owner' }, created: '2026-01-10T12:00:00Z' };
const SOME = PANELS.filter((p) => p.id === 'highlights' || p.id === 'funnel' || p.id === 'devices');
const devices = () => ({
  rows: [{ device: 'Computer' as const, ...totals(), distribution: 100, playImpressionRatio: 40 }],
  totals: { impressions: 1000, plays: 400, uniqueViewers: 120, minutesViewed: 2345.5, avgCompletionRate: 42.5, avgDropOffRate: 30 },
});

/** A provider whose answers can be switched to fail with a session error (or a no-access one for some kinds). */
function switchable() {
  const inner = fakeProvider({ entry: () => ENTRY, totals: () => totals(), devices });
  const state = { expired: false, forbidden: new Set<string>() };
  const provider: DataProvider = async (q: Query, o) => {
    if (state.expired) throw new SessionExpiredError('KS expired');
    if (state.forbidden.has(q.kind)) throw new NoAccessError('The access to service [report->getTable] is forbidden');
    return inner(q, o);
  };
  return { provider, state, calls: inner.calls };
}

const root = (el: HTMLElement) => el.shadowRoot!;
async function settled(el: EntryAnalytics) {
  await el.whenLoaded();
  for (const p of el.panelElements) await (p as AnalyticsPanel<unknown>).whenLoaded();
  await el.updateComplete;
}

describe('<entry-analytics>: session expired and no access', function () {
  this.timeout(30_000);

  it('shows one "session expired" state, keeps the figures dimmed, fires one event, and recovers with reload()', async () => {
    const { provider, state } = switchable();
    const el = await fixture<EntryAnalytics>(
      html`<entry-analytics .provider=${provider} .panels=${SOME} entry-id="e1" time-zone="UTC" today="2026-03-30"></entry-analytics>`,
    );
    await settled(el);
    const figures = root(el.panelElements[0]!).textContent;
    expect(figures).to.match(/1,000/);

    const events: CustomEvent[] = [];
    document.addEventListener('session-expired', (e) => events.push(e as CustomEvent));
    state.expired = true;
    el.reload();
    await settled(el);
    await until(() => el.isSessionExpired);
    await el.updateComplete;

    const alerts = [...root(el).querySelectorAll('[role=alert]')];
    expect(alerts).to.have.length(1);
    expect(alerts[0]!.textContent).to.match(/session has expired/);
    for (const panel of el.panelElements) {
      const body = root(panel).querySelector('.body')!;
      expect(body.classList.contains('stale'), `${panel.localName} dimmed`).to.equal(true);
      expect(root(panel).querySelector('[role=alert]'), `${panel.localName} has no error of its own`).to.equal(null);
    }
    expect(root(el.panelElements[0]!).textContent).to.match(/1,000/); // the last figures are still there
    expect(root(el).querySelector('.details')!.classList.contains('stale')).to.equal(true);
    expect(events).to.have.length(1);
    expect(events[0]!.target).to.equal(el);
    expect(events[0]!.detail.message).to.equal('KS expired');
    // The dimmed figures are below text contrast on purpose (stale, like while loading); everything else is checked.
    await expect(el).to.be.accessible({ ignoredRules: ['color-contrast'] });

    state.expired = false; // the host signed the user in again
    (root(el).querySelector('.session-expired button') as HTMLButtonElement).click();
    await settled(el);
    expect(el.isSessionExpired).to.equal(false);
    expect(root(el).querySelector('.session-expired')).to.equal(null);
    for (const panel of el.panelElements) expect(root(panel).querySelector('.body.stale'), panel.localName).to.equal(null);
    expect(events).to.have.length(1);
    // The dimming transitions are over (getAnimations sees every shadow root's running transitions).
    const running = () => [el.shadowRoot!, ...el.panelElements.map((p) => p.shadowRoot!)].flatMap((r) => r.getAnimations());
    await Promise.all(running().map((a) => a.finished));
    await expect(el).to.be.accessible();
  });

  it('on a first load that meets an expired session, panels wait quietly under the one message', async () => {
    const { provider, state } = switchable();
    state.expired = true;
    const el = await fixture<EntryAnalytics>(
      html`<entry-analytics .provider=${provider} .panels=${SOME} entry-id="e1" time-zone="UTC" today="2026-03-30"></entry-analytics>`,
    );
    await settled(el);
    await until(() => el.isSessionExpired);
    await el.updateComplete;
    expect(root(el).querySelectorAll('[role=alert]')).to.have.length(1);
    expect(el.panelElements.length).to.equal(SOME.length);
    for (const panel of el.panelElements) expect(root(panel).querySelector('.message')!.textContent).to.match(/once you are signed in/);
    state.expired = false;
    el.reload();
    await settled(el);
    expect(root(el).querySelector('.name')!.textContent).to.equal('Lecture');
  });

  it('a missing privilege shows "no access to this report" in that panel alone', async () => {
    const { provider, state } = switchable();
    state.forbidden.add('devices');
    const el = await fixture<EntryAnalytics>(
      html`<entry-analytics .provider=${provider} .panels=${SOME} entry-id="e1" time-zone="UTC" today="2026-03-30"></entry-analytics>`,
    );
    await settled(el);
    expect(el.isSessionExpired).to.equal(false);
    const byTag = new Map(el.panelElements.map((p) => [p.localName, p]));
    expect(root(byTag.get('devices-overview')!).querySelector('[part=error]')!.textContent).to.match(/No access to this report/);
    expect(root(byTag.get('entry-highlights')!).querySelector('[part=error]')).to.equal(null);
    expect(root(byTag.get('engagement-funnel')!).querySelector('[part=error]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a panel on its own says "session expired" itself, with Retry, and fires the event', async () => {
    const { provider, state } = switchable();
    state.expired = true;
    const el = await fixture<EntryHighlights>(
      html`<entry-highlights .provider=${provider} entry-id="e1" time-zone="UTC" from="2026-03-01" to="2026-03-30"></entry-highlights>`,
    );
    const fired = oneEvent(document, 'session-expired');
    el.reload();
    const event = await fired;
    expect(event.target).to.equal(el);
    await el.whenLoaded();
    expect(root(el).querySelector('[part=error]')!.textContent).to.match(/session has expired/);
    await expect(el).to.be.accessible();
    state.expired = false;
    (root(el).querySelector('[part=error] button') as HTMLButtonElement).click();
    await el.whenLoaded();
    expect(root(el).querySelector('[part=error]')).to.equal(null);
  });
});
