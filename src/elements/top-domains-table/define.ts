import { TopDomainsTable } from './top-domains-table.js';

// Guarded: a second copy of the library on the page (two bundles) must not throw.
if (!customElements.get('top-domains-table')) customElements.define('top-domains-table', TopDomainsTable);

declare global {
  interface HTMLElementTagNameMap {
    'top-domains-table': TopDomainsTable;
  }
}

export { TopDomainsTable };
