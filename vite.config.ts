import { defineConfig } from 'vite';
import { compactTemplates } from './scripts/vite/compact-templates.js';

/**
 * The npm build: ES modules with Lit, @lit/*, zod and ky left to the app's bundler (so a page shares one
 * Lit), one entry per public module. Storybook reuses this file for its own Vite settings.
 * The single-file script-tag bundle is vite.cdn.config.ts.
 */
export default defineConfig({
  plugins: [compactTemplates()],
  build: {
    target: 'es2022',
    outDir: 'dist/npm',
    sourcemap: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        define: 'src/define.ts',
        conformance: 'src/adapters/conformance/index.ts',
        'portal-root': 'src/elements/portal-root/define.ts',
        'portal-login': 'src/elements/portal-login/define.ts',
        'portal-summary': 'src/elements/portal-summary/define.ts',
        'portal-invoices': 'src/elements/portal-invoices/define.ts',
        'portal-invoice': 'src/elements/portal-invoice/define.ts',
        'portal-pay-invoice': 'src/elements/portal-pay-invoice/define.ts',
        'portal-payment-methods': 'src/elements/portal-payment-methods/define.ts',
        'portal-profile': 'src/elements/portal-profile/define.ts',
        'portal-content': 'src/elements/portal-content/define.ts',
        'portal-quick-order': 'src/elements/portal-quick-order/define.ts',
        'portal-subscriptions': 'src/elements/portal-subscriptions/define.ts',
        'portal-task': 'src/elements/portal-task/define.ts',
        // The merchant console: its own entry, `portal-elements/merchant`, never imported by the above.
        merchant: 'src/merchant.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^ky$/, /^dompurify$/],
      output: { minify: true },
    },
  },
});
