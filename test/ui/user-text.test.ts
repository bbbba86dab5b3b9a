import { expect } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import { elementStyles } from '../../src/ui/styles.js';
import { balanceBidi, isolated, sentence, userText } from '../../src/ui/user-text.js';
import { HOSTILE_TEXT } from '../fixtures/hostile-text.js';

const RLO = '\u202E';
const PDF = '\u202C';
const LRI = '\u2066';
const FSI = '\u2068';
const PDI = '\u2069';

/** Renders into a shadow root styled like an element's, `width` pixels wide, in the page. */
function mount(template: TemplateResult, width = 320): ShadowRoot {
  const host = document.createElement('div');
  host.style.width = `${width}px`;
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = elementStyles.map((each) => each.styleSheet!);
  render(template, root);
  return root;
}

function rectOf(root: ShadowRoot, selector: string): DOMRect {
  return root.querySelector(selector)!.getBoundingClientRect();
}

afterEach(() => {
  for (const host of document.body.querySelectorAll(':scope > div')) host.remove();
});

describe('user text: bidi isolation', () => {
  it('closes what the value opens and drops closers it never opened', () => {
    expect(balanceBidi('plain')).to.equal('plain');
    expect(balanceBidi(`a${RLO}b`)).to.equal(`a${RLO}b${PDF}`);
    expect(balanceBidi(`a${RLO}b${PDF}c`)).to.equal(`a${RLO}b${PDF}c`);
    expect(balanceBidi(`${PDI}${PDF}x`)).to.equal('x');
    expect(balanceBidi(`${LRI}${RLO}x`)).to.equal(`${LRI}${RLO}x${PDF}${PDI}`);
    // A PDI closes its isolate and the embeddings inside it; a PDF cannot reach out of an isolate.
    expect(balanceBidi(`${RLO}${LRI}a${PDF}${PDI}b`)).to.equal(`${RLO}${LRI}a${PDI}b${PDF}`);
  });

  it('isolates text meant for a sentence on one line', () => {
    expect(isolated(`Ada${RLO}\nLovelace`)).to.equal(`${FSI}Ada${RLO} Lovelace${PDF}${PDI}`);
  });

  it('builds the sentence around a <bdi>, its text exactly the translated sentence', () => {
    const root = mount(html`<p>${sentence((name) => `Signed in as ${name}, welcome`, 'Ada')}</p>`);
    expect(root.querySelector('p')!.textContent.replace(/\s+/g, ' ').trim()).to.equal(
      'Signed in as Ada, welcome',
    );
    expect(root.querySelector('p bdi')!.textContent).to.equal('Ada');
  });

  it('isolates each of several values in their own <bdi>, in the message’s order', () => {
    // Arabic puts the account before the value: each value lands in its place, whatever the order.
    const root = mount(
      html`<p>${sentence((value, account) => `إزالة ${value} من ${account}؟`, `a${RLO}b`, 'CUST-1')}</p>`,
    );
    expect(root.querySelector('p')!.textContent).to.equal(`إزالة a${RLO}b${PDF} من CUST-1؟`);
    expect([...root.querySelectorAll('p bdi')].map((bdi) => bdi.textContent)).to.deep.equal([
      `a${RLO}b${PDF}`,
      'CUST-1',
    ]);
    const swapped = mount(html`<p>${sentence((a, b) => `${b} then ${a}`, 'first', 'second')}</p>`);
    expect(swapped.querySelector('p')!.textContent).to.equal('second then first');
  });

  it('keeps the words after a right-to-left override where they belong', () => {
    const attack = `${RLO}devorppa`;
    // Control: the same text unprotected is reordered, so the check below can tell.
    const bare = mount(
      html`<p>Refund <span id="name">${attack}</span> for <span id="after">$1000.00</span></p>`,
    );
    expect(rectOf(bare, '#after').left).to.be.below(rectOf(bare, '#name').left);

    const safe = mount(
      html`<p>Refund <span id="name">${userText(attack)}</span> for <span id="after">$1000.00</span></p>`,
    );
    expect(rectOf(safe, '#after').left).to.be.at.least(rectOf(safe, '#name').right);

    const inSentence = mount(
      html`<p id="p">${sentence((name) => `Refund ${name} for $1000.00`, attack)}<span id="end">.</span></p>`,
    );
    expect(rectOf(inSentence, '#end').left).to.be.at.least(rectOf(inSentence, 'bdi').right);
  });

  it('wraps an unbroken 200-character string instead of widening its box', () => {
    const root = mount(
      html`<p id="p">${sentence((name) => `Signed in as ${name}`, 'A'.repeat(200))}</p>
        <table>
          <tbody>
            <tr>
              <th scope="row">${userText('9'.repeat(200))}</th>
              <td class="num">€10.00</td>
            </tr>
          </tbody>
        </table>`,
      320,
    );
    const host = root.host as HTMLElement;
    expect(host.scrollWidth).to.be.at.most(host.clientWidth);
    expect(rectOf(root, 'table').width).to.be.at.most(320);
  });

  it('renders every hostile payload as text, in a box no wider than its container', () => {
    const root = mount(html`${HOSTILE_TEXT.map(({ text }) => html`<p>${userText(text)}</p>`)}`, 320);
    const shown = [...root.querySelectorAll('bdi')];
    expect(shown.length).to.equal(HOSTILE_TEXT.length);
    expect(root.querySelectorAll('script, img, svg, iframe, style, a, object, embed').length).to.equal(0);
    const host = root.host as HTMLElement;
    expect(host.scrollWidth).to.be.at.most(host.clientWidth);
  });
});
