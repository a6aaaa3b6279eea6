import { ClassEngagement } from './class-engagement.js';

// Guarded: a second copy of the library on the page (two bundles) must not throw.
if (!customElements.get('class-engagement')) customElements.define('class-engagement', ClassEngagement);

declare global {
  interface HTMLElementTagNameMap {
    'class-engagement': ClassEngagement;
  }
}

export { ClassEngagement };
