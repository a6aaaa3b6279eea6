import { css } from 'lit';

/** The map's styles, adopted by the element's shadow root when this module arrives. */
export const mapStyles = css`
  .map-box {
    position: relative;
    max-inline-size: 860px;
    margin-inline: auto;
  }
  svg.map {
    display: block;
    inline-size: 100%;
    block-size: auto;
  }
  .sphere {
    fill: var(--_bg);
    stroke: var(--_border);
  }
  /* Choropleth classes: q0 no data, q1 … q5 lightest to darkest; shapes and legend swatches share them. */
  .q0 {
    --_q: var(--_map-empty);
  }
  .q1 {
    --_q: color-mix(in srgb, var(--_map) 20%, var(--_bg));
  }
  .q2 {
    --_q: color-mix(in srgb, var(--_map) 40%, var(--_bg));
  }
  .q3 {
    --_q: color-mix(in srgb, var(--_map) 60%, var(--_bg));
  }
  .q4 {
    --_q: color-mix(in srgb, var(--_map) 80%, var(--_bg));
  }
  .q5 {
    --_q: var(--_map);
  }
  .country {
    fill: var(--_q, var(--_map-empty));
    stroke: var(--_border);
    stroke-width: 0.5;
  }
  /* A country too small for the atlas's outlines (Singapore, Malta…): a dot in its class's colour, ringed so that
     the lightest classes stand out from the sea. */
  .country-point {
    fill: var(--_q, var(--_map-empty));
    stroke: var(--_text);
    stroke-width: 1;
  }
  .country.target {
    fill: color-mix(in srgb, var(--_map) 10%, var(--_bg));
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .mark {
    cursor: pointer;
    outline: none;
  }
  .mark.leaf {
    cursor: default;
  }
  .mark.active {
    stroke: var(--_focus);
    stroke-width: 2;
  }
  /* The focus ring shows on any fill: a halo-coloured stroke on the shape (it stands out from dark fills) inside a
     focus-coloured outline around its box (it stands out from light fills and marks small countries); the token
     test checks that one of the two reaches 3:1 against every fill. */
  .mark:focus-visible {
    stroke: var(--_focus-halo);
    stroke-width: 3;
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .place {
    fill: color-mix(in srgb, var(--_map) 55%, transparent);
    stroke: var(--_map);
    stroke-width: 1;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    list-style: none;
    margin: 8px 0 0;
    padding: 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  /* A label's words keep their own direction (an English label in a right-to-left page reads "290 or more"); the
     swatch stays on the page's side. */
  .legend-text {
    unicode-bidi: plaintext;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .swatch {
    background: var(--_q);
    display: inline-block;
    inline-size: 14px;
    block-size: 10px;
    border: 1px solid var(--_border);
  }
  .note {
    color: var(--_muted);
    font-size: 0.85em;
    margin: 6px 0 0;
  }
  .tooltip {
    transform: translate(-50%, calc(-100% - 10px));
    white-space: nowrap;
  }
`;
