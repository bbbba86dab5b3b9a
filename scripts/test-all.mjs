// `npm test`: every check, in the order that fails fastest, each step timed.
// Set PORTAL_TEST_STEPS=lint,browser to run some steps only (names below).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureChrome } from './browser.mjs';

const isCi = Boolean(process.env.CI);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const withPostgres =
  Boolean(process.env.DATABASE_URL) || process.env.PORTAL_TEST_POSTGRES === '1' || (isCi && isRoot);

const steps = [
  [
    'lint',
    'ESLint (with the layer rule and its tests), Prettier and Spectral on openapi.json',
    'npx eslint . && npx prettier --check . && node --test scripts/eslint/ && npm run -s openapi:lint',
  ],
  ['types', 'TypeScript: browser code, server, e2e and bench', 'npm run -s typecheck'],
  [
    'browser',
    'Browser tests in headless Chromium, with coverage',
    'npx web-test-runner --coverage --static-logging',
  ],
  [
    'server',
    'Reference server suite on PGlite, then its answers checked against openapi.json',
    'npx tsx --test examples/server/test/*.test.ts && npx tsx --test examples/server/test/openapi-responses.ts',
  ],
  ...(withPostgres
    ? [
        [
          'postgres',
          'Reference server suite on a PostgreSQL server',
          'bash examples/server/test/run-postgres.sh',
        ],
      ]
    : []),
  [
    'build',
    'Library, CDN bundle, their template compaction and OpenAPI drift check',
    'npm run -s build && npx tsx --test scripts/vite/*.test.ts && npx tsx scripts/openapi.mjs --check',
  ],
  [
    'examples',
    'React and Vue examples (type-checked, built, in Chromium) and the packed package installed in a fresh app',
    'npx tsx --test examples/test/*.test.ts',
  ],
  ['storybook', 'Storybook static build', 'npx storybook build -o storybook-static --quiet'],
  ['e2e', 'End-to-end journeys in headless Chromium', 'npx tsx --test e2e/*.e2e.ts'],
];

const only = process.env.PORTAL_TEST_STEPS?.split(',').map((name) => name.trim());
const selected = only ? steps.filter(([name]) => only.includes(name)) : steps;

const chrome = ensureChrome();
const env = { ...process.env, CHROME_PATH: chrome, STORYBOOK_DISABLE_TELEMETRY: '1', FORCE_COLOR: '1' };
// The server suite appends every answer it receives here (examples/server/test/helpers.ts); the step's
// last command holds them against openapi.json. A fresh file per run, so only this run's answers count.
const responseLog = join(mkdtempSync(join(tmpdir(), 'portal-answers-')), 'answers.jsonl');
env.PORTAL_RESPONSE_LOG = responseLog;
const results = [];
for (const [name, title, command] of selected) {
  console.log(`\n▶ ${title}\n  $ ${command}`);
  const started = Date.now();
  const { status } = spawnSync(command, { shell: true, stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push([name, title, status === 0 ? 'ok' : 'FAILED', seconds]);
  if (status !== 0) break;
}

rmSync(dirname(responseLog), { recursive: true, force: true });

console.log('\nstep       result   seconds  what');
for (const [name, title, result, seconds] of results) {
  console.log(`${name.padEnd(10)} ${result.padEnd(8)} ${seconds.padStart(7)}  ${title}`);
}
if (!withPostgres && !only) {
  console.log(
    '(the PostgreSQL server run of the server suite happens in CI, or with PORTAL_TEST_POSTGRES=1 / DATABASE_URL)',
  );
}
const failed = results.some(([, , result]) => result !== 'ok') || results.length < selected.length;
process.exit(failed ? 1 : 0);
