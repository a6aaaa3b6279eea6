import { expect } from '@open-wc/testing';
import { all, engineWith, q, watched } from './helpers.js';

/**
 * The users table's name order (a cheap presort key, checked pair by pair with the collator, with a full collator
 * sort when the key disagrees) must be exactly a plain sort by `Intl.Collator(locale ?? 'en')`, ties by user id.
 */
describe('users: name order equals the collator', () => {
  const tokens = [
    'Ada', 'ada', 'ADA', 'Élise', 'Elise', 'élise', 'elise', 'Zoë', 'Zoe', 'zoe', 'Ömer', 'Omer', 'Åsa', 'Asa', 'Ærø', 'æ',
    'Øster', 'Oster', 'Łukasz', 'Lukasz', 'Żak', 'Zak', 'ß', 'ss', 'Straße', 'Strasse', "O'Brien", 'OBrien', 'O-Brien',
    'O Brien', 'de la Cruz', 'Dela Cruz', 'delacruz', 'Chloé', 'Chloe', 'chloé', 'Ch', 'ch', 'h', 'H', 'i', 'İ', 'ı',
    'Иван', 'иван', 'Ёлка', 'Елка', '李', '王', 'محمد', 'יוסי', '😀', 'a😀b', '1', '2', '10', '09', '9', '½', ' ', '  ',
    '-', '_', '.', ',', '!', '#', '@', '~', '\u0000', '\u0001', '\t', 'e\u0301', 'é', 'A\u030a', 'Å', 'ﬁ', 'fi', 'Ⅻ',
  ];
  const seps = ['', ' ', '  ', '-', "'", '.', '_', '1', '0'];
  for (const locale of [undefined, 'en', 'fr', 'sv', 'de', 'cs', 'tr', 'da', 'lt', 'ja']) {
    it(`locale ${locale ?? '(default)'}`, () => {
      let seed = 7 + (locale?.charCodeAt(0) ?? 0);
      const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
      const collator = new Intl.Collator(locale ?? 'en');
      for (let trial = 0; trial < 12; trial++) {
        const n = 20 + Math.floor(rnd() * (trial % 4 === 0 ? 600 : 120));
        const users: Record<string, string> = {};
        const ids: string[] = [];
        for (let i = 0; i < n; i++) {
          const id = `u${Math.floor(rnd() * 100_000)}${rnd() < 0.1 ? 'X' : ''}`;
          if (id in users) continue;
          ids.push(id);
          const parts = Math.floor(rnd() * 4);
          let name = rnd() < 0.03 ? '' : pick(tokens);
          for (let p = 0; p < parts; p++) name += pick(seps) + pick(tokens);
          if (rnd() < 0.3) name += ` ${Math.floor(rnd() * 1000)}`;
          // Equal names (the same text, or copies of a name already given) and users missing from the directory.
          if (rnd() < 0.15 && ids.length > 1) name = users[pick(ids.slice(0, -1))] ?? name;
          if (rnd() < 0.05) continue;
          users[id] = name;
        }
        const events = all(...ids.map((id, i) => watched(`s${i}`, '2026-03-10T10:00:00Z', 10, { entryId: 'e1', userId: id })));
        const engine = engineWith(events, { users, ...(locale ? { locale } : {}) });
        const nameOf = (id: string) => users[id] ?? id;
        const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
        const asc = [...ids].sort((a, b) => collator.compare(nameOf(a), nameOf(b)) || byId(a, b));
        const desc = [...ids].sort((a, b) => collator.compare(nameOf(b), nameOf(a)) || byId(a, b));
        const page = { offset: 0, limit: ids.length };
        for (const [direction, want] of [['asc', asc], ['desc', desc]] as const) {
          const got = engine.query(q('users', { sort: { field: 'name', direction }, page })).rows.map((r) => r.userId);
          expect(got, `${locale} trial ${trial} ${direction}`).to.deep.equal(want);
        }
      }
    });
  }
});
