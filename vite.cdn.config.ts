import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { type Plugin, defineConfig } from 'vite';

/** What every element needs, in one chunk: Lit, zod/mini, the model, the contract, the store, the UI kit. */
const SHARED =
  /node_modules[\\/](lit|lit-html|lit-element|@lit|zod)[\\/]|src[\\/](core|model|contract|ui)[\\/]/;
/** Other languages' messages stay separate chunks, fetched only by pages in those languages. */
const OTHER_LANGUAGE = /(^|[\\/.])(fr|es|de|ar)\.ts$/;

/**
 * Writes `x.js.br` and `x.js.gz` next to each script, once at build time, so the reference server sends
 * them as they are (brotli quality 11 would be too slow to run per request).
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'portal-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!fileName.endsWith('.js')) continue;
        const path = join(outDir, fileName);
        const code = readFileSync(path);
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(code, { level: 9 }));
      }
    },
  };
}

/**
 * The script-tag bundle, `portal.js`: registers every tag and fetches each element's code when its tag
 * shows up (cdn.ts). Chunks live under `chunks/` with a content hash in their names, so a server may
 * cache them forever; `portal.js` keeps its name, so a page always revalidates it.
 */
export default defineConfig({
  plugins: [precompress()],
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    sourcemap: true,
    emptyOutDir: true,
    lib: { entry: 'src/cdn.ts', formats: ['es'], fileName: () => 'portal.js' },
    rolldownOptions: {
      output: {
        minify: true,
        // An element's chunk is named after it (`chunks/portal-summary-<hash>.js`), not after `define`.
        chunkFileNames: (chunk) =>
          `chunks/${/elements[\\/]([\w-]+)[\\/]define\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1] ?? '[name]'}-[hash].js`,
        codeSplitting: {
          groups: [{ name: 'shared', test: (id: string) => SHARED.test(id) && !OTHER_LANGUAGE.test(id) }],
        },
      },
    },
  },
});
