import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, ensureChrome } from './scripts/browser.mjs';

// Browser tests: every test/**/*.test.ts file runs in headless Chromium.
// `tsconfig` is required: without it esbuild compiles decorators the TC39 way and Lit throws.
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: ensureChrome(), headless: true, args: CHROME_ARGS } }),
  ],
  concurrency: 2,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  coverageConfig: {
    include: ['src/**/*.ts'],
    threshold: { statements: 80, branches: 70, functions: 80, lines: 80 },
  },
  testFramework: { config: { timeout: 10000 } },
};
