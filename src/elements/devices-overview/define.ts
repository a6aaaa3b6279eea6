import { DevicesOverview } from './devices-overview.js';
import { defineElement } from '../shared/define.js';

defineElement('devices-overview', DevicesOverview);

declare global {
  interface HTMLElementTagNameMap {
    'devices-overview': DevicesOverview;
  }
}

export { DevicesOverview };
