import { css } from 'lit';

/**
 * Design tokens. Every element's `:host` gets these public custom properties (`--ea-*`) with library defaults; a
 * host page themes the whole dashboard by setting them on `entry-analytics` or any ancestor. Colour pairs are chosen
 * for WCAG AA contrast on the default surface (text ≥ 4.5:1, chart marks and borders ≥ 3:1).
 */
export const tokens = css`
  :host {
    --_font: var(--ea-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_text: var(--ea-color-text, #1f2933);
    --_muted: var(--ea-color-text-muted, #52606d);
    --_bg: var(--ea-color-surface, #ffffff);
    --_bg-alt: var(--ea-color-surface-alt, #f5f7fa);
    --_border: var(--ea-color-border, #cbd2d9);
    --_accent: var(--ea-color-accent, #1c5fb8);
    --_accent-contrast: var(--ea-color-accent-contrast, #ffffff);
    --_compare: var(--ea-color-compare, #8a6d00);
    --_positive: var(--ea-color-positive, #1d7a3a);
    --_negative: var(--ea-color-negative, #b42318);
    --_focus: var(--ea-color-focus, #1c5fb8);
    --_error-bg: var(--ea-color-error-surface, #fdecea);
    --_shadow: var(--ea-color-shadow, rgb(0 0 0 / 0.15));
    --_series-1: var(--ea-series-1, #1c5fb8);
    --_series-2: var(--ea-series-2, #b4530a);
    --_series-3: var(--ea-series-3, #2f7d32);
    --_series-4: var(--ea-series-4, #7b3fa0);
    --_series-5: var(--ea-series-5, #a2195b);
    --_series-6: var(--ea-series-6, #52606d);
    --_tier-0: var(--ea-tier-0, #e4e7eb);
    --_tier-1: var(--ea-tier-1, #9cc3ef);
    --_tier-2: var(--ea-tier-2, #3d7dd0);
    --_tier-3: var(--ea-tier-3, #12386b);
    --_radius: var(--ea-radius, 8px);
    --_space: var(--ea-space, 16px);
    --_font-size: var(--ea-font-size, 14px);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
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
    border: 1px solid var(--_border);
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
  select,
  input {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
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
`;
