import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { type Plugin, defineConfig } from 'vite';
import { compactTemplates } from './scripts/vite/compact-templates.js';

/**
 * What every element needs, in one chunk: Lit, the run-time contract (no schema), the store, the UI kit.
 * Not the form kit: only the elements with forms load it, in their own chunks.
 */
const SHARED =
  /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]|src[\\/](core|contract|ui)[\\/](?!form[\\/])/;
/**
 * zod and the schemas, in a chunk of their own: HttpAdapter parses every body with them, the forms check
 * their fields, and `validated.ts` parses a custom adapter's answers; a page that does none of it never
 * loads them. The zod-free model helpers (money, card expiry, dates) stay with the shared code.
 */
const SCHEMAS =
  /node_modules[\\/]zod[\\/]|src[\\/](model[\\/](?!amounts|card-expiry|dates)|contract[\\/](operation-schemas|operation-summaries|validated|admin-operations)\.ts)/;
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
  plugins: [compactTemplates(), precompress()],
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    sourcemap: true,
    emptyOutDir: true,
    lib: { entry: 'src/cdn.ts', formats: ['es'], fileName: () => 'portal.js' },
    rolldownOptions: {
      // zod/mini marks its constructors side-effect free, but not the methods called on what they make
      // (`z.string().check(…)`): without this, a page that imports one money or date helper from a model
      // module would keep that module's schemas, and zod with them.
      treeshake: { manualPureFunctions: ['z'] },
      output: {
        minify: true,
        // An element's chunk is named after it (`chunks/portal-summary-<hash>.js`), not after `define`.
        chunkFileNames: (chunk) =>
          `chunks/${/elements[\\/]([\w-]+)[\\/]define\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1] ?? '[name]'}-[hash].js`,
        codeSplitting: {
          groups: [
            {
              name: 'shared',
              test: (id: string) => SHARED.test(id) && !SCHEMAS.test(id) && !OTHER_LANGUAGE.test(id),
            },
            { name: 'schemas', test: (id: string) => SCHEMAS.test(id) },
          ],
        },
      },
    },
  },
});
