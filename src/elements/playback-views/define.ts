import { PlaybackViews } from './playback-views.js';

// Guarded: a second copy of the library on the page (two bundles) must not throw.
if (!customElements.get('playback-views')) customElements.define('playback-views', PlaybackViews);

declare global {
  interface HTMLElementTagNameMap {
    'playback-views': PlaybackViews;
  }
}

export { PlaybackViews };
