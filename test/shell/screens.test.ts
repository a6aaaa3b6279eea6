/**
 * The whole dashboard on phones and tablets: no sideways page overflow at 320, 375 and 768 px (nor at 1400 and
 * 1600 px), every table column reachable (the table fits, or scrolls in its region with the row-header column stuck
 * and a visible cue), highlight tiles two or more per row on phones, every control at least 24 × 24 px (WCAG 2.2
 * target size), axe clean with colour contrast, in the light and dark themes and in forced colours.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { EntryAnalytics } from '../../src/shell/entry-analytics.js';
import type { ThemeSetting } from '../../src/theme/tokens.js';
import { setDefaultGeometryUrl } from '../../src/elements/top-countries/atlas.js';
import { deepAll, sampleDashboard } from '../support/dashboard.js';
import { emulateFeatures } from '../support/media.js';

/** Controls a pointer aims at (SVG marks are left out: the table beside each chart offers the same actions). */
const TARGETS = 'button, a[href], select, input, summary, [role=button]:not(svg *), [role=tab]';

/** "ResizeObserver loop completed with undelivered notifications" is a notice, not an error of the page. */
function ignoreResizeObserverNotices(): () => void {
  const previous = window.onerror;
  window.onerror = (message, ...rest) =>
    /ResizeObserver loop/.test(String(message)) ? true : (previous?.call(window, message, ...rest) ?? false);
  return () => (window.onerror = previous);
}

function name(el: Element): string {
  const host = (el.getRootNode() as ShadowRoot).host?.localName ?? 'page';
  const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return `${host} ${el.localName}.${[...el.classList].join('.')} “${text}”`;
}

/** What must hold at every width. */
function checkLayout(el: EntryAnalytics, width: number): void {
  const doc = document.documentElement;
  const outside = [...deepAll(document.body, '*')]
    .filter((e) => e.getBoundingClientRect().right > doc.clientWidth + 0.5 && !e.parentElement?.closest('.table-wrap'))
    .map((e) => `${name(e)} ${e.getBoundingClientRect().right.toFixed(1)}`);
  expect(doc.scrollWidth, `page overflows at ${width} px: ${outside.slice(0, 8).join(' | ')}`).to.be.at.most(doc.clientWidth);
  for (const panel of el.panelElements) {
    const frame = panel.shadowRoot!.querySelector<HTMLElement>('.panel')!;
    expect(frame.scrollWidth, `${panel.localName} overflows at ${width} px`).to.be.at.most(frame.clientWidth + 1);
    expect(panel.getBoundingClientRect().right, `${panel.localName} sticks out at ${width} px`).to.be.at.most(doc.clientWidth + 0.5);
  }
  // Every table: its columns fit, or its region scrolls with the row-header column stuck and the cue shown.
  for (const wrap of deepAll(el.shadowRoot!, '.table-wrap')) {
    if (!wrap.getClientRects().length) continue;
    const table = wrap.querySelector('table')!;
    const where = `${name(wrap)} at ${width} px`;
    expect(wrap.getBoundingClientRect().right, where).to.be.at.most(doc.clientWidth + 0.5);
    if (wrap.scrollWidth <= wrap.clientWidth + 1) continue;
    expect(getComputedStyle(wrap).overflowX, where).to.be.oneOf(['auto', 'scroll']);
    expect(wrap.hasAttribute('data-overflow'), where).to.equal(true);
    const cue = wrap.nextElementSibling as HTMLElement | null;
    expect(cue?.classList.contains('scroll-cue') && cue.getClientRects().length > 0, `cue of ${where}`).to.equal(true);
    const rowHeader = table.querySelector('tbody th[scope=row]');
    if (rowHeader) expect(getComputedStyle(rowHeader).position, `sticky column of ${where}`).to.equal('sticky');
  }
  // Target size: every control at least 24 × 24 CSS pixels.
  const small = deepAll(el.shadowRoot!, TARGETS)
    .filter((t) => t.getClientRects().length > 0 && !t.closest('.sr-only'))
    .map((t) => [t, t.getBoundingClientRect()] as const)
    .filter(([, r]) => r.width < 24 - 0.01 || r.height < 24 - 0.01)
    .map(([t, r]) => `${name(t)} ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
  expect(small, `targets under 24 px at ${width} px`).to.deep.equal([]);
}

async function dashboardAt(width: number, theme?: ThemeSetting): Promise<EntryAnalytics> {
  await setViewport({ width, height: 900 });
  const el = await sampleDashboard(theme);
  await new Promise((r) => setTimeout(r, 200));
  return el;
}

describe('the dashboard on phones and tablets', function () {
  this.timeout(180_000);
  let restore: () => void;
  before(() => (restore = ignoreResizeObserverNotices()));
  after(async () => {
    restore();
    setDefaultGeometryUrl(undefined);
    await setViewport({ width: 800, height: 600 });
  });

  // Every width in both themes.
  const runs: [number, ThemeSetting][] = [320, 375, 768].flatMap((w): [number, ThemeSetting][] => [
    [w, 'light'],
    [w, 'dark'],
  ]);
  for (const [width, theme] of runs) {
    it(`${width} px, ${theme} theme: no sideways overflow, every column reachable, targets ≥ 24 px, axe clean`, async () => {
      const el = await dashboardAt(width, theme);
      checkLayout(el, width);
      if (width === 375) {
        const highlights = el.panelElements.find((p) => p.localName === 'entry-highlights')!;
        const tiles = [...highlights.shadowRoot!.querySelectorAll('li')];
        const firstRow = tiles.filter((t) => Math.abs(t.offsetTop - tiles[0]!.offsetTop) < 1);
        expect(firstRow.length, 'highlight tiles on the first row').to.be.at.least(2);
      }
      await expect(el).to.be.accessible();
    });
  }

  for (const width of [320, 375, 768]) {
    it(`${width} px in forced colours: the same layout, axe clean`, async () => {
      await emulateFeatures([{ name: 'forced-colors', value: 'active' }]);
      try {
        const el = await dashboardAt(width);
        checkLayout(el, width);
        await expect(el).to.be.accessible();
      } finally {
        await emulateFeatures([]);
      }
    });
  }

  for (const width of [1400, 1600]) {
    it(`${width} px: the domains table shows every column, its titles on at most three lines`, async () => {
      const el = await dashboardAt(width);
      checkLayout(el, width);
      const domains = el.panelElements.find((p) => p.localName === 'top-domains-table')!.shadowRoot!;
      const wrap = domains.querySelector<HTMLElement>('.table-wrap')!;
      expect(wrap.scrollWidth, 'every column in view').to.be.at.most(wrap.clientWidth + 1);
      const lineHeight = parseFloat(getComputedStyle(domains.querySelector('thead th button')!).lineHeight) || 20;
      for (const th of domains.querySelectorAll<HTMLElement>('thead th')) {
        const button = th.querySelector('button') ?? th;
        expect(button.getBoundingClientRect().height, th.textContent!.trim()).to.be.at.most(3 * lineHeight + 2);
      }
    });
  }
});
