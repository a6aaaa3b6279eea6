import { UserEngagement } from './user-engagement.js';
// The elements it renders: a user's heatmap in an expanded row, and the class view.
import '../engagement-heatmap/define.js';
import '../class-engagement/define.js';

// Guarded: a second copy of the library on the page (two bundles) must not throw.
if (!customElements.get('user-engagement')) customElements.define('user-engagement', UserEngagement);

declare global {
  interface HTMLElementTagNameMap {
    'user-engagement': UserEngagement;
  }
}

export { UserEngagement };
