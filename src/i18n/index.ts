/**
 * Localisation: one module for every user-visible string, and `Intl` for every number and date.
 *
 * Only English ships today. A host adds a language with {@link registerCatalog}('fr', {...}); missing keys fall back
 * to English. Elements take their language from their own `lang` attribute, else the nearest ancestor's (crossing
 * shadow roots), else the document's, else the browser's.
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

/**
 * The message `key` in `lang` (falling back from `pt-BR` to `pt` to English), with `{param}`s filled in.
 */
export function translate(lang: string, key: MessageKey, params?: MessageParams): string {
  const lower = (lang || 'en').toLowerCase();
  const text =
    catalogs.get(lower)?.[key] ?? catalogs.get(lower.split('-')[0]!)?.[key] ?? (en as Record<string, string>)[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
