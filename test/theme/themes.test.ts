import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { sampleDashboard } from '../support/dashboard.js';
import type { EntryAnalytics } from '../../src/shell/entry-analytics.js';
import type { AnalyticsPanel } from '../../src/elements/shared/analytics-panel.js';
import { COLOR_TOKENS, type ThemeSetting } from '../../src/theme/tokens.js';
import { rgbContrast } from '../../src/theme/contrast.js';
import { setDefaultGeometryUrl } from '../../src/elements/top-countries/atlas.js';

const dashboard = (theme: ThemeSetting) => sampleDashboard(theme);

/** Every SVG text drawn in the panels, with the ratio of its fill to its panel's background. */
function svgTextContrasts(el: EntryAnalytics): { text: string; ratio: number; where: string }[] {
  const out: { text: string; ratio: number; where: string }[] = [];
  const visit = (root: ShadowRoot, where: string) => {
    const panel = root.querySelector('.panel');
    const bg = panel ? getComputedStyle(panel).backgroundColor : '';
    if (bg && !bg.startsWith('rgba(0, 0, 0, 0)')) {
      for (const t of root.querySelectorAll<SVGTextElement>('svg text')) {
        if (!t.textContent?.trim() || t.getBBox().width === 0) continue;
        out.push({ text: t.textContent.trim(), ratio: rgbContrast(getComputedStyle(t).fill, bg), where });
      }
    }
    for (const child of root.querySelectorAll('*')) if (child.shadowRoot) visit(child.shadowRoot, child.localName);
  };
  visit(el.shadowRoot!, 'entry-analytics');
  return out;
}

const token = (local: string, theme: 'light' | 'dark') => COLOR_TOKENS.find((t) => t.local === local)![theme];
const hexToRgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('themes', function () {
  this.timeout(90_000);
  after(() => setDefaultGeometryUrl(undefined));
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'no-preference' });
  });

  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    it(`the dashboard in the ${theme} theme: every panel themed, axe clean (colour contrast included), SVG text ≥ 4.5:1`, async () => {
      const el = await dashboard(theme);
      const expected = theme === 'high-contrast' ? COLOR_TOKENS.find((t) => t.local === '--_bg')![theme] : token('--_bg', theme);
      for (const p of el.panelElements) {
        expect(getComputedStyle(p.shadowRoot!.querySelector('.panel')!).backgroundColor, p.localName).to.equal(hexToRgb(expected));
      }
      const texts = svgTextContrasts(el);
      expect(texts.length).to.be.greaterThan(20);
      const low = texts.filter((t) => t.ratio < 4.5);
      expect(low, JSON.stringify(low.slice(0, 5))).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('auto follows the system setting, and a panel takes its own theme over the dashboard’s', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await fixture<EntryAnalytics>(
      html`<entry-analytics entry-id="e1" theme="auto" .panels=${[]}></entry-analytics>
        <entry-highlights theme="auto"></entry-highlights>`,
    );
    const panel = el.nextElementSibling as HTMLElement;
    await (panel as unknown as AnalyticsPanel<unknown>).updateComplete;
    const bg = () => getComputedStyle(panel.shadowRoot!.querySelector('.panel')!).backgroundColor;
    expect(bg()).to.equal(hexToRgb(token('--_bg', 'dark')));
    await emulateMedia({ colorScheme: 'light' });
    expect(bg()).to.equal(hexToRgb(token('--_bg', 'light')));
    panel.setAttribute('theme', 'dark');
    expect(bg()).to.equal(hexToRgb(token('--_bg', 'dark')));
    panel.style.setProperty('--ea-color-surface', '#102030');
    expect(bg()).to.equal('rgb(16, 32, 48)'); // the page's public token wins over the theme
  });
});
