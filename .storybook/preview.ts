import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { html } from 'lit';
import '../stories/theme-frame.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    layout: 'fullscreen',
    // Phone and tablet widths the library is tested at (see test/theme/screens.test.ts).
    viewport: {
      options: {
        phone320: { name: 'Phone 320', styles: { width: '320px', height: '640px' }, type: 'mobile' },
        phone375: { name: 'Phone 375', styles: { width: '375px', height: '720px' }, type: 'mobile' },
        tablet768: { name: 'Tablet 768', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
      },
    },
  },
  // A toolbar switch for the colour theme: every story renders inside <ea-story-theme theme=…>, whose tokens the
  // elements inherit. Forced colours cannot be switched from a page: use the browser's rendering emulation
  // (DevTools › Rendering › Emulate CSS media feature forced-colors) or the system's high-contrast setting.
  globalTypes: {
    theme: {
      description: 'Colour theme of the elements',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'auto', title: 'Auto (system)' },
          { value: 'high-contrast', title: 'High contrast' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [(story, context) => html`<ea-story-theme theme=${context.globals['theme'] ?? 'light'}>${story()}</ea-story-theme>`],
  tags: ['autodocs'],
};

export default preview;
