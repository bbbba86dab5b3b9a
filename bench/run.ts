// `npm run bench`: size and speed figures, printed as tables. Figures, not pass/fail: nothing here asserts.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROME_ARGS, ensureChrome } from '../scripts/browser.mjs';
import { compactTemplates } from '../scripts/vite/compact-templates.js';
import { type BuiltChunk, sectionChunks } from './section.js';
import { measureStorefront } from './storefront.js';

const root = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'portal-bench-'));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/**
 * An entry built as a page loads it, minified, Lit and every dependency inside. Returns the files a page
 * downloads before the entry runs: the entry and the chunks it imports statically. What it imports
 * dynamically (other languages' messages, HttpAdapter, parts fetched on demand) is not counted;
 * `languageChunks` keeps the messages' sizes. Templates are compacted as in the published files
 * (vite.config.ts), which is what an app's bundler gets.
 */
const languageChunks = new Map<string, number>();
async function bundle(name: string, entry: string): Promise<string[]> {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [compactTemplates()],
    build: {
      target: 'es2022',
      outDir: join(out, name),
      emptyOutDir: true,
      lib: { entry: resolve(root, entry), formats: ['es'], fileName: () => `${name}.js` },
      rolldownOptions: { output: { minify: true, chunkFileNames: '[name].js' } },
    },
  });
  const chunks = new Map<string, string[]>();
  for (const output of [result].flat() as {
    output?: { type: string; fileName: string; imports?: string[] }[];
  }[]) {
    for (const chunk of output.output ?? []) {
      if (chunk.type !== 'chunk') continue;
      chunks.set(chunk.fileName, chunk.imports ?? []);
      if (/^(fr|es|de|ar)\.js$/.test(chunk.fileName)) {
        languageChunks.set(chunk.fileName.slice(0, 2), sizes(join(out, name, chunk.fileName)).brotli);
      }
    }
  }
  const files = new Set<string>();
  const visit = (fileName: string) => {
    if (files.has(fileName)) return;
    files.add(fileName);
    for (const imported of chunks.get(fileName) ?? []) visit(imported);
  };
  visit(`${name}.js`);
  return [...files].map((fileName) => join(out, name, fileName));
}

/** Bytes of these files, each compressed on its own as a server sends it. */
function sizes(...files: string[]) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const code = readFileSync(file);
    total.raw += code.length;
    total.gzip += gzipSync(code, { level: 9 }).length;
    total.brotli += brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
  }
  return total;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (value: number) => value.toFixed(1);

function table(title: string, header: string[], rows: (string | number)[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells: (string | number)[]) =>
    cells
      .map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i])))
      .join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  rows.forEach((row) => console.log(line(row)));
}

// 1. Sizes
const entries: [string, string][] = [
  ['baseline: minimal Lit element', 'bench/baseline.ts'],
  ['portal-root (sign-in form fetched when needed)', 'src/elements/portal-root/define.ts'],
  ['portal-login', 'src/elements/portal-login/define.ts'],
  ['portal-summary', 'src/elements/portal-summary/define.ts'],
  ['portal-invoices', 'src/elements/portal-invoices/define.ts'],
  ['portal-invoice (pay flow fetched on Pay)', 'src/elements/portal-invoice/define.ts'],
  ['portal-pay-invoice', 'src/elements/portal-pay-invoice/define.ts'],
  // The merchant console's page (/merchant): its own entry, which no customer page loads.
  ['portal-console (merchant page only; sections fetched when opened)', 'src/merchant.ts'],
];
const sizeRows: (string | number)[][] = [];
let baseline = { raw: 0, gzip: 0, brotli: 0 };
for (const [label, entry] of entries) {
  const measured = sizes(...(await bundle(label.split(' ')[0].replace(/[^\w-]/g, ''), entry)));
  if (label.startsWith('baseline')) baseline = measured;
  sizeRows.push([
    label,
    kb(measured.raw),
    kb(measured.gzip),
    kb(measured.brotli),
    label.startsWith('baseline') ? '' : `+${kb(measured.brotli - baseline.brotli)}`,
  ]);
}
for (const [language, brotli] of languageChunks) {
  sizeRows.push([`${language} messages, fetched only by ${language} pages`, '', '', kb(brotli), '']);
}
table(
  'Each npm element entry alone (KB; the entry and what it imports statically: Lit, the store, the English ' +
    'messages, zod/mini only for forms; HttpAdapter and ky (api="…"), the validation of a custom adapter ' +
    '(zod and the schemas) and other parts fetched on demand not counted)',
  ['entry', 'raw', 'gzip', 'brotli', 'brotli over baseline'],
  sizeRows,
);

