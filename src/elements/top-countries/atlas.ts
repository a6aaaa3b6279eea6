/**
 * Loading the map at run time: the map's code (a separate chunk, see `map-layout.ts`) and its geometry (world-atlas
 * `countries-110m.json`, never bundled). Both are fetched the first time a map is shown and shared by every map on
 * the page (one request per URL). This module itself is small and imports neither d3-geo nor topojson-client, so the
 * element (and `setDefaultGeometryUrl`) can be imported without them.
 *
 * Where the default file is: the build copies `node_modules/world-atlas/countries-110m.json` to `dist/assets/`.
 * Relative to this module that is `../../assets/` in the unbundled package (`dist/elements/top-countries/atlas.js`)
 * and `./assets/` beside a single-file bundle in `dist/`, so both are tried, in that order. Hosts can point the
 * element elsewhere with its `geometry-url` attribute, or every map with {@link setDefaultGeometryUrl}.
 */
import type { AtlasCountry } from '../../charts/geo.js';

/** The map's lazily loaded code: projections, atlas parsing and choropleth classes. */
export type MapModule = typeof import('./map-layout.js');

/** Why the map could not be loaded. `kind` picks the message; `detail` is the HTTP status or error text. */
export class AtlasLoadError extends Error {
  override name = 'AtlasLoadError';
  constructor(
    readonly kind: 'http' | 'json' | 'format' | 'network' | 'code',
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

let override: string | undefined;

/** Sets the geometry URL every `<top-countries>` without a `geometry-url` uses (undefined: back to the default). */
export function setDefaultGeometryUrl(url: string | undefined): void {
  override = url;
}

/** The URLs tried when an element has no `geometry-url`, in order. */
export function defaultGeometryUrls(): string[] {
  if (override) return [override];
  return [
    new URL('../../assets/countries-110m.json', import.meta.url).href,
    new URL('./assets/countries-110m.json', import.meta.url).href,
  ];
}

const importMapModule = (): Promise<MapModule> => import('./map-layout.js');
let mapImporter: () => Promise<MapModule> = importMapModule;
let mapModule: Promise<MapModule> | undefined;

/**
 * The map's code, imported on the first call (a dynamic `import()`, its own chunk for bundlers) and shared after.
 * A failed import is not kept, so a later map tries again; it rejects with an {@link AtlasLoadError} of kind `code`.
 */
export function loadMapModule(): Promise<MapModule> {
  if (!mapModule) {
    const pending = mapImporter().catch((e: unknown) => {
      if (mapModule === pending) mapModule = undefined;
      throw new AtlasLoadError('code', e instanceof Error ? e.message : String(e));
    });
    mapModule = pending;
  }
  return mapModule;
}

/**
 * For tests only: replaces how the map's code is imported (undefined: the real dynamic import) and forgets the
 * module already loaded, so a test can hold the code back and check what renders without it.
 */
export function setMapModuleImporter(importer: (() => Promise<MapModule>) | undefined): void {
  mapImporter = importer ?? importMapModule;
  mapModule = undefined;
}

const cache = new Map<string, Promise<AtlasCountry[]>>();

async function fetchOne(url: string, code: Promise<MapModule>): Promise<AtlasCountry[]> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch (e) {
    throw new AtlasLoadError('network', e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw new AtlasLoadError('http', String(res.status));
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new AtlasLoadError('json', url);
  }
  const geo = await code;
  try {
    return geo.atlasCountries(json);
  } catch (e) {
    if (e instanceof geo.AtlasFormatError) throw new AtlasLoadError('format', e.message);
    throw e;
  }
}

/**
 * The atlas's countries from `url`, or from the default URLs when `url` is empty (the first that loads wins; the
 * error of the first is reported when none does). The geometry is fetched while the map's code loads. Results are
 * shared; failures are not cached, so a later map tries again.
 */
export function loadAtlas(url?: string): Promise<AtlasCountry[]> {
  const urls = url ? [url] : defaultGeometryUrls();
  const key = urls.join(' ');
  let hit = cache.get(key);
  if (!hit) {
    const code = loadMapModule();
    code.catch(() => {}); // reported by fetchOne when it awaits it
    hit = (async () => {
      let first: unknown;
      for (const u of urls) {
        try {
          return await fetchOne(u, code);
        } catch (e) {
          first ??= e;
          if (e instanceof AtlasLoadError && e.kind === 'code') break;
        }
      }
      throw first;
    })();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}
