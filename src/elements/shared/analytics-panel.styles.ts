import { css } from 'lit';

/** The frame every panel shares: host display, the card, its title row, body and export button. */
export const panelStyles = css`
  :host {
    display: block;
    position: relative;
  }
  :host([hidden]) {
    display: none;
  }
  .panel {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    box-sizing: border-box;
    height: 100%;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    margin-bottom: 12px;
  }
  h2 {
    font-size: 1.1em;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .downloads {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  /* Tables scroll sideways in their region when their columns do not fit (RovingFocusController marks the region with
     data-overflow, and data-more while more lies at the inline end): the row-header column stays at the start edge,
     the end edge fades out while there is more, and a line under the table says so. */
  .table-wrap {
    overflow-x: auto;
    position: relative;
  }
  .table-wrap[data-overflow] .sticky {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: var(--_bg);
    box-shadow: 1px 0 0 var(--_border);
  }
  [dir='rtl'] .table-wrap[data-overflow] .sticky {
    box-shadow: -1px 0 0 var(--_border);
  }
  .table-wrap[data-more] {
    mask-image: linear-gradient(to right, currentColor calc(100% - 2.5em), transparent);
  }
  [dir='rtl'] .table-wrap[data-more] {
    mask-image: linear-gradient(to left, currentColor calc(100% - 2.5em), transparent);
  }
  .scroll-cue {
    display: none;
    margin: 4px 0 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .scroll-cue::after {
    content: ' →';
  }
  [dir='rtl'] .scroll-cue::after {
    content: ' ←';
  }
  .table-wrap[data-overflow] + .scroll-cue {
    display: block;
  }
  /* Long names in the sticky column end in an ellipsis; the full text is their title and accessible name. */
  .sticky .link,
  .sticky a[href],
  .sticky .url {
    display: inline-block;
    max-inline-size: min(18em, 40vw);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    vertical-align: middle;
  }
  .body {
    position: relative;
    transition: opacity 0.15s;
  }
  .compare-note {
    margin: 0 0 10px;
    padding: 6px 10px;
    border-inline-start: 3px solid var(--_accent);
    background: var(--_bg-alt);
    color: var(--_text);
    font-size: 0.9em;
  }
  /* A value that does not exist (a rate without its denominator): "—", with the reason on hover and on focus. */
  .no-value {
    position: relative;
    color: var(--_muted);
    cursor: help;
  }
  /* A figure or title that says what it counts: dotted underline; the explanation on hover and on focus. */
  .has-help {
    position: relative;
    text-decoration: underline dotted;
    text-underline-offset: 3px;
    cursor: help;
  }
  .no-value:hover::after,
  .no-value:focus-visible::after {
    content: attr(data-reason);
  }
  .no-value:hover::after,
  .no-value:focus-visible::after,
  .has-help:hover::after,
  .has-help:focus-visible::after {
    position: absolute;
    inset-block-start: 100%;
    inset-inline-end: 0;
    z-index: 3;
    inline-size: max-content;
    max-inline-size: 16em;
    padding: 4px 8px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 4px;
    color: var(--_text);
    font-size: 0.85em;
    font-weight: normal;
    white-space: normal;
    text-align: start;
  }
  .has-help:hover::after,
  .has-help:focus-visible::after {
    content: attr(data-help);
    inset-inline-start: 0;
    inset-inline-end: auto;
    max-inline-size: 22em;
  }
  .message {
    color: var(--_muted);
    padding: 24px 0;
    text-align: center;
  }
  @media (prefers-reduced-motion: reduce) {
    .body {
      transition: none;
    }
  }
`;
