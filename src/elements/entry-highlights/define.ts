import { EntryHighlights } from './entry-highlights.js';

// Guarded: a second copy of the library on the page (two bundles) must not throw.
if (!customElements.get('entry-highlights')) customElements.define('entry-highlights', EntryHighlights);

declare global {
  interface HTMLElementTagNameMap {
    'entry-highlights': EntryHighlights;
  }
}

export { EntryHighlights };
