/**
 * The opt-in catalogs: every message parses, keeps English's parameters, and has exactly the plural cases its
 * language's CLDR rules have (Arabic six, Hebrew one/two/other, French many for millions, Japanese and Chinese other).
 */
import { expect } from '@open-wc/testing';
import { en, type Catalog, type MessageKey } from '../../src/i18n/catalog.js';
import { translate } from '../../src/i18n/index.js';
import { de } from '../../src/i18n/de.js';
import { fr } from '../../src/i18n/fr.js';
import { es } from '../../src/i18n/es.js';
import { ptBR } from '../../src/i18n/pt-BR.js';
import { it as itCatalog } from '../../src/i18n/it.js';
import { nl } from '../../src/i18n/nl.js';
import { ja } from '../../src/i18n/ja.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { he } from '../../src/i18n/he.js';
import { ar } from '../../src/i18n/ar.js';

export const CATALOGS: Record<string, Catalog> = {
  de,
  fr,
  es,
  'pt-BR': ptBR,
  it: itCatalog,
  nl,
  ja,
  'zh-CN': zhCN,
  he,
  ar,
};

interface Block {
  name: string;
  cases: Map<string, string>;
}

/** Parses a message: its `{name}` parameters and plural blocks; throws on unbalanced or malformed braces. */
function parse(text: string): { params: string[]; plurals: Block[] } {
  const params = new Set<string>();
  const plurals: Block[] = [];
  let i = 0;
  const readBlock = (): void => {
    // At '{': a parameter `{name}` or a plural block `{name, plural, sel {…} …}`.
    const head = /^\{(\w+)(\}|,\s*plural,\s*)/.exec(text.slice(i));
    if (!head) throw new Error(`malformed placeholder at ${i}: ${text.slice(i, i + 20)}`);
    params.add(head[1]!);
    i += head[0].length;
    if (head[2] === '}') return;
    const cases = new Map<string, string>();
    while (text[i] !== '}') {
      const sel = /^\s*(=?\w+)\s*\{/.exec(text.slice(i));
      if (!sel) throw new Error(`malformed plural case at ${i}: ${text.slice(i, i + 20)}`);
      i += sel[0].length;
      const start = i;
      let depth = 1;
      while (depth > 0) {
        if (i >= text.length) throw new Error('unclosed plural case');
        if (text[i] === '{') depth++;
        else if (text[i] === '}') depth--;
        i++;
      }
      const body = text.slice(start, i - 1);
      if (cases.has(sel[1]!)) throw new Error(`case ${sel[1]} twice`);
      cases.set(sel[1]!, body);
      for (const m of body.matchAll(/\{(\w+)\}/g)) params.add(m[1]!);
      while (text[i] === ' ') i++;
      if (i >= text.length) throw new Error('unclosed plural block');
    }
    i++;
    plurals.push({ name: head[1]!, cases });
  };
  while (i < text.length) {
    if (text[i] === '{') readBlock();
    else if (text[i] === '}') throw new Error(`stray } at ${i}`);
    else i++;
  }
  return { params: [...params].sort(), plurals };
}

const KEYS = Object.keys(en) as MessageKey[];

describe('language catalogs', () => {
  it('English messages parse', () => {
    for (const key of KEYS) expect(() => parse(en[key]), key).to.not.throw();
  });

  for (const [lang, catalog] of Object.entries(CATALOGS))
    describe(lang, () => {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];

      it('translates every English key', () => {
        const missing = KEYS.filter((key) => !(key in catalog));
        expect(missing, `${lang} lacks ${missing.join(', ')}`).to.deep.equal([]);
      });

      it('has only English keys, none empty', () => {
        for (const [key, text] of Object.entries(catalog)) {
          expect(key in en, `${key} is not an English key`).to.equal(true);
          expect(text, key).to.be.a('string').and.not.equal('');
        }
      });

      it('parses every message and keeps English’s parameters', () => {
        for (const [key, text] of Object.entries(catalog) as [MessageKey, string][]) {
          const ours = parse(text);
          const english = parse(en[key]);
          expect(ours.params, key).to.deep.equal(english.params);
          expect(ours.plurals.map((b) => b.name), key).to.deep.equal(english.plurals.map((b) => b.name));
        }
      });

      it(`gives every plural block exactly the CLDR cases of ${lang} (${categories.join(', ')}), # where it counts`, () => {
        for (const [key, text] of Object.entries(catalog) as [MessageKey, string][]) {
          for (const block of parse(text).plurals) {
            const named = [...block.cases.keys()].filter((c) => !c.startsWith('='));
            expect(named.sort(), `${key}: ${block.name}`).to.deep.equal([...categories].sort());
            // `other`, `few` and `many` are always shown with their number; `zero`, `one` and `two` may be words.
            for (const c of ['other', 'few', 'many'])
              if (block.cases.has(c)) expect(block.cases.get(c), `${key}: ${c} shows #`).to.contain('#');
          }
        }
      });

      it('is what translate() gives once imported', () => {
        const [key, text] = Object.entries(catalog).find(([, t]) => !t.includes('{'))!;
        expect(translate(lang, key as MessageKey)).to.equal(text);
      });
    });

  it('counts in every language pick the right form', () => {
    expect(translate('fr', 'users.count', { count: 0 })).to.equal('0 utilisateur');
    expect(translate('fr', 'users.count', { count: 1_000_000 })).to.equal(`${new Intl.NumberFormat('fr').format(1_000_000)} d’utilisateurs`);
    expect(translate('es', 'users.count', { count: 2 })).to.equal('2 usuarios');
    expect(translate('pt-BR', 'users.count', { count: 1 })).to.equal('1 usuário');
    expect(translate('pt-PT', 'users.count', { count: 3 })).to.equal('3 usuários');
    expect(translate('ja', 'users.count', { count: 1 })).to.equal('1 人のユーザー');
    expect(translate('zh-Hans-CN', 'users.count', { count: 5 })).to.equal('5 位用户');
    expect(translate('he', 'users.count', { count: 1 })).to.equal('משתמש אחד');
    expect(translate('he', 'users.count', { count: 2 })).to.equal('שני משתמשים');
    expect(translate('he', 'users.count', { count: 7 })).to.equal('7 משתמשים');
    const arab = new Intl.NumberFormat('ar');
    const ar = (n: number) => translate('ar', 'users.count', { count: arab.format(n) });
    expect(ar(0)).to.equal('لا مستخدمين');
    expect(ar(1)).to.equal('مستخدم واحد');
    expect(ar(2)).to.equal('مستخدمان');
    expect(ar(3)).to.equal(`${arab.format(3)} مستخدمين`);
    expect(ar(11)).to.equal(`${arab.format(11)} مستخدمًا`);
    expect(ar(943)).to.equal(`${arab.format(943)} مستخدمًا`);
    expect(ar(1000)).to.equal(`${arab.format(1000)} مستخدم`);
  });
});
