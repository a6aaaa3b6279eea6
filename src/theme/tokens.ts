import { css, unsafeCSS } from 'lit';

/** A theme of the token table: the library's light default, its dark variant and a high-contrast set. */
export type ThemeName = 'light' | 'dark' | 'high-contrast';

/** What an element's `theme` attribute accepts: a theme, or `auto` (light or dark after the system setting). */
export type ThemeSetting = 'light' | 'dark' | 'auto' | 'high-contrast';

/** One colour token: its public custom property, the private one the styles read, and its value in each theme. */
export interface ColorToken {
  /** Public custom property a host page sets to override every theme, e.g. `--ea-color-text`. */
  property: `--ea-${string}`;
  /** Private property the styles use, e.g. `--_text`. */
  local: `--_${string}`;
  /** What it colours. */
  use: string;
  light: string;
  dark: string;
  'high-contrast': string;
}

/**
 * The colour tokens and their values per theme. The contrast rules they meet are checked by a unit test
 * (`test/theme/contrast.test.ts`): text and muted text ≥ 4.5:1 on both surfaces, chart marks, tiers 1–3, borders of
 * controls and the focus ring ≥ 3:1 on the surface, accent-contrast text ≥ 4.5:1 on the accent.
 */
export const COLOR_TOKENS: readonly ColorToken[] = [
  { property: '--ea-color-text', local: '--_text', use: 'Text', light: '#1f2933', dark: '#e6e9ed', 'high-contrast': '#000000' },
  { property: '--ea-color-text-muted', local: '--_muted', use: 'Secondary text, axis labels', light: '#52606d', dark: '#a9b4c0', 'high-contrast': '#1a1a1a' },
  { property: '--ea-color-surface', local: '--_bg', use: 'Panel background', light: '#ffffff', dark: '#1a1e23', 'high-contrast': '#ffffff' },
  { property: '--ea-color-surface-alt', local: '--_bg-alt', use: 'Alternate background (skeleton, empty map, thumbnails)', light: '#f5f7fa', dark: '#242a31', 'high-contrast': '#f0f0f0' },
  { property: '--ea-color-border', local: '--_border', use: 'Borders and grid lines', light: '#cbd2d9', dark: '#4a5561', 'high-contrast': '#000000' },
  { property: '--ea-color-control-border', local: '--_control-border', use: 'Borders of buttons, inputs and selects', light: '#7b8794', dark: '#8592a0', 'high-contrast': '#000000' },
  { property: '--ea-color-accent', local: '--_accent', use: 'Accent: primary series, selected tabs', light: '#1c5fb8', dark: '#7fb2f5', 'high-contrast': '#0000b3' },
  { property: '--ea-color-accent-contrast', local: '--_accent-contrast', use: 'Text on the accent', light: '#ffffff', dark: '#0c1622', 'high-contrast': '#ffffff' },
  { property: '--ea-color-compare', local: '--_compare', use: 'Compare period', light: '#8a6d00', dark: '#d8b64c', 'high-contrast': '#5c3b00' },
  { property: '--ea-color-positive', local: '--_positive', use: 'Rise', light: '#1d7a3a', dark: '#67c486', 'high-contrast': '#005a1e' },
  { property: '--ea-color-negative', local: '--_negative', use: 'Fall, errors', light: '#b42318', dark: '#f5958b', 'high-contrast': '#9b0000' },
  { property: '--ea-color-focus', local: '--_focus', use: 'Focus ring', light: '#1c5fb8', dark: '#9cc5ff', 'high-contrast': '#0000b3' },
  { property: '--ea-color-focus-halo', local: '--_focus-halo', use: 'Ring drawn around the focus ring on marks (map), so it shows on any fill', light: '#ffffff', dark: '#000000', 'high-contrast': '#ffffff' },
  { property: '--ea-color-error-surface', local: '--_error-bg', use: 'Error box background', light: '#fdecea', dark: '#3b1f1c', 'high-contrast': '#ffffff' },
  { property: '--ea-color-shadow', local: '--_shadow', use: 'Tooltip shadow', light: 'rgb(0 0 0 / 0.15)', dark: 'rgb(0 0 0 / 0.6)', 'high-contrast': 'rgb(0 0 0 / 0)' },
  { property: '--ea-series-1', local: '--_series-1', use: 'Series 1 (views, plays)', light: '#1c5fb8', dark: '#7fb2f5', 'high-contrast': '#0000b3' },
  { property: '--ea-series-2', local: '--_series-2', use: 'Series 2', light: '#b4530a', dark: '#f0a462', 'high-contrast': '#8a2e00' },
  { property: '--ea-series-3', local: '--_series-3', use: 'Series 3', light: '#2f7d32', dark: '#74c378', 'high-contrast': '#005a1e' },
  { property: '--ea-series-4', local: '--_series-4', use: 'Series 4', light: '#7b3fa0', dark: '#c9a2e6', 'high-contrast': '#5a0090' },
  { property: '--ea-series-5', local: '--_series-5', use: 'Series 5', light: '#a2195b', dark: '#f28cbd', 'high-contrast': '#8a0040' },
  { property: '--ea-series-6', local: '--_series-6', use: 'Series 6', light: '#52606d', dark: '#a9b4c0', 'high-contrast': '#333333' },
  { property: '--ea-tier-0', local: '--_tier-0', use: 'Heatmap tier: not watched', light: '#e4e7eb', dark: '#2c333b', 'high-contrast': '#ffffff' },
  { property: '--ea-tier-1', local: '--_tier-1', use: 'Heatmap tier: watched once', light: '#5b8fd3', dark: '#3d6eae', 'high-contrast': '#7a7a7a' },
  { property: '--ea-tier-2', local: '--_tier-2', use: 'Heatmap tier: twice', light: '#2e6bbf', dark: '#6fa5ec', 'high-contrast': '#3d3d3d' },
  { property: '--ea-tier-3', local: '--_tier-3', use: 'Heatmap tier: three times or more', light: '#12386b', dark: '#c2dcfa', 'high-contrast': '#000000' },
];

