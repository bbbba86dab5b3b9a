import { defineConfig, mergeConfig } from 'vite';
import cdn from './vite.cdn.config.js';

/**
 * The merchant console's script-tag bundle, `merchant/console.js` (src/merchant.ts: registers
 * `<portal-console>`; each section is a chunk fetched when first opened). Built apart from `portal.js`,
 * into its own folder, so no customer page ever downloads a byte of it. The reference server serves it
 * at `/merchant/console.js` next to the page `examples/merchant/merchant/index.html`.
 */
export default mergeConfig(
  cdn,
  defineConfig({
    build: {
      outDir: 'dist/merchant/merchant',
      emptyOutDir: true,
      lib: { entry: 'src/merchant.ts', formats: ['es'], fileName: () => 'console.js' },
      rolldownOptions: {
        output: {
          chunkFileNames: (chunk) =>
            `chunks/${/elements[\\/]([\w-]+)[\\/]define\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1] ?? '[name]'}-[hash].js`,
        },
      },
    },
  }),
);
