import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/**
 * A build plugin that takes the indentation out of Lit's `html`, `svg` and `css` templates: every run of
 * whitespace in their static text becomes one space (which renders the same: HTML collapses it, CSS
 * ignores it), and in `css` comments go, as do the spaces around `{ } ; , > :`. The minifier leaves
 * template text alone, so without this every chunk carries its source's indentation.
 *
 * Left as written: any other template literal (messages), and an `html` template with a `<pre>` or a
 * `<textarea>` with text in it, where whitespace is content (a bound `.value` is not text). Only the builds use it; tests and Storybook's dev
 * server see the source as it is.
 */
/** The whitespace HTML and CSS collapse (ASCII only: a no-break space is content, and stays). */
const SPACE = /[ \t\n\r\f]+/g;

export function compactTemplates(include: RegExp = /[\\/]src[\\/].*\.ts$/): Plugin {
  return {
    name: 'portal-compact-templates',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      if (!include.test(id) || !/\b(html|svg|css)`/.test(code)) return null;
      const out = new MagicString(code);
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression') return;
        const tag = node.tag as AstNode;
        if (tag.type !== 'Identifier' || !['html', 'svg', 'css'].includes(tag.name as string)) return;
        const quasis = (node.quasi as { quasis: AstNode[] }).quasis;
        const texts = quasis.map((quasi) => code.slice(quasi.start, quasi.end));
        if (tag.name !== 'css' && texts.some(keepsWhitespace)) return;
        quasis.forEach((quasi, index) => {
          const text = texts[index];
          const compact = tag.name === 'css' ? compactCss(text) : text.replace(SPACE, ' ');
          if (compact !== text) out.overwrite(quasi.start, quasi.end, compact);
        });
      });
      if (!out.hasChanged()) return null;
      return { code: out.toString(), map: out.generateMap({ hires: true, source: id }) };
    },
  };
}

/** Whether a piece of markup holds text whose whitespace shows: a `<pre>`, a textarea's content. */
function keepsWhitespace(text: string): boolean {
  return /<pre\b/i.test(text) || /([^>]+)<\/textarea>/i.test(text);
}

/**
 * One piece of a stylesheet's text (between two `${}`): no comments, no spaces the syntax ignores. A
 * quoted string (`content: '…'`) is kept as written.
 */
export function compactCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(SPACE, ' ')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/: /g, ':'),
    )
    .join('');
}

interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** Calls `visit` on every node of an ESTree tree. */
function walk(node: unknown, visit: (node: AstNode) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  const current = node as AstNode;
  if (typeof current.type === 'string') visit(current);
  for (const value of Object.values(current)) {
    if (value && typeof value === 'object') walk(value, visit);
  }
}
