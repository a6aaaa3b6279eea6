/**
 * Localisation: one module for every user-visible string, and `Intl` for every number and date.
 *
 * English is built in; German, French, Spanish, Brazilian Portuguese, Italian, Dutch, Japanese, Simplified Chinese,
 * Hebrew and Arabic ship as opt-in modules (`import 'entry-analytics/i18n/de.js'` registers German, and costs
 * nothing to pages that do not import it). A host adds a language with {@link registerCatalog}('sv', {...}); missing
 * keys fall back to English. Elements take their language from their own `lang` attribute, else the nearest
 * ancestor's (crossing shadow roots), else the document's, else the browser's.
 */
import { en, type Catalog, type MessageKey } from './catalog.js';

export type { Catalog, MessageKey } from './catalog.js';
export * from './format.js';

const catalogs = new Map<string, Catalog>([['en', en]]);

/** Adds or extends the catalog of a language (`'fr'`, `'pt-BR'`). */
export function registerCatalog(lang: string, catalog: Catalog): void {
  const key = lang.toLowerCase();
  catalogs.set(key, { ...(catalogs.get(key) ?? {}), ...catalog });
}

/** Parameters of a message; numbers are inserted as given, so format them first. */
export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(lang: string, n: number): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(lang);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    pluralRules.set(lang, rules);
  }
  return rules.select(n);
}

const digitMaps = new Map<string, Map<string, string>>();
/**
 * `text` with the digits of `lang`'s numbering system (Arabic-Indic `٩٤٣`, for one) written as ASCII digits, so a
 * count formatted for the page still picks its plural case.
 */
function asciiDigits(lang: string, text: string): string {
  let map = digitMaps.get(lang);
  if (!map) {
    map = new Map();
    try {
      const nine = [...new Intl.NumberFormat(lang, { useGrouping: false }).format(9876543210)];
      nine.forEach((ch, i) => map!.set(ch, String(9 - i)));
    } catch {
      /* ASCII digits only */
    }
    digitMaps.set(lang, map);
  }
  return map.size ? text.replace(/./gu, (ch) => map!.get(ch) ?? ch) : text;
}

/**
 * Expands `{name, plural, one {# user} other {# users}}` blocks (ICU syntax, the categories of `Intl.PluralRules`
 * plus exact `=N` cases). Give the parameter as a number: it picks the case and `#` shows it formatted with
 * `Intl.NumberFormat`. A string parameter (an already formatted count) is shown as given and picks the case from its
 * digits.
 */
function expandPlurals(lang: string, text: string, params: MessageParams): string {
  let out = '';
  let i = 0;
  const head = /\{(\w+),\s*plural,\s*/g;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    // Find the block's end and its cases by brace depth.
    const cases = new Map<string, string>();
    let j = m.index + m[0].length;
    while (j < text.length && text[j] !== '}') {
      const sel = /^\s*(=?\w+)\s*\{/.exec(text.slice(j));
      if (!sel) break;
      let depth = 1;
      let k = j + sel[0].length;
      const start = k;
      while (k < text.length && depth > 0) {
        if (text[k] === '{') depth++;
        else if (text[k] === '}') depth--;
        k++;
      }
      cases.set(sel[1]!, text.slice(start, k - 1));
      j = k;
      while (text[j] === ' ') j++;
    }
    const raw = params[m[1]!];
    const n = typeof raw === 'number' ? raw : Number(asciiDigits(lang, String(raw ?? '')).replace(/[^\d-]/g, ''));
    const shown = typeof raw === 'number' ? new Intl.NumberFormat(lang).format(raw) : String(raw ?? '');
    const chosen = cases.get(`=${n}`) ?? cases.get(pluralCategory(lang, n)) ?? cases.get('other') ?? '';
    out += text.slice(i, m.index) + chosen.replace(/#/g, shown);
    i = j + 1;
    head.lastIndex = i;
  }
  return out + text.slice(i);
}

/**
 * The message `key` in `lang` (falling back from `pt-BR` to `pt` to English), with `{param}`s filled in and plural
 * blocks expanded (see {@link expandPlurals}).
 */
export function translate(lang: string, key: MessageKey, params?: MessageParams): string {
  const lower = (lang || 'en').toLowerCase();
  const text =
    catalogs.get(lower)?.[key] ?? catalogs.get(lower.split('-')[0]!)?.[key] ?? (en as Record<string, string>)[key] ?? key;
  if (!params) return text;
  const expanded = text.includes(', plural,') ? expandPlurals(lower, text, params) : text;
  return expanded.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