// 2. Speed pages, built and served next to the reference server (which also serves the overview page).
await bundle('big-list', 'bench/pages/big-list.ts');
await bundle('baseline-page', 'bench/pages/baseline-page.ts');
// The script-tag bundle exactly as `npm start` builds it (chunks, hashes, precompressed .br/.gz files).
const cdnDir = join(out, 'cdn');
const cdnBuild = await build({
  root,
  configFile: resolve(root, 'vite.cdn.config.ts'),
  logLevel: 'silent',
  build: { outDir: cdnDir, sourcemap: false },
});
const cdnRows: (string | number)[][] = [];
let cdnTotal = 0;
for (const file of [
  'portal.js',
  ...readdirSync(join(cdnDir, 'chunks'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `chunks/${name}`),
]) {
  const measured = sizes(join(cdnDir, file));
  cdnTotal += measured.brotli;
  cdnRows.push([file.replace(/-[\w-]{8}\.js$/, '.js'), kb(measured.raw), kb(measured.brotli)]);
}
cdnRows.push(['every file, if one page used them all', '', kb(cdnTotal)]);
table('portal.js and the chunks it fetches on demand (KB)', ['file', 'raw', 'brotli'], cdnRows);

// Issue 9's budget: what the Subscriptions section adds to a page, its flows included (target ≤ 10 KB).
const cdnOutput = ([cdnBuild].flat() as { output?: BuiltChunk[] }[]).flatMap((each) => each.output ?? []);
const subscriptionFiles = sectionChunks(cdnOutput, 'portal-subscriptions', [
  /portal-subscriptions[\\/]flows\.ts$/,
]);
console.log(
  `\nSubscriptions section: ${(sizes(...subscriptionFiles.map((file) => join(cdnDir, file))).brotli / 1024).toFixed(2)} KB brotli ` +
    `(target ≤ 10; ${subscriptionFiles.map((file) => file.replace(/^chunks\//, '').replace(/-[\w-]{8}\.js$/, '')).join(' + ')}; ` +
    'chunks other sections also load and the new-card entry, fetched when "A new card" is chosen, not counted)',
);
// The test-mode card fields frame: its own page on its own origin, loaded only when a card is entered.
const frameDir = join(out, 'card-fields');
await build({
  configFile: resolve(root, 'vite.card-fields.config.ts'),
  logLevel: 'silent',
  build: { outDir: frameDir, sourcemap: false },
});
const frameRows: (string | number)[][] = [];
let frameTotal = 0;
for (const file of ['index.html', ...readdirSync(join(frameDir, 'assets')).map((name) => `assets/${name}`)]) {
  const measured = sizes(join(frameDir, file));
  frameTotal += measured.brotli;
  frameRows.push([file.replace(/-[\w-]{8}\./, '.'), kb(measured.raw), kb(measured.brotli)]);
}
frameRows.push(['the whole frame', '', kb(frameTotal)]);
table('The test-mode card fields frame, on its own origin (KB)', ['file', 'raw', 'brotli'], frameRows);

// `BENCH_SIZES_ONLY=1 npm run bench`: the sizes above, without the speed part below.
if (process.env.BENCH_SIZES_ONLY) {
  rmSync(out, { recursive: true, force: true });
  process.exit(0);
}

// The reference server, imported only now: the sizes above need none of it.
const { startServer } = await import('../examples/server/src/server.js');
const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-db-'));
const server = await startServer({
  port: 0,
  dataDir,
  staticDirs: [
    join(root, 'bench/pages'),
    join(out, 'big-list'),
    join(out, 'baseline-page'),
    cdnDir,
    join(root, 'examples/storefront'),
  ],
  merchantSecret: 'sk_bench',
  logEmails: false,
});
const browser = await chromium.launch({
  executablePath: ensureChrome(),
  args: CHROME_ARGS,
});

async function measurePage(path: string): Promise<Record<string, number>> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(`${server.url}/${path}`);
  await page.waitForFunction(() => (window as { benchResult?: unknown }).benchResult, undefined, {
    timeout: 120_000,
  });
  const result = await page.evaluate(
    () => (window as unknown as { benchResult: Record<string, number> }).benchResult,
  );
  await page.close();
  return result;
}

