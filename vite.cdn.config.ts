import { defineConfig } from 'vite';

/** The script-tag bundle: one self-registering file with everything bundled, for `<script type="module">`. */
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    sourcemap: true,
    emptyOutDir: true,
    lib: { entry: 'src/cdn.ts', formats: ['es'], fileName: () => 'portal.js' },
    rolldownOptions: { output: { minify: true, codeSplitting: false } },
  },
});
