import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, serve } from '../examples/test/support.js';

/**
 * Storybook as the documentation: every element has a docs page (autodocs, its API table derived from
 * custom-elements.json), next to the getting-started, theming and adapter pages, and each page passes
 * axe. Reads the static build `npm test` makes before this (and `dist/`, from `npm run build`).
 */
const STATIC = 'storybook-static';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

interface Declaration {
  tagName?: string;
  events?: { name: string }[];
}

const index = existsSync(`${STATIC}/index.json`)
  ? (JSON.parse(readFileSync(`${STATIC}/index.json`, 'utf8')) as {
      entries: Record<string, { id: string; type: string; title: string }>;
    })
  : { entries: {} };
const docs = Object.values(index.entries).filter((entry) => entry.type === 'docs');
const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as {
  modules: { declarations?: Declaration[] }[];
};
const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
const tags = declarations.flatMap((each) => each.tagName ?? []);
const eventsOf = (tag: string) =>
  (declarations.find((each) => each.tagName === tag)?.events ?? []).map((event) => event.name);

describe('Storybook docs pages', { timeout: 180_000 }, () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serve>>;

  before(async () => {
    site = await serve(`${process.cwd()}/${STATIC}`);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('has a docs page for every element in the manifest', () => {
    for (const tag of tags) {
      assert.ok(
        docs.some((entry) => entry.title.endsWith(`/${tag}`)),
        `a docs page for <${tag}> (${STATIC}/index.json)`,
      );
    }
  });

  it('has the getting-started, theming and adapter pages', () => {
    for (const title of ['Docs/Getting started', 'Docs/Theming', 'Docs/Adapters']) {
      assert.ok(
        docs.some((entry) => entry.title === title),
        `a page "${title}"`,
      );
    }
  });

  for (const entry of docs) {
    const tag = tags.find((each) => entry.title.endsWith(`/${each}`));
    it(`${entry.title}: ${tag ? 'shows the manifest’s API and ' : ''}passes axe`, async () => {
      const { page, errors } = await openPage(browser, `${site.url}iframe.html?id=${entry.id}&viewMode=docs`);
      const root = page.locator('#storybook-docs');
      await root.getByRole('heading', { level: 1 }).waitFor();
      if (tag) {
        // The API table comes from custom-elements.json: it lists the element's events.
        const table = root.locator('table').first();
        await table.waitFor();
        const text = (await table.textContent()) ?? '';
        for (const event of eventsOf(tag)) assert.ok(text.includes(event), `<${tag}>'s page lists ${event}`);
      }
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run(node: Element): Promise<{ violations: Violation[] }> } }
        ).axe;
        const result = await axe.run(document.querySelector('#storybook-docs')!);
        return result.violations.map((v) => ({
          id: v.id,
          help: v.help,
          nodes: v.nodes.map((n) => n.target),
        }));
      });
      assert.deepEqual(violations, []);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
