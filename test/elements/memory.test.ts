/**
 * Memory tests: each chart element and the dashboard are connected and disconnected many times; every
 * ResizeObserver they create must be disconnected when they leave the page, and no listener they add to the window
 * or the document may stay behind.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/define.js';
import type { AnalyticsPanel } from '../../src/elements/shared/analytics-panel.js';
import type { EntryAnalytics } from '../../src/shell/entry-analytics.js';
import { BUCKETS, type HeatmapResult, type RetentionResult, type TimelineResult } from '../../src/data/types.js';
import { fakeProvider, totals } from '../support/providers.js';
import { SAMPLE_ENTRY_ID, sampleProvider, sampleRange } from '../../stories/support.js';

const CYCLES = 200;

/** Counts the ResizeObservers alive (created and not disconnected) while installed. */
class ObserverSpy {
  readonly live = new Set<ResizeObserver>();
  created = 0;
  private readonly native = window.ResizeObserver;

  install(): void {
    const spy = this;
    window.ResizeObserver = class extends spy.native {
      constructor(callback: ResizeObserverCallback) {
        super(callback);
        spy.created++;
        spy.live.add(this);
      }
      override disconnect(): void {
        spy.live.delete(this);
        super.disconnect();
      }
    };
  }

  uninstall(): void {
    window.ResizeObserver = this.native;
  }
}

/** Counts listeners on the window and the document: added minus removed. */
class ListenerSpy {
  net = 0;
  private readonly add = EventTarget.prototype.addEventListener;
  private readonly remove = EventTarget.prototype.removeEventListener;

  install(): void {
    const spy = this;
    const { add, remove } = this;
    EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['addEventListener']>) {
      if (this === window || this === document) spy.net++;
      return add.apply(this, args);
    };
    EventTarget.prototype.removeEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['removeEventListener']>) {
      if (this === window || this === document) spy.net--;
      return remove.apply(this, args);
    };
  }

  uninstall(): void {
    EventTarget.prototype.addEventListener = this.add;
    EventTarget.prototype.removeEventListener = this.remove;
  }
}

const retention = (): RetentionResult => ({
  duration: 200,
  plays: 120,
  views: Array.from({ length: BUCKETS }, (_, i) => 200 - i),
  viewers: Array.from({ length: BUCKETS }, (_, i) => 100 - Math.floor(i / 2)),
  uniqueUsers: Array.from({ length: BUCKETS }, (_, i) => 40 - Math.floor(i / 5)),
});

const timeline = (): TimelineResult => ({
  granularity: 'day',
  points: Array.from({ length: 7 }, (_, i) => ({
    date: `2026-02-0${i + 1}`,
    ...totals({ plays: 10 + i }),
  })),
});

const heatmap = (): HeatmapResult => ({
  duration: 200,
  users: Array.from({ length: 12 }, (_, u) => ({
    userId: `u${u}`,
    name: `User ${u}`,
    counts: Array.from({ length: BUCKETS }, (_, i) => (i + u) % 4),
  })),
});

const provider = () =>
  fakeProvider({
    retention: () => retention(),
    timeline: () => timeline(),
    totals: () => totals(),
    heatmap: () => heatmap(),
    users: () => ({ rows: [], total: 0 }),
  });

const common = { entryId: 'e1', from: '2026-02-01', to: '2026-02-07', timeZone: 'UTC' };

/** Connects and disconnects `el` CYCLES times, then removes it: returns the observers left alive. */
async function cycle(el: HTMLElement & { updateComplete: Promise<boolean> }, spy: ObserverSpy) {
  const parent = el.parentElement!;
  for (let i = 0; i < CYCLES; i++) {
    el.remove();
    parent.append(el);
    // Every few cycles let an update run, so observers also attach to rendered targets.
    if (i % 20 === 0) await el.updateComplete;
  }
  await el.updateComplete;
  const whileConnected = spy.live.size;
  el.remove();
  return { whileConnected, afterRemoval: spy.live.size };
}

