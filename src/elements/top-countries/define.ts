import { TopCountries } from './top-countries.js';
import { defineElement } from '../shared/define.js';

defineElement('top-countries', TopCountries);

declare global {
  interface HTMLElementTagNameMap {
    'top-countries': TopCountries;
  }
}

export { TopCountries };
export { setDefaultGeometryUrl } from './atlas.js';
