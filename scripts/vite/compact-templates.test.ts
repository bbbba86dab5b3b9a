// The template compaction of the builds (compact-templates.ts), checked on a real Vite build of a sample.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { build } from 'vite';
import { compactCss, compactTemplates } from './compact-templates.js';

const dir = mkdtempSync(join(tmpdir(), 'compact-templates-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Builds `source` as a module with the plugin, unminified, and returns the output. */
async function compacted(source: string): Promise<string> {
  const entry = join(dir, 'sample.ts');
  writeFileSync(entry, source);
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [compactTemplates(/sample\.ts$/)],
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['es'], fileName: () => 'sample.js' },
      rolldownOptions: { external: ['lit'] },
    },
  });
  const outputs = [result].flat() as unknown as { output: { type: string; code?: string }[] }[];
  return outputs[0].output.find((file) => file.type === 'chunk')?.code ?? '';
}

void test('html: each run of whitespace becomes one space, bindings kept in place', async () => {
  const code = await compacted(`import { html } from 'lit';
export const view = (a: string, b: string) => html\`<p class="note">
    \${a}
      <span>\${b}</span>
  </p>\`;`);
  assert.match(code, /html`<p class="note"> \$\{a\} <span>\$\{b\}<\/span> <\/p>`/);
});

void test('css: comments and the spaces the syntax ignores go; a binding keeps its spaces', async () => {
  const code = await compacted(`import { css, unsafeCSS } from 'lit';
const gap = unsafeCSS('1rem');
export const styles = css\`
  /* The list. */
  :host > ul,
  ol {
    margin: 0 \${gap};
    color: red;
  }
\`;`);
  assert.match(code, /css` :host>ul,ol\{margin:0 \$\{gap\};color:red;\}`/);
});

void test('other templates are left as written: messages, a pre, a textarea with text', async () => {
  const code = await compacted(`import { html } from 'lit';
export const message = (n: number) => \`every  \${n}   months\`;
export const spaced = html\`<p>a\u00a0\u00a0b</p>\`;
export const pre = html\`<pre>
  a   b
</pre>\`;
export const area = html\`<textarea>
  typed   text</textarea>\`;
export const bound = (v: string) => html\`<textarea
    .value=\${v}
  ></textarea>\`;`);
  assert.match(code, /`every {2}\$\{n\} {3}months`/);
  assert.match(code, /<p>a\u00a0\u00a0b<\/p>/, 'no-break spaces are content');
  assert.match(code, /<pre>\n {2}a {3}b\n<\/pre>/);
  assert.match(code, /<textarea>\n {2}typed {3}text<\/textarea>/);
  assert.match(code, /html`<textarea \.value=\$\{v\} ><\/textarea>`/);
});

void test('compactCss keeps what separates tokens', () => {
  assert.equal(compactCss('a b { margin: 0 auto; }'), 'a b{margin:0 auto;}');
  assert.equal(compactCss('.a:not(.b) .c , .d {}'), '.a:not(.b) .c,.d{}');
  assert.equal(compactCss(".q::before { content: '  a :  b ;' ; }"), ".q::before{content:'  a :  b ;';}");
  assert.equal(compactCss("/* the customer's */ .x { gap: 1px }"), ' .x{gap:1px}');
});
