import { css } from 'lit';

/** Styles of `<top-countries>` (on top of the panel frame and the shared parts it lists). */
export const topCountriesStyles = css`
  :host {
    --_map: var(--ea-map-color, var(--_series-1));
    --_map-empty: var(--ea-map-empty, var(--_bg-alt));
  }
  .layout {
    display: grid;
    gap: 16px;
    grid-template-columns: minmax(0, 1fr);
  }
  .layout.wide {
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    align-items: start;
  }
  .map-wrap {
    position: relative;
    min-inline-size: 0;
    container-type: inline-size;
  }
  /* The map's height is reserved before its code and geometry arrive, so the table under it (narrow layouts) does not
     move when it appears: the world map is drawn 2:1 in a box at most 860 px wide, and its legend takes up to three
     lines below it. The loading message fills the same box. */
  .map-slot {
    --_legend-reserve: calc(8px + 3 * 1.5em + 2 * 4px);
    min-block-size: calc(min(100cqi, 860px) / 2 + var(--_legend-reserve));
  }
  .map-slot > .map-message:only-child {
    box-sizing: border-box;
    display: flex;
    align-items: center;
    justify-content: center;
    block-size: calc(min(100cqi, 860px) / 2 + var(--_legend-reserve));
    max-inline-size: 860px;
    margin-inline: auto;
  }
  .map-message {
    color: var(--_muted);
    background: var(--_bg-alt);
    border-radius: calc(var(--_radius) / 2);
    padding: 24px 12px;
    text-align: center;
    margin: 0;
  }
  label.metric {
    display: inline-flex;
    gap: 6px;
    align-items: center;
  }
  td .cell-name {
    display: inline-flex;
    gap: 6px;
    align-items: center;
  }
  @media (forced-colors: active) {
    :host {
      --_map: Highlight;
      --_map-empty: Canvas;
    }
  }
`;
