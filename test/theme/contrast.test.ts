import { expect } from '@open-wc/testing';
import { COLOR_TOKENS, type ThemeName } from '../../src/theme/tokens.js';
import { contrastRatio } from '../../src/theme/contrast.js';

const THEMES: ThemeName[] = ['light', 'dark', 'high-contrast'];
const value = (theme: ThemeName, local: string) => {
  const t = COLOR_TOKENS.find((x) => x.local === local);
  if (!t) throw new Error(local);
  return t[theme];
};

describe('colour tokens', () => {
  it('contrastRatio follows WCAG (black on white 21:1, equal colours 1:1, #777 on white ~4.48)', () => {
    expect(contrastRatio('#000000', '#ffffff')).to.be.closeTo(21, 1e-9);
    expect(contrastRatio('#123456', '#123456')).to.equal(1);
    expect(contrastRatio('#777777', '#ffffff')).to.be.closeTo(4.48, 0.01);
  });

  it('every token has a value in every theme, and public names are unique', () => {
    for (const t of COLOR_TOKENS) for (const th of THEMES) expect(t[th], `${t.property} ${th}`).to.be.a('string').and.not.equal('');
    expect(new Set(COLOR_TOKENS.map((t) => t.property)).size).to.equal(COLOR_TOKENS.length);
  });

  for (const theme of THEMES) {
    describe(`${theme} theme`, () => {
      const bg = value(theme, '--_bg');
      const alt = value(theme, '--_bg-alt');
      const pairs: [string, string, number][] = [
        ['--_text', '--_bg', 4.5],
        ['--_text', '--_bg-alt', 4.5],
        ['--_muted', '--_bg', 4.5],
        ['--_muted', '--_bg-alt', 4.5],
        ['--_text', '--_error-bg', 4.5],
        ['--_negative', '--_error-bg', 4.5],
        ['--_accent-contrast', '--_accent', 4.5],
        ['--_accent', '--_bg', 4.5], // links and accent text
        ['--_compare', '--_bg', 4.5], // compare text
        ['--_positive', '--_bg', 4.5],
        ['--_negative', '--_bg', 4.5],
        ['--_focus', '--_bg', 3],
        ['--_focus', '--_focus-halo', 3],
        ['--_control-border', '--_bg', 3],
      ];
      for (const [fg, on, min] of pairs) {
        it(`${fg} on ${on} ≥ ${min}:1`, () => {
          expect(contrastRatio(value(theme, fg), value(theme, on))).to.be.at.least(min);
        });
      }
      it('chart marks (series 1–6, heatmap tiers 1–3) ≥ 3:1 on the surface', () => {
        for (const m of ['--_series-1', '--_series-2', '--_series-3', '--_series-4', '--_series-5', '--_series-6', '--_tier-1', '--_tier-2', '--_tier-3']) {
          expect(contrastRatio(value(theme, m), bg), `${m} on ${bg}`).to.be.at.least(3);
          expect(contrastRatio(value(theme, m), alt), `${m} on ${alt}`).to.be.at.least(2.5);
        }
      });
      it('the focus ring with its halo shows on every fill (≥ 3:1 against one of the two)', () => {
        const ring = value(theme, '--_focus');
        const halo = value(theme, '--_focus-halo');
        for (const fill of ['--_tier-0', '--_tier-1', '--_tier-2', '--_tier-3', '--_series-1', '--_bg', '--_bg-alt']) {
          const f = value(theme, fill);
          expect(Math.max(contrastRatio(ring, f), contrastRatio(halo, f)), `${fill} ${f}`).to.be.at.least(3);
        }
      });
    });
  }
});
