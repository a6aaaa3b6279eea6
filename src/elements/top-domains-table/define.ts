import { TopDomainsTable } from './top-domains-table.js';
import { defineElement } from '../shared/define.js';

defineElement('top-domains-table', TopDomainsTable);

declare global {
  interface HTMLElementTagNameMap {
    'top-domains-table': TopDomainsTable;
  }
}

export { TopDomainsTable };
