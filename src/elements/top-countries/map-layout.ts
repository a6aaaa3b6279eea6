/**
 * Everything only the map needs, in one module that `<top-countries>` imports dynamically (see `loadMapModule()` in
 * `atlas.ts`) the first time its map comes on screen: d3-geo's projections and paths, topojson-client, the atlas's
 * ISO code table and the choropleth classes. Bundlers put it in its own chunk, so pages that never show a map (or
 * show it below the fold) do not download or parse it up front. The map's template (`map-view.ts`) comes with it. Nothing here is imported statically by the element.
 */
export { mapStyles, renderMap, type MapHost } from './map-view.js';
export {
  atlasCountries,
  AtlasFormatError,
  choroplethClass,
  choroplethLegend,
  choroplethThresholds,
  countryLayout,
  placePoints,
  worldHeight,
  worldLayout,
} from '../../charts/geo.js';
