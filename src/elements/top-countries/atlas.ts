/**
 * Loading the map at run time: the map's code (a separate chunk, see `map-layout.ts`) and its geometry (world-atlas
 * `countries-110m`, a JavaScript module of its own, `countries-110m.ts`). Both are imported with `import()` the first
 * time a map is shown and shared by every map on the page, so every bundler (Vite, webpack, esbuild, Rollup, Angular's
 * build) emits them as chunks with no host configuration, and the single-file bundle carries them as chunks beside it.
 *
 * Hosts that serve the geometry themselves (a CDN, an offline copy, another resolution) point one element at a
 * TopoJSON file with its `geometry-url` attribute, or every map with {@link setDefaultGeometryUrl}; only then is
 * anything fetched.
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

/**
 * Sets the URL of a world-atlas countries TopoJSON file that every `<top-countries>` without a `geometry-url` fetches
 * instead of importing the geometry module that comes with the package (undefined or '': back to that module).
 */
export function setDefaultGeometryUrl(url: string | undefined): void {
  override = url || undefined;
}

/** The URL set with {@link setDefaultGeometryUrl}, if any. */
export function defaultGeometryUrl(): string | undefined {
  return override;
}

const importGeometry = (): Promise<{ default: unknown }> => import('./countries-110m.js');

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

/** The geometry module that comes with the package, parsed into countries by the map's code. */
async function importOne(code: Promise<MapModule>): Promise<AtlasCountry[]> {
  let topology: unknown;
  try {
    topology = (await importGeometry()).default;
  } catch (e) {
    throw new AtlasLoadError('code', e instanceof Error ? e.message : String(e));
  }
  const geo = await code;
  try {
    return geo.atlasCountries(topology);
  } catch (e) {
    if (e instanceof geo.AtlasFormatError) throw new AtlasLoadError('format', e.message);
    throw e;
  }
}

/**
 * The atlas's countries: fetched from `url` when one is given (else from {@link setDefaultGeometryUrl}'s URL), else
 * from the geometry module that comes with the package. The geometry loads while the map's code loads. Results are
 * shared; failures are not cached, so a later map tries again.
 */
export function loadAtlas(url?: string): Promise<AtlasCountry[]> {
  const source = url || override;
  const key = source ?? '';
  let hit = cache.get(key);
  if (!hit) {
    const code = loadMapModule();
    code.catch(() => {}); // reported when it is awaited
    hit = source === undefined ? importOne(code) : fetchOne(source, code);
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}
