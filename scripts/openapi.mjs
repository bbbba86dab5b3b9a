/**
 * Writes openapi.json (the HTTP contract, generated from the zod schemas) at the repository root.
 * `npx tsx scripts/openapi.mjs` regenerates it; with `--check` it only reports whether the committed
 * file is current (exit code 1 when not). tsx is needed because the generator is TypeScript source.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { buildOpenApiDocument } from '../src/adapters/http/openapi.ts';

const root = new URL('../', import.meta.url);
const target = fileURLToPath(new URL('openapi.json', root));
const { version } = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));

const document = buildOpenApiDocument({ version });
// Formatted like the rest of the repository, so `prettier --check .` accepts the generated file.
const config = (await prettier.resolveConfig(target)) ?? {};
const text = await prettier.format(JSON.stringify(document), { ...config, parser: 'json' });

const operationCount = Object.values(document.paths).reduce(
  (total, item) => total + Object.keys(item).length,
  0,
);
const summary = `${operationCount} operations on ${Object.keys(document.paths).length} paths`;

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== text) {
    console.error('openapi.json is out of date: run `npx tsx scripts/openapi.mjs` and commit the result.');
    process.exitCode = 1;
  } else {
    console.log(`openapi.json is current (${summary}).`);
  }
} else {
  await writeFile(target, text);
  console.log(`Wrote openapi.json (${summary}).`);
}
