import { css } from 'lit';

/** Styles of `<playback-views>` (on top of the panel frame and the shared parts it lists). */
export const playbackViewsStyles = css`
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .legend button[aria-pressed='true'] {
    background: var(--_bg);
    color: var(--_text);
    border-color: var(--_text);
  }
  .legend button[aria-pressed='false'] .swatch {
    opacity: 0.35;
  }
  .swatch {
    display: inline-block;
    width: 12px;
    height: 12px;
    border-radius: 2px;
    margin-inline-end: 6px;
    vertical-align: -1px;
  }
  .band {
    fill: var(--_bg-alt);
  }
  .chapter-line {
    stroke: var(--_muted);
    stroke-dasharray: 2 3;
  }
  .chapter-name {
    fill: var(--_muted);
    font-size: 10px;
  }
  .marker-legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    list-style: none;
    margin: 4px 0 0;
    padding: 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .marker-legend li {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .marker-legend .glyph {
    flex: none;
  }
  .marker {
    fill: var(--_series-4);
  }
  .fill {
    opacity: 0.1;
    stroke: none;
  }
  .tooltip {
    min-width: 150px;
    max-width: 260px;
  }
  .tables {
    margin-top: 12px;
    max-height: 420px;
    overflow: auto;
  }
  .tables table + table {
    margin-top: 16px;
  }
`;
