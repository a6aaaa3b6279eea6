import { css } from 'lit';

/** Styles of `<entry-analytics>`: details header, controls bar, filter chips and the responsive panel grid. */
export const shellStyles = css`
  :host {
    display: block;
    --_gap: var(--ea-gap, 16px);
  }
  :host([hidden]) {
    display: none;
  }
  .shell {
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .card {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  /* details header */
  .details {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
    transition: opacity 0.15s;
  }
  .thumb {
    width: 160px;
    max-width: 30%;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg-alt);
    flex: none;
  }
  .details-text {
    flex: 1;
    min-width: 0;
  }
  .details h2 {
    margin: 0 0 6px;
    font-size: 1.35em;
    overflow-wrap: anywhere;
  }
  dl {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 20px;
    margin: 0;
  }
  dl div {
    display: flex;
    gap: 6px;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    margin: 8px 0 0;
    padding: 0;
    list-style: none;
  }
  /* Target size (WCAG 2.2): links on a line of their own are at least 24 px high. */
  .links a[href] {
    display: inline-block;
    min-block-size: 24px;
    line-height: 24px;
  }
  a {
    color: var(--_accent);
  }
  .message {
    color: var(--_muted);
    margin: 0;
  }
  .skeleton {
    height: 64px;
  }
  /* controls */
  .controls {
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 10px 16px;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .field label,
  .legend {
    color: var(--_muted);
    font-size: 0.9em;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 10px;
    align-items: flex-end;
  }
  legend {
    padding: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  input[aria-invalid='true'] {
    border-color: var(--_negative);
  }
  .problem {
    color: var(--_negative);
    font-size: 0.9em;
    margin: 0;
    flex-basis: 100%;
  }
  .range-text {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .range-text .vs {
    color: var(--_compare);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    background: var(--_bg-alt);
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 2px 4px 2px 10px;
  }
  .chip .field-name {
    color: var(--_muted);
  }
  .chip button {
    border: 0;
    border-radius: 999px;
    background: transparent;
    padding: 0 6px;
    line-height: 1.4;
  }
  .filter-form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 8px;
    padding: 8px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg-alt);
  }
  /* the filter value combobox */
  .combo {
    position: relative;
  }
  .listbox {
    position: absolute;
    inset-inline-start: 0;
    top: 100%;
    z-index: 2;
    min-width: 100%;
    max-width: min(28em, 90vw);
    max-height: 16em;
    overflow-y: auto;
    margin: 2px 0 0;
    padding: 4px 0;
    list-style: none;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    box-shadow: 0 4px 12px var(--_shadow);
  }
  .listbox[hidden] {
    display: none;
  }
  .listbox li {
    display: flex;
    justify-content: space-between;
    gap: 12px;
    padding: 4px 8px;
    cursor: pointer;
  }
  .listbox li:hover,
  .listbox li.active {
    background: var(--_accent);
    color: var(--_accent-contrast);
  }
  .listbox .plays {
    color: inherit;
    opacity: 0.8;
    white-space: nowrap;
  }
  .picker-status {
    margin: 2px 0 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  /* panels */
  .grid {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--_gap);
    align-items: stretch;
  }
  .cell {
    min-width: 0;
  }
  .cell.full {
    grid-column: 1 / -1;
  }
  @container (max-width: 760px) {
    .grid {
      grid-template-columns: minmax(0, 1fr);
    }
    .details {
      flex-direction: column;
    }
    .thumb {
      max-width: 100%;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .details {
      transition: none;
    }
  }
`;
