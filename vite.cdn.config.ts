import { defineConfig } from 'vite';

/**
 * The script-tag bundle: one self-registering module with everything bundled, for `<script type="module">`.
 * French and Spanish messages are separate files next to it, fetched only by pages that need them.
 */
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    sourcemap: true,
    emptyOutDir: true,
    lib: { entry: 'src/cdn.ts', formats: ['es'], fileName: () => 'portal.js' },
    rolldownOptions: { output: { minify: true, chunkFileNames: 'portal-[name]-[hash].js' } },
  },
});
