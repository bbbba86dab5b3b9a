import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './support.js';

/**
 * The README's framework code is the tested examples' code. A block after `<!-- file: path -->` is that
 * file, whole; a block after `<!-- excerpt: path -->` is lines of that file, in order.
 */
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const BLOCKS = [...README.matchAll(/<!-- (file|excerpt): (\S+) -->\s*```\w*\n([\s\S]*?)```/g)].map(
  ([, kind, path, code]) => ({ kind, path, code }),
);

describe('the README’s React, Vue and plain-HTML code', () => {
  it('names the examples it shows', () => {
    const paths = BLOCKS.map((block) => block.path);
    for (const path of ['examples/react/src/main.tsx', 'examples/vue/src/App.vue']) {
      assert.ok(paths.includes(path), `the README shows ${path}`);
    }
  });

  for (const { kind, path, code } of BLOCKS) {
    it(`shows ${path} as it is`, () => {
      const file = readFileSync(join(ROOT, path), 'utf8');
      if (kind === 'file') {
        assert.equal(code, file);
        return;
      }
      let from = 0;
      for (const line of code.split('\n').map((each) => each.trim())) {
        if (!line) continue;
        const at = file.indexOf(line, from);
        assert.ok(at >= 0, `${path} has, in this order: ${line}`);
        from = at + line.length;
      }
    });
  }
});
