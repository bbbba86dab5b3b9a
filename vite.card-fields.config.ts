import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The test-mode card fields frame: a small standalone page (no Lit) that the reference server serves on
 * its second port, CARD_FIELDS_PORT, so the fields live on another origin than the portal.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/providers/test-mode/frame'),
  base: './',
  build: {
    target: 'es2022',
    outDir: resolve(import.meta.dirname, 'dist/card-fields'),
    emptyOutDir: true,
    // The page runs under `script-src 'self'`: no inline preload helper.
    modulePreload: { polyfill: false },
    rolldownOptions: { output: { minify: true } },
  },
});
