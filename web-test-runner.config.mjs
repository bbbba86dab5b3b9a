import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { readdirSync } from 'node:fs';
import { CHROME_ARGS, ensureChrome } from './scripts/browser.mjs';
import { cardFrameCommands } from './test/providers/card-frame-commands.mjs';

/**
 * Serves `/__story-index.js`: one lazy import per stories file, found on disk at request time, so the
 * every-story test (test/stories.test.ts) covers new stories without a list to maintain.
 */
const storyIndex = {
  name: 'story-index',
  serve(context) {
    if (context.path !== '/__story-index.js') return undefined;
    // Subfolders too: the merchant console's stories live in stories/console/.
    const files = readdirSync('stories', { recursive: true })
      .map((file) => String(file).split('\\').join('/'))
      .filter((file) => file.endsWith('.stories.ts'))
      .sort();
    const entries = files.map((file) => `  [${JSON.stringify(file)}, () => import('/stories/${file}')],`);
    return { body: `export default [\n${entries.join('\n')}\n];\n`, type: 'js' };
  },
};

// Browser tests: every test/**/*.test.ts file runs in headless Chromium.
// `tsconfig` is required: without it esbuild compiles decorators the TC39 way and Lit throws.
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  plugins: [
    storyIndex,
    cardFrameCommands(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: ensureChrome(), headless: true, args: CHROME_ARGS } }),
  ],
  // One page at a time: a page in the background gets no keyboard focus, and the card fields and dialog
  // tests type into focused controls.
  concurrency: 1,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  coverageConfig: {
    include: ['src/**/*.ts'],
    threshold: { statements: 80, branches: 70, functions: 80, lines: 80 },
  },
  // A guard against hangs, not a speed check: a 2-core CI machine running two browser pages at once is slow.
  testFramework: { config: { timeout: 30000 } },
};
