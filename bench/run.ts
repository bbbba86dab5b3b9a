// `npm run bench`: size and speed figures, printed as tables. Figures, not pass/fail: nothing here asserts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { startServer } from '../examples/server/src/server.js';
import { CHROME_ARGS, ensureChrome } from '../scripts/browser.mjs';

const root = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'portal-bench-'));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/**
 * One minified ES module with Lit and every dependency inside, as a page loads it. Other languages'
 * messages stay separate chunks (fetched only by pages in those languages); `languageChunks` has them.
 */
const languageChunks = new Map<string, number>();
async function bundle(name: string, entry: string): Promise<string> {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      target: 'es2022',
      outDir: join(out, name),
      emptyOutDir: true,
      lib: { entry: resolve(root, entry), formats: ['es'], fileName: () => `${name}.js` },
      rolldownOptions: { output: { minify: true, chunkFileNames: '[name].js' } },
    },
  });
  for (const output of [result].flat() as {
    output?: { type: string; fileName: string; code?: string }[];
  }[]) {
    for (const chunk of output.output ?? []) {
      if (chunk.type === 'chunk' && /^(fr|es)\.js$/.test(chunk.fileName)) {
        languageChunks.set(chunk.fileName.slice(0, 2), sizes(join(out, name, chunk.fileName)).brotli);
      }
    }
  }
  return join(out, name, `${name}.js`);
}

function sizes(file: string) {
  const code = readFileSync(file);
  return {
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
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
  ['portal.js (every element, script tag)', 'src/cdn.ts'],
  ['portal-root (+ portal-login)', 'src/elements/portal-root/define.ts'],
  ['portal-login', 'src/elements/portal-login/define.ts'],
  ['portal-summary', 'src/elements/portal-summary/define.ts'],
  ['portal-invoices', 'src/elements/portal-invoices/define.ts'],
  ['portal-invoice (+ portal-pay-invoice)', 'src/elements/portal-invoice/define.ts'],
  ['portal-pay-invoice', 'src/elements/portal-pay-invoice/define.ts'],
];
const sizeRows: (string | number)[][] = [];
let baseline = { raw: 0, gzip: 0, brotli: 0 };
for (const [label, entry] of entries) {
  const measured = sizes(await bundle(label.split(' ')[0].replace(/[^\w-]/g, ''), entry));
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
  'Bundle sizes (KB; each entry self-contained: Lit, zod/mini, ky and the English messages inside)',
  ['entry', 'raw', 'gzip', 'brotli', 'brotli over baseline'],
  sizeRows,
);

// 2. Speed pages, built and served next to the reference server (which also serves the overview page).
await bundle('big-list', 'bench/pages/big-list.ts');
await bundle('baseline-page', 'bench/pages/baseline-page.ts');
const cdn = await bundle('portal', 'src/cdn.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-db-'));
const server = await startServer({
  port: 0,
  dataDir,
  staticDirs: [join(root, 'bench/pages'), join(out, 'big-list'), join(out, 'baseline-page'), join(cdn, '..')],
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

await browser.close();
await server.close();
rmSync(out, { recursive: true, force: true });
rmSync(dataDir, { recursive: true, force: true });
