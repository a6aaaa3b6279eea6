/**
 * The whole dashboard under the strict Content Security Policy (no inline styles or scripts, Trusted Types with the
 * `lit-html` policy alone): no violation may be reported, and the bars must still be drawn to their values (a blocked
 * `style` attribute leaves every bar at full width, which looks right and is wrong).
 */
import { expect } from '@open-wc/testing';
import type { EntryAnalytics } from '../../src/shell/entry-analytics.js';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}
type PageWindow = Window & { __violations?: Violation[]; __ready?: boolean; __failed?: string };

async function until(predicate: () => boolean, ms: number): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Every element matching `sel` in `root` and in every shadow root below it. */
function deepAll<T extends Element>(root: Document | ShadowRoot, sel: string): T[] {
  const out = [...root.querySelectorAll<T>(sel)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...deepAll<T>(el.shadowRoot, sel));
  return out;
}

const width = (el: Element) => el.getBoundingClientRect().width;
/** A track's inner width (without its border), which a bar's percentage is of. */
const inner = (el: Element) => el.clientWidth;
/** "53.5%" → 53.5; "1,234" → 1234. */
const num = (text: string) => Number(text.replace(/[^\d.-]/g, ''));

let frame: HTMLIFrameElement;
let win: PageWindow;

before(async function () {
  this.timeout(60_000);
  frame = document.createElement('iframe');
  frame.style.width = '1280px';
  frame.style.height = '9000px';
  document.body.append(frame);
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = '/test/csp/strict-csp.html';
  await loaded;
  win = frame.contentWindow as PageWindow;
  await until(() => Boolean(win.__ready || win.__failed), 50_000);
  // The map loads its code and geometry when it comes on screen.
  const dashboard = frame.contentDocument!.getElementById('dashboard') as EntryAnalytics;
  await until(() => deepAll(dashboard.shadowRoot!, 'top-countries').length > 0, 10_000);
  const map = deepAll(dashboard.shadowRoot!, 'top-countries')[0]!;
  map.scrollIntoView();
  await until(() => deepAll(map.shadowRoot!, 'svg path').length > 100, 20_000).catch(() => {});
  await new Promise((r) => setTimeout(r, 300));
});

after(() => frame.remove());

describe('strict Content Security Policy', () => {
  it('loads the whole dashboard and reports no securitypolicyviolation at all', () => {
    expect(win.__failed).to.equal(undefined);
    expect(win.__ready).to.equal(true);
    const violations = [...win.__violations!];
    expect(violations, JSON.stringify(violations.slice(0, 5))).to.deep.equal([]);
    const panels = (frame.contentDocument!.getElementById('dashboard') as EntryAnalytics).panelElements;
    expect(panels.length).to.be.greaterThan(8);
  });

  it('draws devices bars in proportion to their values', () => {
    const dashboard = frame.contentDocument!.getElementById('dashboard')!;
    const panel = deepAll(dashboard.shadowRoot!, 'devices-overview')[0]!;
    const marks = [...panel.shadowRoot!.querySelectorAll('.mark')];
    expect(marks.length).to.be.greaterThan(1);
    const values = marks.map((m) => num(m.querySelector('.value')!.textContent!));
    const max = Math.max(...values);
    const ratios = marks.map((m) => width(m.querySelector('.bar')!) / inner(m.querySelector('.track')!));
    ratios.forEach((r, i) => expect(r).to.be.closeTo(values[i]! / max, 0.02));
    expect(Math.min(...ratios)).to.be.lessThan(0.9);
  });

  it('draws every distribution bar of the tables to its percentage', () => {
    const dashboard = frame.contentDocument!.getElementById('dashboard')!;
    const dists = deepAll(dashboard.shadowRoot!, '.dist');
    expect(dists.length).to.be.greaterThan(5);
    const ratios = dists.map((d) => {
      const share = num(d.querySelector('.dist-value')!.textContent!) / 100;
      const ratio = width(d.querySelector('.dist-bar')!) / inner(d.querySelector('.dist-track')!);
      expect(ratio, d.textContent!).to.be.closeTo(share, 0.02);
      return ratio;
    });
    expect(Math.min(...ratios)).to.be.lessThan(0.5);
  });

  it('draws the funnel fills to their lengths and the user rate bars to their rates', () => {
    const dashboard = frame.contentDocument!.getElementById('dashboard')!;
    const users = deepAll(dashboard.shadowRoot!, 'user-engagement')[0]!;
    const rates = [...users.shadowRoot!.querySelectorAll('.rate')];
    expect(rates.length).to.be.greaterThan(2);
    for (const r of rates) {
      const track = r.querySelector('.bar')!;
      const ratio = width(track.firstElementChild!) / inner(track);
      expect(ratio, r.textContent!).to.be.closeTo(num(r.textContent!) / 100, 0.02);
    }
    const funnel = deepAll(dashboard.shadowRoot!, 'engagement-funnel')[0]!;
    const fills = [...funnel.shadowRoot!.querySelectorAll<HTMLElement>('.fill')];
    expect(fills.length).to.be.greaterThan(2);
    const widths = fills.map((f) => width(f) / inner(f.parentElement!));
    expect(Math.min(...widths)).to.be.lessThan(Math.max(...widths) - 0.05);
  });

  it('draws the map', () => {
    const map = deepAll(frame.contentDocument!.getElementById('dashboard')!.shadowRoot!, 'top-countries')[0]!;
    expect(deepAll(map.shadowRoot!, 'svg path').length).to.be.greaterThan(100);
  });

  // Last, because it adds a violation: proof that the header is in force (an inline style attribute is refused) and
  // that `lit-html` is the one Trusted Types policy the library creates.
  it('was served with the policy in force', async () => {
    const before = win.__violations!.length;
    frame.contentDocument!.body.setAttribute('style', 'outline: 1px solid');
    await until(() => win.__violations!.length > before, 2000);
    expect(win.__violations!.at(-1)!.directive).to.equal('style-src-attr');
    expect(frame.contentDocument!.body.style.outlineStyle).to.equal('');
    const tt = (frame.contentWindow as unknown as { trustedTypes: { getPolicyNames?: () => string[] } }).trustedTypes;
    if (tt.getPolicyNames) expect(tt.getPolicyNames()).to.deep.equal(['lit-html']);
  });
});
