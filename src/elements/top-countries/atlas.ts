/**
 * Loading the map geometry (world-atlas `countries-110m.json`) at run time: it is never bundled. The file is fetched
 * the first time a map is shown and shared by every map on the page (one request per URL).
 *
 * Where the default file is: the build copies `node_modules/world-atlas/countries-110m.json` to `dist/assets/`.
 * Relative to this module that is `../../assets/` in the unbundled package (`dist/elements/top-countries/atlas.js`)
 * and `./assets/` beside a single-file bundle in `dist/`, so both are tried, in that order. Hosts can point the
 * element elsewhere with its `geometry-url` attribute, or every map with {@link setDefaultGeometryUrl}.
 */
import { atlasCountries, AtlasFormatError, type AtlasCountry } from '../../charts/geo.js';

/** Why the geometry could not be loaded. `kind` picks the message; `detail` is the HTTP status or error text. */
export class AtlasLoadError extends Error {
  override name = 'AtlasLoadError';
  constructor(
    readonly kind: 'http' | 'json' | 'format' | 'network',
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

const cache = new Map<string, Promise<AtlasCountry[]>>();

async function fetchOne(url: string): Promise<AtlasCountry[]> {
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
  try {
    return atlasCountries(json);
  } catch (e) {
    if (e instanceof AtlasFormatError) throw new AtlasLoadError('format', e.message);
    throw e;
  }
}

/**
 * The atlas's countries from `url`, or from the default URLs when `url` is empty (the first that loads wins; the
 * error of the first is reported when none does). Results are shared; failures are not cached, so a later map
 * tries again.
 */
export function loadAtlas(url?: string): Promise<AtlasCountry[]> {
  const urls = url ? [url] : defaultGeometryUrls();
  const key = urls.join(' ');
  let hit = cache.get(key);
  if (!hit) {
    hit = (async () => {
      let first: unknown;
      for (const u of urls) {
        try {
          return await fetchOne(u);
        } catch (e) {
          first ??= e;
        }
      }
      throw first;
    })();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}
