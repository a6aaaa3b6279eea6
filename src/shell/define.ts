// Registers <entry-analytics> and every panel of its registry, so that one import gives the whole dashboard.
import { EntryAnalytics } from './entry-analytics.js';
import { defineElement } from '../elements/shared/define.js';
import '../elements/entry-highlights/define.js';

defineElement('entry-analytics', EntryAnalytics);

declare global {
  interface HTMLElementTagNameMap {
    'entry-analytics': EntryAnalytics;
  }
}

export { EntryAnalytics };
