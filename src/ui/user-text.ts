import { html, type TemplateResult } from 'lit';

/**
 * Text a customer or the merchant wrote (names, notes, line descriptions, plan names, page titles, invoice
 * numbers), shown so that its direction cannot reorder the portal's own words around it: a right-to-left
 * override in a name must not turn "Refund requested for $10.00" into something else (issue 13, finding
 * 8). Use:
 * - `userText(value)` where the value is rendered on its own (a table cell, a note): a `<bdi>`, whose
 *   direction comes from its own first strong character and stays inside it;
 * - `sentence((v) => t.root.signedInAs(v), value)` where the value sits in a translated sentence: the
 *   sentence with the value in a `<bdi>` (its text content stays exactly the sentence);
 * - `isolated(value)` where only a string will do (a visible string property of another component): the
 *   value between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE.
 * Attributes read only by assistive technology (aria-label) need none of these: nothing is drawn.
 * All three close the value's own unterminated embeddings, overrides and isolates and drop the closers
 * it has no opener for (which would otherwise end the isolation early). Unbroken strings wrap because the
 * shared host styles set `overflow-wrap: anywhere` (ui/styles.ts).
 */

const EMBEDDING_OPENERS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']); // LRE RLE LRO RLO
const POP_DIRECTIONAL_FORMATTING = '\u202C';
const ISOLATE_OPENERS = new Set(['\u2066', '\u2067', '\u2068']); // LRI RLI FSI
const POP_DIRECTIONAL_ISOLATE = '\u2069';
const FIRST_STRONG_ISOLATE = '\u2068';
/** Characters that end a bidi paragraph (class B): inside a sentence they would end the isolation too. */
// eslint-disable-next-line no-control-regex -- U+001C..U+001E are paragraph separators to bidi
const PARAGRAPH_SEPARATORS = /[\n\r\u001C-\u001E\u0085\u2029]/g;

/** The value with every directional control it opens closed at its end, and every stray closer dropped. */
export function balanceBidi(value: string): string {
  let out = '';
  const open: ('embedding' | 'isolate')[] = [];
  for (const char of value) {
    if (EMBEDDING_OPENERS.has(char)) open.push('embedding');
    else if (ISOLATE_OPENERS.has(char)) open.push('isolate');
    else if (char === POP_DIRECTIONAL_FORMATTING) {
      // Closes an embedding opened inside the current isolate only; anything else ignores it.
      if (open.at(-1) !== 'embedding') continue;
      open.pop();
    } else if (char === POP_DIRECTIONAL_ISOLATE) {
      // Closes the innermost open isolate and every embedding opened inside it.
      const isolate = open.lastIndexOf('isolate');
      if (isolate < 0) continue;
      open.length = isolate;
    }
    out += char;
  }
  for (const kind of open.reverse()) {
    out += kind === 'isolate' ? POP_DIRECTIONAL_ISOLATE : POP_DIRECTIONAL_FORMATTING;
  }
  return out;
}

/** Someone's text for a translated sentence or an attribute: isolated, on one line. */
export function isolated(value: string): string {
  const line = balanceBidi(value).replace(PARAGRAPH_SEPARATORS, ' ');
  return `${FIRST_STRONG_ISOLATE}${line}${POP_DIRECTIONAL_ISOLATE}`;
}

/** Someone's text rendered on its own: a `<bdi>`, so its direction is its own and stays inside. */
export function userText(value: string): TemplateResult {
  return html`<bdi class="user-text">${balanceBidi(value)}</bdi>`;
}

/** Stand in for the values while the sentence is built; private-use characters no message contains. */
const MARKS = ['\uE000', '\uE001', '\uE002'];

/**
 * A translated sentence around someone's text (up to three values, in the format's order of arguments),
 * each value in a `<bdi>`.
 */
export function sentence<Values extends [string] | [string, string] | [string, string, string]>(
  format: (...values: Values) => string,
  ...values: Values
): TemplateResult {
  const marked = format(...(MARKS.slice(0, values.length) as Values));
  const parts = marked.split(/([\uE000-\uE002])/);
  if (parts.length === 1) return html`${format(...(values.map(isolated) as Values))}`;
  return html`${parts.map((part, index) =>
    index % 2 === 0 ? part : userText(values[MARKS.indexOf(part)]),
  )}`;
}
