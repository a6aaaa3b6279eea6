// After `cem analyze` (see custom-elements-manifest.config.mjs): rewrites custom-elements.json compact (no
// indentation) and derives the editors' data from it:
// - dist/vscode.html-custom-data.json: VS Code's HTML custom data (tags, attributes, descriptions); point
//   `html.customData` at `node_modules/entry-analytics/dist/vscode.html-custom-data.json`;
// - dist/web-types.json: JetBrains web-types (elements, attributes, events, CSS parts and properties), found by
//   WebStorm through package.json's `web-types` field.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
writeFileSync('custom-elements.json', JSON.stringify(manifest));

const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
const text = (s) => (s ?? '').trim();

const vscode = {
  version: 1.1,
  tags: elements.map((d) => ({
    name: d.tagName,
    description: text(d.summary || d.description),
    attributes: (d.attributes ?? []).map((a) => ({ name: a.name, description: text(`${a.description ?? ''}${a.type ? ` (${a.type.text})` : ''}`) })),
  })),
};
const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((d) => ({
        name: d.tagName,
        description: text(d.summary || d.description),
        attributes: (d.attributes ?? []).map((a) => ({ name: a.name, description: text(a.description), value: { type: a.type?.text ?? 'string' } })),
        js: {
          properties: (d.members ?? []).filter((m) => m.kind === 'field').map((m) => ({ name: m.name, description: text(m.description), type: m.type?.text })),
          events: (d.events ?? []).map((e) => ({ name: e.name, description: text(e.description), type: e.type?.text })),
        },
      })),
    },
    css: {
      parts: [...new Map(elements.flatMap((d) => (d.cssParts ?? []).map((p) => [p.name, { name: p.name, description: text(p.description) }]))).values()],
      properties: [...new Map(elements.flatMap((d) => (d.cssProperties ?? []).map((p) => [p.name, { name: p.name, description: text(p.description) }]))).values()],
    },
  },
};
mkdirSync('dist', { recursive: true });
writeFileSync('dist/vscode.html-custom-data.json', JSON.stringify(vscode));
writeFileSync('dist/web-types.json', JSON.stringify(webTypes));
console.log(`custom-elements.json: ${elements.length} elements, ${(JSON.stringify(manifest).length / 1024).toFixed(1)} kB`);