const decls = (theme: ThemeName) =>
  unsafeCSS(COLOR_TOKENS.map((t) => `${t.local.replace('--_', '--_t-')}: ${t[theme]};`).join('\n'));
/** Each private token reads the public one, then the theme in force (own or inherited), then the light default. */
const locals = unsafeCSS(
  COLOR_TOKENS.map((t) => `${t.local}: var(${t.property}, var(${t.local.replace('--_', '--_t-')}, ${t.light}));`).join('\n'),
);

/**
 * Design tokens. Every element's `:host` gets these custom properties with library defaults. Colours come from
 * {@link COLOR_TOKENS}: the element's `theme` attribute (`light`, `dark`, `auto`, `high-contrast`) picks a set, an
 * element without one takes its ancestor's (the dashboard's theme reaches every panel in it), and a public `--ea-*`
 * property set by the host page on `entry-analytics` or any ancestor wins over every theme.
 */
export const tokens = css`
  :host([theme='light']),
  :host([theme='auto']) {
    color-scheme: light;
    ${decls('light')}
  }
  :host([theme='dark']) {
    color-scheme: dark;
    ${decls('dark')}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      color-scheme: dark;
      ${decls('dark')}
    }
  }
  :host([theme='high-contrast']) {
    color-scheme: light;
    ${decls('high-contrast')}
  }
  :host {
    ${locals}
    --_font: var(--ea-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_radius: var(--ea-radius, 8px);
    --_space: var(--ea-space, 16px);
    --_font-size: var(--ea-font-size, 14px);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }
  /* Forced colours (Windows high contrast and the like): every token becomes a system colour, over themes and the
     page's --ea-* values, so SVG marks and text (which the browser does not recolour) and canvas drawing (which reads
     the tokens) use the user's palette. Series and tiers get distinct system colours; HTML marks opt out of the
     browser's recolouring (forced-color-adjust: none) only where they paint with these. */
  @media (forced-colors: active) {
    :host {
      --_text: CanvasText;
      --_muted: CanvasText;
      --_bg: Canvas;
      --_bg-alt: Canvas;
      --_border: GrayText;
      --_control-border: ButtonText;
      --_accent: Highlight;
      --_accent-contrast: HighlightText;
      --_compare: LinkText;
      --_positive: CanvasText;
      --_negative: CanvasText;
      --_focus: Highlight;
      --_focus-halo: Canvas;
      --_error-bg: Canvas;
      --_shadow: transparent;
      --_series-1: Highlight;
      --_series-2: LinkText;
      --_series-3: CanvasText;
      --_series-4: GrayText;
      --_series-5: VisitedText;
      --_series-6: CanvasText;
      --_tier-0: Canvas;
      --_tier-1: GrayText;
      --_tier-2: Highlight;
      --_tier-3: CanvasText;
    }
  }
`;

/** Shared building blocks: visually hidden text, focus rings, buttons and tables. */
export const base = css`
  .sr-only {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* Sentences take their direction from their own first letter, so one in a language written the other way than the
     page (today: English strings in a right-to-left page) keeps its full stop, its leading number and its ranges in
     place; they still align with the page. */
  p,
  .pager .status,
  .pager .rows {
    unicode-bidi: plaintext;
  }
  [dir='rtl'] p {
    text-align: right;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_control-border);
    border-radius: calc(var(--_radius) / 2);
    padding: 4px 10px;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  button[aria-pressed='true'],
  button[aria-selected='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-contrast);
  }
  /* Target size (WCAG 2.2, 2.5.8): every control at least 24 × 24 CSS pixels, links in tables included. */
  button,
  select,
  input {
    min-block-size: 24px;
  }
  button {
    min-inline-size: 24px;
  }
  td a[href],
  th a[href] {
    display: inline-block;
    min-block-size: 24px;
    line-height: 24px;
  }
  select,
  input {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_control-border);
    border-radius: calc(var(--_radius) / 2);
    padding: 3px 6px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 6px 8px;
    border-bottom: 1px solid var(--_border);
    text-align: end;
    white-space: nowrap;
  }
  th:first-child,
  td:first-child {
    text-align: start;
  }
  th {
    color: var(--_muted);
    font-weight: 600;
  }
  caption {
    text-align: start;
    color: var(--_muted);
    padding-bottom: 4px;
  }
  /* Forced colours: a selected or pressed button keeps the system's selection colours (the browser would otherwise
     paint it like any other button); legend swatches keep their system-colour fill and get an outline. */
  @media (forced-colors: active) {
    button[aria-pressed='true'],
    button[aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      border-color: Highlight;
      color: HighlightText;
    }
    .swatch {
      forced-color-adjust: none;
      outline: 1px solid CanvasText;
    }
  }
`;
