import { expect } from '@open-wc/testing';
import type { CSSResult, LitElement } from 'lit';
import '../../src/define.js';
import { TAGS } from '../../src/frameworks.js';
import { tokens } from '../../src/theme/tokens.js';
import { tooltipStyles } from '../../src/elements/shared/tooltip.styles.js';
import { mapStyles } from '../../src/elements/top-countries/map-view.styles.js';



/** Every style sheet an element adopts (plus the map's, adopted when the map module loads), but the token sheet. */
function sheetsOf(tag: string): CSSResult[] {
  const ctor = customElements.get(tag) as unknown as typeof LitElement;
  expect(ctor, tag).to.exist;
  const own = (ctor.elementStyles as CSSResult[]).filter((s) => s !== tokens);
  return tag === 'top-countries' ? [...own, mapStyles] : own;
}

const COLOR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/i;

describe('element styles', () => {
  for (const tag of TAGS) {
    it(`<${tag}> takes every colour from a token (no colour literal outside the token sheet)`, () => {
      for (const sheet of sheetsOf(tag)) {
        const hit = sheet.cssText.match(COLOR_LITERAL);
        expect(hit?.[0], `${tag}: ${sheet.cssText.slice(Math.max(0, (hit?.index ?? 0) - 80), (hit?.index ?? 0) + 40)}`).to.equal(undefined);
      }
    });
  }

  it('the tooltip card is styled in one place; elements only place it', () => {
    const look = /\.tooltip\s*\{[^}]*\b(?:background|border|box-shadow|padding)\s*:/;
    const seen = new Set<CSSResult>();
    for (const tag of TAGS) for (const s of sheetsOf(tag)) seen.add(s);
    const styled = [...seen].filter((s) => look.test(s.cssText));
    expect(styled).to.deep.equal([tooltipStyles]);
  });

  it('the token sheet itself holds the default colours', () => {
    expect(tokens.cssText).to.match(COLOR_LITERAL);
  });
});