const bigList: Record<string, number>[] = [];
const minimal: Record<string, number>[] = [];
for (let run = 0; run < RUNS; run += 1) {
  bigList.push(await measurePage('big-list.html'));
  minimal.push(await measurePage('baseline.html'));
}
const pick = (runs: Record<string, number>[], key: string) => median(runs.map((run) => run[key]));
table(
  `10,000 invoices in <portal-invoices> (median of ${RUNS} runs, headless Chromium, ${process.env.BENCH_CPU ?? '2 cores'})`,
  ['measure', 'portal', 'baseline'],
  [
    [
      'data arrived → first row painted (ms)',
      ms(pick(bigList, 'dataToFirstRowMs')),
      ms(pick(minimal, 'dataToFirstRowMs')),
    ],
    ['rows loaded by 20 × "Load more" (page size 100)', pick(bigList, 'rowsLoaded'), ''],
    ['time for those 20 loads incl. paint (ms)', ms(pick(bigList, 'loadTwentyPagesMs')), ''],
    ['longest task while loading (ms; 0 = none over 50)', ms(pick(bigList, 'longestTaskWhileLoadingMs')), ''],
    ['long tasks while loading (count)', pick(bigList, 'longTasksWhileLoading'), ''],
    ['longest task while scrolling 2,100 rows (ms)', ms(pick(bigList, 'longestTaskWhileScrollingMs')), ''],
  ],
);

// 3. Requests made by an overview page: a header summary, <portal-root> and a list, against the real server.
const page = await browser.newPage();
await page.goto(`${server.url}/overview.html`);
await page.evaluate(async () => {
  await fetch('/portal-api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ada@example.com', password: 'correct-horse-battery-staple' }),
  });
});
const requests: string[] = [];
page.on('request', (request) => {
  const url = new URL(request.url());
  if (url.pathname.startsWith('/portal-api/'))
    requests.push(`${request.method()} ${url.pathname}${url.search}`);
});
await page.reload();
await page.waitForLoadState('networkidle');
await page.getByText('Signed in as Ada Lovelace').waitFor();
await page.waitForLoadState('networkidle');
const counts = new Map<string, number>();
for (const request of requests) counts.set(request, (counts.get(request) ?? 0) + 1);
table(
  'Requests made by an overview page (<portal-summary> + <portal-root> + <portal-invoices>, one shared store)',
  ['request', 'count'],
  [...[...counts].sort(), ['total', requests.length]],
);

// 4. The storefront (examples/storefront) as a customer meets it, against the targets of issue 7.
const store = await measureStorefront(browser, server.url);
const summaryAlone = sizeRows.find((row) => String(row[0]).startsWith('portal-summary'));
const firstRow = pick(bigList, 'dataToFirstRowMs') / pick(minimal, 'dataToFirstRowMs');
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
table(
  'The storefront (examples/storefront, 1280×800, portal code as transferred: brotli) against the targets',
  ['measure', 'portal', 'target', ''],
  [
    [
      '(a) sign-in form: portal code transferred (KB)',
      kb(store.signInBytes),
      '≤ 22',
      verdict(store.signInBytes <= 22 * 1024),
    ],
    [
      '(b) signed-in overview (KB)',
      kb(store.overviewBytes),
      '≤ 30',
      verdict(store.overviewBytes <= 30 * 1024),
    ],
    ...store.steps.map((each) => [
      `(c) + ${each.label} (KB)`,
      kb(each.bytes),
      '≤ 8',
      verdict(each.bytes <= 8 * 1024),
    ]),
    [
      '<portal-summary> npm entry alone (KB)',
      summaryAlone?.[3] ?? '',
      '≤ 18',
      verdict(Number(summaryAlone?.[3]) <= 18),
    ],
    ['API requests before the balance shows', store.requestsBeforeBalance.length, '', ''],
    ['API round trips before the balance shows', store.roundTrips, '1', verdict(store.roundTrips <= 1)],
    ['first API request → balance on screen (ms)', ms(store.balanceAtMs - store.firstApiRequestAtMs), '', ''],
    [
      'layout shift, load → signed-in overview',
      store.layoutShift.toFixed(3),
      '≤ 0.02',
      verdict(store.layoutShift <= 0.02),
    ],
    [
      'layout shift, load → sign-in form',
      store.layoutShiftSignIn.toFixed(3),
      '≤ 0.02',
      verdict(store.layoutShiftSignIn <= 0.02),
    ],
    [
      '10,000 invoices: data → first row, × baseline',
      `${firstRow.toFixed(1)}×`,
      '≤ 2×',
      verdict(firstRow <= 2),
    ],
  ],
);
console.log(`\nAPI requests before the balance: ${store.requestsBeforeBalance.join(', ')}`);

await browser.close();
await server.close();
rmSync(out, { recursive: true, force: true });
rmSync(dataDir, { recursive: true, force: true });
