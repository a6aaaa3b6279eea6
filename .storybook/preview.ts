import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { setDefaultGeometryUrl } from '../src/elements/top-countries/atlas.js';

setCustomElementsManifest(manifest);
// Maps load the geometry Storybook serves from world-atlas (see staticDirs in main.ts), relative to the preview page so
// it works in `storybook dev`, in the static build and under any base path.
setDefaultGeometryUrl(new URL('geo/countries-110m.json', document.baseURI).href);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
  tags: ['autodocs'],
};

export default preview;
