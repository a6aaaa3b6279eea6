import { css } from 'lit';

/** Styles of `<user-engagement>` (on top of the panel frame and the shared parts it lists). */
export const userEngagementStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    margin-bottom: 8px;
  }
  .toolbar label {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .count {
    color: var(--_muted);
  }
  .table-wrap {
    overflow-x: auto;
    position: relative;
  }
  th button.sort {
    background: none;
    border: none;
    padding: 0;
    font-weight: 600;
    color: inherit;
    display: inline-flex;
    gap: 4px;
    align-items: center;
  }
  th[aria-sort] button.sort {
    color: var(--_text);
  }
  .arrow {
    display: inline-block;
    width: 0.8em;
  }
  tbody th {
    font-weight: normal;
    color: var(--_text);
  }
  .user {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  .disclosure {
    padding: 0 6px;
    border-color: transparent;
    line-height: 1.4;
  }
  .disclosure[aria-expanded='true'] .chev {
    transform: rotate(90deg);
  }
  .chev {
    display: inline-block;
    transition: transform 0.15s;
  }
  :host(:dir(rtl)) .chev,
  [dir='rtl'] .chev {
    scale: -1 1;
  }
  .name {
    background: none;
    border: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 2px;
    max-width: 22em;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .rate {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    justify-content: flex-end;
  }
  .bar {
    width: 60px;
    height: 6px;
    background: var(--_bg-alt);
    border-radius: 3px;
    overflow: hidden;
    border: 1px solid var(--_border);
  }
  .bar > span {
    display: block;
    height: 100%;
    background: var(--_accent);
  }
  tr.detail > td {
    text-align: start;
    white-space: normal;
    background: var(--_bg-alt);
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 6px;
    margin-top: 8px;
  }
  .pager .status {
    color: var(--_muted);
    margin-inline: 6px;
  }
  class-engagement {
    margin-top: 16px;
  }
  @media (prefers-reduced-motion: reduce) {
    .chev {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .bar {
      border-color: CanvasText;
    }
    .bar > span {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
`;
