import { EntryHighlights } from './entry-highlights.js';
import { defineElement } from '../shared/define.js';

defineElement('entry-highlights', EntryHighlights);

declare global {
  interface HTMLElementTagNameMap {
    'entry-highlights': EntryHighlights;
  }
}

export { EntryHighlights };
