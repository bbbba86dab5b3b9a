import { portalManifestPlugin } from './scripts/manifest/plugin.mjs';

/**
 * `custom-elements.json`, read from the elements' JSDoc by `npm run build` (scripts/manifest/build.mjs),
 * which then writes the editor and framework files from it. Every element under src/elements/ appears
 * without being listed here.
 */
export default {
  globs: [
    'src/elements/*/*.ts',
    'src/core/portal-element.ts',
    'src/core/localized-element.ts',
    // The merchant console's elements (`portal-elements/merchant`).
    'src/console/elements/*/*.ts',
    'src/console/console-element.ts',
    'src/console/people-section.ts',
  ],
  exclude: [
    'src/elements/*/messages*.ts',
    'src/elements/*/*.styles.ts',
    'src/console/elements/*/messages*.ts',
    'src/console/elements/*/*.styles.ts',
  ],
  outdir: 'dist',
  litelement: true,
  plugins: [portalManifestPlugin()],
};
