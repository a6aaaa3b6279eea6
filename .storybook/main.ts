import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // The world map geometry for <top-countries> comes with the package as a module (one more chunk); the story
  // "Served geometry" fetches world-atlas's file from here through `geometry-url`.
  staticDirs: [{ from: '../node_modules/world-atlas', to: '/geo' }],
  // Lit's decorators are TypeScript's legacy ones (tsconfig: experimentalDecorators, useDefineForClassFields false);
  // Vite 8's oxc transform reads them from tsconfig.json. The source define modules are kept because package.json's
  // `sideEffects` lists src/**/define.ts as well as the published dist/**/define.js.
};

export default config;
