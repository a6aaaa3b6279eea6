// Loads the embedded engine and the sample generator (TypeScript, in src/data) into Node: esbuild bundles them in
// memory and the bundle is imported from a data: URL. Nothing is written to disk.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
let loaded;

/** Resolves with `{ engine, sample }`: the modules `src/data/engine/index.ts` and `src/data/sample/index.ts`. */
export function loadEngineModules() {
  loaded ??= (async () => {
    const result = await build({
      stdin: {
        contents:
          "export * as engine from './src/data/engine/index.ts';\nexport * as sample from './src/data/sample/index.ts';\n",
        resolveDir: root,
        sourcefile: 'kaltura-mock-entry.ts',
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
    });
    const code = result.outputFiles[0].text;
    return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  })();
  return loaded;
}
