/**
 * Right-to-left pages show no English: the whole dashboard on the sample, in Arabic and in Hebrew, holds none of the
 * English catalog's words in its text or its accessible names.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import '../../src/i18n/ar.js';
import '../../src/i18n/he.js';
import { en, type MessageKey } from '../../src/i18n/catalog.js';
import { ar } from '../../src/i18n/ar.js';
import { he } from '../../src/i18n/he.js';
import type { EntryAnalytics } from '../../src/shell/entry-analytics.js';
import type { Catalog } from '../../src/i18n/index.js';
import { SAMPLE_ENTRY_ID, sampleProvider, sampleRange } from '../../stories/support.js';
import { until } from '../support/providers.js';

/** Every text node and accessible name (aria-label, title, placeholder), through shadow roots. */
function allText(root: Node, out: string[] = []): string[] {
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (parent && !['STYLE', 'SCRIPT'].includes(parent.tagName)) out.push(node.textContent ?? '');
      return;
    }
    if (node instanceof Element) {
      for (const a of ['aria-label', 'title', 'placeholder', 'aria-description']) {
        const v = node.getAttribute(a);
        if (v) out.push(v);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out;
}

/**
 * English messages a page could show as they are: no parameters, not the same in `catalog`, and either several words
 * or one of six letters or more (shorter single words, "End" or "Page", are also the keyboard's key names, which the
 * translations keep).
 */
function englishPhrases(catalog: Catalog): string[] {
  return (Object.keys(en) as MessageKey[])
    .filter((k) => !en[k].includes('{') && catalog[k] !== en[k] && (/[A-Za-z]+\s+[A-Za-z]+/.test(en[k]) || /[A-Za-z]{6}/.test(en[k])))
    .map((k) => en[k]);
}

/** Whether `phrase` stands in `text` as whole words. */
const standsIn = (text: string, phrase: string) =>
  new RegExp(`(^|[^A-Za-z])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z]|$)`).test(text);

describe('right-to-left dashboards show no English', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(120_000);
    await sampleProvider()(
      { kind: 'entry', entryId: SAMPLE_ENTRY_ID, range: sampleRange(), timeZone: 'UTC', filters: {} },
      { signal: new AbortController().signal },
    );
  });

  for (const [lang, catalog] of [['ar', ar], ['he', he]] as const)
    it(lang, async () => {
      const el = await fixture<EntryAnalytics>(html`<entry-analytics
        .provider=${sampleProvider()}
        entry-id=${SAMPLE_ENTRY_ID}
        time-zone="UTC"
        today=${sampleRange().to}
        compare="previous"
        lang=${lang}
      ></entry-analytics>`);
      await el.whenLoaded();
      await until(() => el.panelElements.length > 5, 30_000);
      for (const p of el.panelElements) await (p as unknown as { whenLoaded?: () => Promise<void> }).whenLoaded?.();
      await new Promise((r) => setTimeout(r, 300));
      const text = allText(el).join('\n');
      const found = englishPhrases(catalog).filter((phrase) => standsIn(text, phrase));
      expect(found, `English on a ${lang} page`).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('.shell')!.getAttribute('dir')).to.equal('rtl');
    });
});
