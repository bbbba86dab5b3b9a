import { defineConfig } from 'vite';

/** What every element needs, in one chunk: Lit, zod/mini, the model, the contract, the store, the UI kit. */
const SHARED =
  /node_modules[\\/](lit|lit-html|lit-element|@lit|zod)[\\/]|src[\\/](core|model|contract|ui)[\\/]/;
/** Other languages' messages stay separate chunks, fetched only by pages in those languages. */
const OTHER_LANGUAGE = /(^|[\\/.])(fr|es|de|ar)\.ts$/;

/**
 * The script-tag bundle, `portal.js`: registers every tag and fetches each element's code when its tag
 * shows up (cdn.ts). Chunks carry a content hash in their names, so the server may cache them forever;
 * `portal.js` keeps its name, so a page always asks for the current one.
 */
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    sourcemap: true,
    emptyOutDir: true,
    lib: { entry: 'src/cdn.ts', formats: ['es'], fileName: () => 'portal.js' },
    rolldownOptions: {
      output: {
        minify: true,
        chunkFileNames: 'portal-[name]-[hash].js',
        codeSplitting: {
          groups: [{ name: 'shared', test: (id: string) => SHARED.test(id) && !OTHER_LANGUAGE.test(id) }],
        },
      },
    },
  },
});
