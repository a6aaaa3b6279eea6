import { TopCountries } from './top-countries.js';

// Guarded: a second copy of the library on the page (two bundles) must not throw.
if (!customElements.get('top-countries')) customElements.define('top-countries', TopCountries);

declare global {
  interface HTMLElementTagNameMap {
    'top-countries': TopCountries;
  }
}

export { TopCountries };
export { setDefaultGeometryUrl } from './atlas.js';
