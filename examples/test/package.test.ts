import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, run, serve } from './support.js';

/**
 * The package as a user gets it: `npm pack` of the built library, installed from that tarball into a
 * fresh app in a temporary folder (its dependencies from the npm registry or cache), type-checked, built
 * with Vite and run in Chromium. Nothing from this repository's source is reachable from that app.
 */

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** Every tag the package defines, from its own custom-elements.json. */
function packageTags(app: string): string[] {
  const manifest = JSON.parse(
    readFileSync(join(app, 'node_modules/portal-elements/dist/custom-elements.json'), 'utf8'),
  ) as { modules: { declarations?: { tagName?: string }[] }[] };
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? []).flatMap((each) => each.tagName ?? []),
  );
}

/** The code a page can load: its entry chunk and everything it imports, statically or lazily. */
function codeOfPage(out: string, entry: string): string {
  const manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of [...(manifest[key].imports ?? []), ...(manifest[key].dynamicImports ?? [])])
      visit(next);
  };
  visit(entry);
  return [...seen].map((key) => readFileSync(join(out, manifest[key].file), 'utf8')).join('\n');
}

/** The tags a bundle registers, read from its `customElements.define("…"` calls. */
function definedTags(code: string): string[] {
  return [
    ...new Set([...code.matchAll(/customElements\.define\(\s*["'`]([\w-]+)["'`]/g)].map((m) => m[1])),
  ].sort();
}

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'an-app', private: true, type: 'module' }),
  // The whole portal, every element registered.
  'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Portal</title></head><body><portal-root theme-color="#0f766e"></portal-root>
<script type="module" src="./portal.ts"></script></body></html>`,
  'portal.ts': `import 'portal-elements/define';
import { MemoryAdapter } from 'portal-elements';
document.querySelector('portal-root')!.adapter = new MemoryAdapter();
`,
  // One element on its own, and nothing else.
  'one.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Summary</title></head><body>
<script type="module" src="./one.ts"></script></body></html>`,
  'one.ts': `import 'portal-elements/elements/portal-summary';
import { MemoryAdapter } from 'portal-elements';
const adapter = new MemoryAdapter();
await adapter.signIn({ email: 'ada@example.com', password: 'correct-horse-battery-staple' });
const summary = document.createElement('portal-summary');
summary.adapter = adapter;
document.body.append(summary);
`,
  // The script-tag entry's types, and the tags' types through it.
  'cdn.ts': `import { isAvailable, loadElement, PortalError } from 'portal-elements/portal.js';
export async function load(): Promise<boolean> {
  await loadElement('portal-invoices');
  const list = document.createElement('portal-invoices');
  list.filter = 'outstanding';
  return isAvailable('portal-root') && !(list instanceof PortalError);
}
`,
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'bundler',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
    include: ['*.ts'],
  }),
};

describe('the package as installed from its tarball', { timeout: 240_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'portal-pack-'));
  const app = join(work, 'app');
  const out = join(work, 'out');
  let tarball = '';
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serve>>;

  before(async () => {
    run('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--silent']);
    tarball = join(
      work,
      readdirSync(work).find((name) => name.endsWith('.tgz'))!,
    );
    run('mkdir', ['-p', app]);
    for (const [name, content] of Object.entries(FILES)) writeFileSync(join(app, name), content);
    run(
      'npm',
      [
        'install',
        tarball,
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--ignore-scripts',
        '--loglevel=error',
      ],
      app,
    );
    const { build } = await import('vite');
    await build({
      root: app,
      configFile: false,
      logLevel: 'warn',
      build: {
        outDir: out,
        target: 'es2022',
        manifest: true,
        rolldownOptions: { input: { index: join(app, 'index.html'), one: join(app, 'one.html') } },
      },
    });
    site = await serve(out);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('publint finds nothing to report', () => {
    const output = run('npx', ['publint', '--strict', tarball]);
    assert.match(output, /All good!/, output);
  });

  it('are-the-types-wrong finds no problem for an ES-module-only package', () => {
    // node10 and require() are out of scope: the package is ESM only, with `exports`.
    run('npx', ['attw', tarball, '--profile', 'esm-only']);
  });

  it('type-checks an app against the installed types, the script-tag entry included', () => {
    run('npx', ['tsc', '-p', join(app, 'tsconfig.json')]);
  });

  it('ships the manifest and the editor files its package.json names', () => {
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules/portal-elements/package.json'), 'utf8')) as {
      customElements: string;
      'web-types': string;
    };
    for (const path of [pkg.customElements, pkg['web-types'], './dist/vscode.html-custom-data.json']) {
      JSON.parse(readFileSync(join(app, 'node_modules/portal-elements', path), 'utf8'));
    }
    assert.ok(packageTags(app).includes('portal-root'));
  });

  it('a page that imports one element bundles that element and no other', () => {
    const tags = packageTags(app);
    assert.ok(tags.length > 1, 'the package has several elements');
    assert.deepEqual(definedTags(codeOfPage(out, 'one.html')), ['portal-summary']);
    // `portal-elements/define` is the customer portal; the console is `portal-elements/merchant`'s.
    const customerTags = tags.filter((tag) => !tag.startsWith('portal-console'));
    assert.deepEqual(definedTags(codeOfPage(out, 'index.html')), [...customerTags].sort());
  });

  it('runs in Chromium: the whole portal, and one element alone', async () => {
    const { page, errors } = await openPage(browser, site.url);
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password', { exact: true }).fill('correct-horse-battery-staple');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in as Ada Lovelace').waitFor();
    const alone = await openPage(browser, `${site.url}one.html`);
    await alone.page.locator('portal-summary').getByText('Outstanding balance').waitFor();
    assert.deepEqual([...errors, ...alone.errors], []);
    await page.close();
    await alone.page.close();
  });
});
