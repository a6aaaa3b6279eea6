import { css } from 'lit';

/** Styles of the tables, pager, bars and breadcrumbs. */
export const dataTableStyles = css`
  .table-wrap {
    overflow-x: auto;
    /* The containing block of the visually hidden text in its cells (position: absolute), so that text stays inside
       the scrolled region instead of widening the page. */
    position: relative;
  }
  th.text,
  td.text {
    text-align: start;
  }
  th.num,
  td.num {
    text-align: end;
  }
  th,
  td {
    padding-inline: 6px;
  }
  thead th {
    white-space: normal;
    vertical-align: bottom;
    min-inline-size: 4em;
  }
  tbody th {
    color: inherit;
    font-weight: normal;
  }
  th .sort {
    border: 0;
    background: none;
    padding: 0;
    font: inherit;
    font-weight: 600;
    color: inherit;
    display: inline-flex;
    gap: 4px;
    align-items: center;
  }
  th .sort:hover {
    color: var(--_accent);
  }
  th[aria-sort] .sort {
    color: var(--_text);
  }
  .arrow {
    display: inline-block;
    min-inline-size: 0.8em;
    font-size: 0.8em;
  }
  .dist {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    justify-content: flex-end;
  }
  .dist-value {
    min-inline-size: 3.5em;
  }
  .dist-track {
    display: inline-block;
    inline-size: var(--ea-bar-width, 44px);
    block-size: 8px;
    background: var(--_bg-alt);
    border: 1px solid var(--_border);
    border-radius: 4px;
    overflow: hidden;
  }
  .dist-bar {
    display: block;
    block-size: 100%;
    background: var(--ea-bar-color, var(--_series-1));
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    margin-top: 8px;
    justify-content: flex-end;
  }
  .pager .status,
  .pager .rows {
    color: var(--_muted);
    padding: 0 4px;
  }
  .pager .icon {
    font-size: 1.2em;
    line-height: 1;
  }
  .crumbs ol {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 0 0 8px;
    padding: 0;
  }
  /* « ‹ › » are bidi-mirrored characters: right to left, the text engine already draws them the other way round. */
  .crumbs li + li::before {
    content: '›';
    color: var(--_muted);
    margin-inline-end: 4px;
  }
  .crumbs [aria-current] {
    font-weight: 600;
  }
  button.link {
    border: 0;
    background: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
    font: inherit;
    text-align: start;
  }
  button.filter {
    font-size: 0.85em;
    padding: 1px 6px;
  }
  .change {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .change.up {
    color: var(--_positive);
  }
  .change.down {
    color: var(--_negative);
  }
  td.compare {
    color: var(--_muted);
  }
  .csv-status {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .csv-status.failed {
    color: var(--_negative);
  }
  @media (forced-colors: active) {
    .dist-track {
      border-color: CanvasText;
    }
    .dist-bar {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
`;
