import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

/**
 * package.json's `sideEffects` lists only the published define files (`dist/**​/define.js`), so the bundler would drop
 * `import '../src/…/define.js'` from the stories and no element would be registered. This marks the source define
 * modules as having side effects (the transform hook's `moduleSideEffects` wins over package.json).
 */
function keepDefineModules(): Plugin {
  return {
    name: 'entry-analytics:keep-define-modules',
    transform(code, id) {
      if (/[\\/]src[\\/](?:.+[\\/])?(?:define|bundle)\.ts$/.test(id.split('?')[0]!)) return { code, map: null, moduleSideEffects: true };
      return undefined;
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // The world map geometry for <top-countries>, fetched at run time (never bundled); preview.ts points the maps here.
  staticDirs: [{ from: '../node_modules/world-atlas', to: '/geo' }],
  // Lit's decorators are TypeScript's legacy ones (tsconfig: experimentalDecorators, useDefineForClassFields false);
  // Vite 8's oxc transform reads them from tsconfig.json, checked by `npm run build-storybook` rendering real stories.
  async viteFinal(config) {
    config.plugins = [...(config.plugins ?? []), keepDefineModules()];
    return config;
  },
};

export default config;
