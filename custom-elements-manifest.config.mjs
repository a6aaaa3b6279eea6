// @custom-elements-manifest/analyzer configuration (`npm run analyze`): what custom-elements.json describes and how.
// The analyzer reads JSDoc (@fires, @csspart, @cssprop, @slot) and Lit's decorators; the plugin below completes and
// trims its output so the manifest documents the public API of what ships:
// - only the modules that define elements (element classes and their define.js), paths into dist/*.js;
// - only public members (no private/protected fields or methods: Storybook builds its controls from this);
// - every event with its detail type (from src/events.ts), and on <entry-analytics> the panels' events that bubble
//   out of it;
// - every `--ea-*` custom property an element reads (the design tokens of src/theme/tokens.ts, with their defaults,
//   and the element's own), and every `part` its templates expose;
// - the abstract panel base class is not an element.
// scripts/manifest.mjs then writes it compact and derives the editor data (VS Code, JetBrains) from it.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';

const EVENT_TYPES = {
  seek: 'CustomEvent<SeekDetail>',
  'user-select': 'CustomEvent<UserSelectDetail>',
  'filter-add': 'CustomEvent<FilterAddDetail>',
  'range-change': 'CustomEvent<RangeChangeDetail>',
  'filters-change': 'CustomEvent<FiltersChangeDetail>',
};

/** The design tokens every element's :host reads: name → default. */
function tokens() {
  const text = readFileSync('src/theme/tokens.ts', 'utf8');
  const out = new Map();
  for (const m of text.matchAll(/var\((--ea-[\w-]+),\s*([^;]*?)\);/g)) if (!out.has(m[1])) out.set(m[1], m[2].trim());
  return out;
}

/** The source text of an element: its folder's files (templates, styles). */
function sourceOf(modulePath) {
  const dir = dirname(modulePath);
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

const toDist = (path) => path?.replace(/^\.?\/?src\//, 'dist/').replace(/\.ts$/, '.js');

function publicApiPlugin() {
  return {
    name: 'entry-analytics-public-api',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const tokenDefaults = tokens();
      manifest.modules = manifest.modules.filter((mod) => {
        const defines = mod.exports?.some((e) => e.kind === 'custom-element-definition');
        const element = mod.declarations?.some((d) => d.customElement && !/AnalyticsPanel$/.test(d.name));
        return (defines || element) && !mod.path.includes('/shared/');
      });
      const bubbled = [];
      for (const mod of manifest.modules) {
        const source = sourceOf(mod.path);
        mod.declarations = (mod.declarations ?? []).filter((d) => d.kind === 'class' && d.customElement);
        for (const d of mod.declarations) {
          d.members = (d.members ?? []).filter((m) => !m.privacy && !m.static && !m.name.startsWith('#'));
          for (const m of d.members) if (m.inheritedFrom) m.inheritedFrom.module = toDist(m.inheritedFrom.module);
          for (const a of d.attributes ?? []) if (a.inheritedFrom) a.inheritedFrom.module = toDist(a.inheritedFrom.module);
          if (d.superclass?.module) d.superclass.module = toDist(d.superclass.module);
          d.events = (d.events ?? []).filter((e) => e.name);
          for (const e of d.events) {
            e.type = { text: EVENT_TYPES[e.name] ?? 'Event' };
            if (e.inheritedFrom) e.inheritedFrom.module = toDist(e.inheritedFrom.module);
          }
          if (d.tagName !== 'entry-analytics') bubbled.push(...d.events.map((e) => ({ ...e, tag: d.tagName })));
          const props = new Map((d.cssProperties ?? []).map((p) => [p.name, p]));
          for (const p of props.values()) if (p.inheritedFrom) p.inheritedFrom.module = toDist(p.inheritedFrom.module);
          for (const [name, value] of tokenDefaults)
            if (!props.has(name)) props.set(name, { name, default: value, description: 'Design token (see README, Theming).' });
          for (const m of source.matchAll(/var\((--ea-[\w-]+)/g))
            if (!props.has(m[1])) props.set(m[1], { name: m[1], description: '' });
          d.cssProperties = [...props.values()];
          const parts = new Map((d.cssParts ?? []).map((p) => [p.name, p]));
          for (const m of source.matchAll(/\bpart="([\w\s-]+)"/g))
            for (const name of m[1].split(/\s+/)) if (name && !parts.has(name)) parts.set(name, { name, description: '' });
          d.cssParts = [...parts.values()];
        }
        for (const e of mod.exports ?? []) if (e.declaration?.module) e.declaration.module = toDist(e.declaration.module);
        mod.path = toDist(mod.path);
      }
      // The dashboard re-dispatches nothing: its panels' events bubble (composed) out of it as they are.
      const shell = manifest.modules.flatMap((m) => m.declarations).find((d) => d.tagName === 'entry-analytics');
      if (shell) {
        const own = new Set(shell.events.map((e) => e.name));
        for (const e of bubbled) {
          if (own.has(e.name)) continue;
          own.add(e.name);
          shell.events.push({ name: e.name, type: e.type, description: `${e.description ?? ''} (bubbles out of a panel, e.g. <${e.tag}>)`.trim() });
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/data/**', 'src/charts/**', 'src/i18n/**'],
  litelement: true,
  plugins: [publicApiPlugin()],
};
