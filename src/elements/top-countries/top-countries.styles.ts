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
