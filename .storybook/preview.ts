import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { html } from 'lit';
import '../stories/theme-frame.js';

setCustomElementsManifest(manifest);

interface ManifestItem {
  name: string;
  kind?: string;
  description?: string;
  type?: { text: string };
  default?: string;
  readonly?: boolean;
  static?: boolean;
  privacy?: string;
  fieldName?: string;
}
interface ManifestElement {
  tagName?: string;
  members?: ManifestItem[];
  attributes?: ManifestItem[];
  events?: ManifestItem[];
  cssProperties?: ManifestItem[];
  cssParts?: ManifestItem[];
  slots?: ManifestItem[];
}

const elements = (manifest as { modules: { declarations?: ManifestElement[] }[] }).modules.flatMap((m) => m.declarations ?? []);
const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_m, _s, c: string) => c.toUpperCase());

/**
 * The argTypes Storybook builds from custom-elements.json, limited to the public API and without collisions: the
 * writable public properties (under their property names, with the attribute named in the description; read-only
 * getters such as `range` are left out, and so is the attribute list, which repeats them), the events, the CSS
 * custom properties and the parts (as `::part(name)`, so a part named like a property, such as the funnel's `step`,
 * cannot take over its control). None of them gets a control here: a story gives controls to the args its template
 * actually uses, so every control changes something on screen.
 */
function publicArgTypes(tag: string): Record<string, object> | null {
  const el = elements.find((d) => d.tagName === tag);
  if (!el) return null;
  const attributeOf = new Map((el.attributes ?? []).filter((a) => a.fieldName).map((a) => [a.fieldName!, a.name]));
  const out: Record<string, object> = {};
  for (const m of el.members ?? []) {
    if (m.kind !== 'field' || m.readonly || m.static || m.privacy) continue;
    const attribute = attributeOf.get(m.name);
    out[m.name] = {
      name: m.name,
      description: `${m.description ?? ''}${attribute ? ` (attribute \`${attribute}\`)` : ' (property only)'}`.trim(),
      control: false,
      table: { category: 'properties', type: { summary: m.type?.text }, defaultValue: { summary: m.default } },
    };
  }
  for (const e of el.events ?? [])
    out[`on${pascal(e.name)}`] = {
      name: e.name,
      description: e.description,
      control: false,
      table: { category: 'events', type: { summary: e.type?.text } },
    };
  for (const s of el.slots ?? [])
    out[`slot:${s.name || 'default'}`] = { name: s.name || '(default)', description: s.description, control: false, table: { category: 'slots' } };
  for (const p of el.cssProperties ?? [])
    out[p.name] = { name: p.name, description: p.description, control: false, table: { category: 'css custom properties', defaultValue: { summary: p.default } } };
  for (const p of el.cssParts ?? [])
    out[`::part(${p.name})`] = { name: `::part(${p.name})`, description: p.description, control: false, table: { category: 'css shadow parts' } };
  return out;
}

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    docs: { extractArgTypes: publicArgTypes },
    layout: 'fullscreen',
    // Phone and tablet widths the library is tested at (see test/theme/screens.test.ts).
    viewport: {
      options: {
        phone320: { name: 'Phone 320', styles: { width: '320px', height: '640px' }, type: 'mobile' },
        phone375: { name: 'Phone 375', styles: { width: '375px', height: '720px' }, type: 'mobile' },
        tablet768: { name: 'Tablet 768', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
      },
    },
  },
  // A toolbar switch for the colour theme: every story renders inside <ea-story-theme theme=…>, whose tokens the
  // elements inherit. Forced colours cannot be switched from a page: use the browser's rendering emulation
  // (DevTools › Rendering › Emulate CSS media feature forced-colors) or the system's high-contrast setting.
  globalTypes: {
    theme: {
      description: 'Colour theme of the elements',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'auto', title: 'Auto (system)' },
          { value: 'high-contrast', title: 'High contrast' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [(story, context) => html`<ea-story-theme theme=${context.globals['theme'] ?? 'light'}>${story()}</ea-story-theme>`],
  tags: ['autodocs'],
};

export default preview;