describe('memory: connect and disconnect many times', () => {
  let observers: ObserverSpy;
  let listeners: ListenerSpy;

  beforeEach(() => {
    observers = new ObserverSpy();
    listeners = new ListenerSpy();
    observers.install();
    listeners.install();
  });

  afterEach(() => {
    observers.uninstall();
    listeners.uninstall();
  });

  const panels: [string, (p: ReturnType<typeof provider>) => TemplateResult, number][] = [
    ['playback-views', (p) => html`<playback-views .provider=${p} .entryId=${common.entryId} from=${common.from} to=${common.to} time-zone="UTC"></playback-views>`, 1],
    ['metrics-over-time', (p) => html`<metrics-over-time .provider=${p} .entryId=${common.entryId} from=${common.from} to=${common.to} time-zone="UTC"></metrics-over-time>`, 1],
    ['engagement-heatmap', (p) => html`<engagement-heatmap .provider=${p} .entryId=${common.entryId} from=${common.from} to=${common.to} time-zone="UTC"></engagement-heatmap>`, 1],
    ['class-engagement', (p) => html`<class-engagement .provider=${p} .entryId=${common.entryId} from=${common.from} to=${common.to} time-zone="UTC"></class-engagement>`, 1],
    ['engagement-funnel', (p) => html`<engagement-funnel .provider=${p} .entryId=${common.entryId} from=${common.from} to=${common.to} time-zone="UTC"></engagement-funnel>`, 0],
    ['entry-highlights', (p) => html`<entry-highlights .provider=${p} .entryId=${common.entryId} from=${common.from} to=${common.to} time-zone="UTC"></entry-highlights>`, 0],
    ['user-engagement', (p) => html`<user-engagement .provider=${p} .entryId=${common.entryId} from=${common.from} to=${common.to} time-zone="UTC"></user-engagement>`, 0],
  ];

  for (const [tag, template, observersWhileOn] of panels) {
    it(`<${tag}> keeps at most one live observer and none once removed, and leaves no window listener`, async () => {
      const p = provider();
      const el = await fixture<AnalyticsPanel<unknown>>(template(p));
      await el.whenLoaded();
      expect(el.shadowRoot!.querySelector('[role=alert]'), 'loads without error').to.equal(null);
      const { whileConnected, afterRemoval } = await cycle(el, observers);
      expect(whileConnected).to.equal(observersWhileOn);
      expect(afterRemoval).to.equal(0);
      if (observersWhileOn) expect(observers.created).to.be.at.least(CYCLES);
      expect(listeners.net).to.equal(0);
      // Moving the element around did not start a new load each time: inputs did not change.
      expect(p.calls.length).to.be.at.most(2);
    });
  }

  it('<entry-analytics> on the sample data: every panel observer is disconnected once the dashboard leaves', async function () {
    this.timeout(60_000);
    const range = sampleRange();
    const el = await fixture<EntryAnalytics>(
      html`<entry-analytics .provider=${sampleProvider()} entry-id=${SAMPLE_ENTRY_ID} time-zone="UTC" today=${range.to}></entry-analytics>`,
    );
    await el.whenLoaded();
    for (const p of el.panelElements) await (p as AnalyticsPanel<unknown>).whenLoaded?.();
    const panelsOn = el.panelElements.length;
    expect(panelsOn).to.be.greaterThan(5);
    const parent = el.parentElement!;
    for (let i = 0; i < CYCLES; i++) {
      el.remove();
      parent.append(el);
      if (i % 20 === 0) await el.updateComplete;
    }
    await el.updateComplete;
    for (const p of el.panelElements) await (p as AnalyticsPanel<unknown>).whenLoaded?.();
    // One observer per chart panel at most (playback, time, heatmap inside users, class, countries, devices…).
    expect(observers.live.size).to.be.at.most(panelsOn);
    el.remove();
    expect(observers.live.size).to.equal(0);
    expect(listeners.net).to.equal(0);
  });
});
