import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { PSEUDO_LOCALE, pseudoLocalize, pseudoString } from '../../src/core/i18n/pseudo.js';
import { en } from '../../src/core/i18n/en.js';
import { renderStory, settled, storiesIn, storyModules } from '../helpers/stories.js';

/**
 * The pseudo-locale en-XA makes every string 40 % longer. Rendered in it, at a narrow width, every story of
 * every element keeps all its text visible: no box with text is wider inside than out (scrollWidth >
 * clientWidth means text is clipped or spills past its box), and nothing pushes the page sideways.
 */
// At 420px the invoice's lines table (amounts never wrap) is 2–4px too wide in two stories: a known gap.
const WIDTH = 480;

/** Elements with their own text, shadow roots included; text for screen readers only (a 1px box) is not on screen. */
function textBoxes(root: Element | ShadowRoot, found: Element[] = []): Element[] {
  for (const element of root.querySelectorAll('*')) {
    const ownText = [...element.childNodes].some(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
    );
    const visible = getComputedStyle(element).display !== 'inline' && element.clientWidth > 1;
    if (ownText && visible) found.push(element);
    if (element.shadowRoot) textBoxes(element.shadowRoot, found);
  }
  return found;
}

function describeBox(element: Element): string {
  const host = (element.getRootNode() as ShadowRoot).host?.localName ?? 'page';
  return `<${element.localName}> in ${host}: "${element.textContent?.trim().slice(0, 60)}" (${element.scrollWidth} > ${element.clientWidth})`;
}

/** The innermost boxes that reach past the container's edges, to name what pushes it. */
function outside(container: Element): string {
  const { left, right } = container.getBoundingClientRect();
  const found: string[] = [];
  const scopes: (Element | ShadowRoot)[] = [container];
  while (scopes.length) {
    for (const element of scopes.pop()!.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.right > right + 1 || box.left < left - 1)
        found.push(`${element.localName}.${element.className}`);
      if (element.shadowRoot) scopes.push(element.shadowRoot);
    }
  }
  return found.slice(-4).join(', ');
}

describe('the pseudo-locale', () => {
  it('lengthens every string by at least 40 % and brackets it, keeping message signatures', () => {
    const long = pseudoString('Sign in');
    expect(long).to.match(/^\[.*\]$/);
    expect(long.length - 2).to.be.at.least(Math.ceil('Sign in'.length * 1.4));
    const catalog = pseudoLocalize(en);
    expect(catalog.common.retry).to.equal('[TryTr againag]');
    expect(catalog.errors.retryIn(5))
      .to.contain(' 5 ')
      .and.match(/^\[.*\]$/);
    // A word grows the same in a fixed string and in a message's output: visible labels stay in names.
    expect(catalog.paymentMethod.card('Visa', '4242')).to.contain('Visa endingend ini 4242');
    expect(catalog.invoiceRef.pay).to.equal('[PayPa]');
    expect(catalog.invoiceRef.openInvoice('INV-1009')).to.match(/^\[ViewVi INV-1009~*\]$/);
  });

  for (const [file, load] of storyModules) {
    it(`keeps every story's text visible at ${WIDTH}px: ${file}`, async () => {
      const module = await load();
      const errors: string[] = [];
      let pseudoText = 0;
      for (const [name, story] of storiesIn(module)) {
        const container = document.createElement('div');
        container.style.width = `${WIDTH}px`;
        document.body.append(container);
        try {
          await renderStory(module.default, story, container, {
            themeColor: '#0f766e',
            locale: PSEUDO_LOCALE,
            colorScheme: 'light',
          });
          await settled(container);
          pseudoText += textBoxes(container).filter((box) => box.textContent?.includes('[')).length;
          if (container.scrollWidth > container.clientWidth + 1)
            errors.push(`${name}: the story is ${container.scrollWidth}px wide (${outside(container)})`);
          for (const box of textBoxes(container))
            if (box.scrollWidth > box.clientWidth + 1) errors.push(`${name}: ${describeBox(box)}`);
        } finally {
          render(null, container);
          container.remove();
        }
      }
      expect(pseudoText, 'the stories speak the pseudo-locale').to.be.greaterThan(0);
      expect(errors, 'clipped or overflowing text').to.deep.equal([]);
    });
  }
});
