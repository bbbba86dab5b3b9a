import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createDemoData } from '../../src/adapters/demo/demo-data.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { PortalError } from '../../src/contract/errors.js';
import '../../src/elements/portal-content/define.js';
import type { PortalContent } from '../../src/elements/portal-content/portal-content.js';
import { CONTENT_POLICY_NAME, contentSanitizer } from '../../src/elements/portal-content/sanitize.js';
import type { ContentPage } from '../../src/model/index.js';
import { HOSTILE_TEXT } from '../fixtures/hostile-text.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { deferred } from '../helpers/deferred.js';
import { button, root, text } from '../helpers/dom.js';

// This page enforces Trusted Types as the demo storefront does: only Lit's policy and the content policy.
const csp = document.createElement('meta');
csp.httpEquiv = 'Content-Security-Policy';
// Inline handlers and style attributes are refused, as on the storefront (which refuses them through
// script-src and style-src): parsing the hostile pages must not make the page report them.
csp.content =
  `require-trusted-types-for 'script'; trusted-types lit-html ${CONTENT_POLICY_NAME}; ` +
  "script-src-attr 'none'; style-src-attr 'none'";
document.head.append(csp);

/** Every CSP or Trusted Types violation the page reports, from here on. */
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) =>
  violations.push(`${event.violatedDirective}: ${event.sample}`),
);

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

function withPages(pages: ContentPage[]): MemoryAdapter {
  const data = createDemoData();
  data.pages = pages;
  return new MemoryAdapter({ data });
}

function page(slug: string, title: string, body: string, kind: ContentPage['kind'] = 'custom'): ContentPage {
  return { id: `page_${slug}`, slug, kind, title, html: body };
}

async function settled(el: PortalContent): Promise<void> {
  await waitUntil(() => !root(el).querySelector('.loading'), 'the content finishes loading', {
    timeout: 3000,
  });
  await el.updateComplete;
}

function body(el: PortalContent): HTMLElement {
  const found = root(el).querySelector<HTMLElement>('[part="body"]');
  expect(found, 'the page body').to.exist;
  return found!;
}

/** Nothing in `container` can run, load, submit or style. */
function expectInert(container: ParentNode, what: string): void {
  const forbidden = container.querySelectorAll(
    'script, iframe, frame, object, embed, img, svg, math, style, link, meta, base, form, input, button, template, noscript',
  );
  expect(forbidden.length, `${what}: no element that runs, loads, submits or styles`).to.equal(0);
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name, `${what}: no handler attribute`).not.to.match(/^on/i);
      expect(
        ['style', 'class', 'id', 'srcdoc', 'src', 'action'],
        `${what}: no ${attribute.name}`,
      ).not.to.include(attribute.name);
    }
    const href = element.getAttribute('href');
    if (href !== null) expect(href, `${what}: a link's target`).to.match(/^(https?:|mailto:|tel:|\/(?!\/))/i);
  }
}

describe('<portal-content>', () => {
  beforeEach(() => {
    delete window.__pwned;
  });

  it('this page enforces Trusted Types (so the tests below run under it)', () => {
    expect(() => {
      document.createElement('div').innerHTML = '<b>tt-sanity-check</b>';
    }).to.throw(TypeError);
  });

  it('lists the merchant’s pages by kind, without their bodies, and opens one with focus on its title', async () => {
    const { adapter, calls } = countingAdapter(new MemoryAdapter());
    const el = await fixture<PortalContent>(html`<portal-content .adapter=${adapter}></portal-content>`);
    await settled(el);
    const headings = [...root(el).querySelectorAll('h2')].map(text);
    expect(headings).to.deep.equal(['Policies', 'Contact', 'More information']);
    expect(calls.getPage ?? 0, 'no page body is read for the list').to.equal(0);
    const opened = oneEvent(el, 'portal-content-open');
    button(el, 'Refund policy').click();
    expect((await opened).detail).to.deep.equal({ slug: 'refund-policy' });
    await settled(el);
    await waitUntil(
      () => root(el).activeElement?.classList.contains('page-title'),
      'focus on the page title',
    );
    expect(text(root(el).querySelector('h3'))).to.equal('Refund policy');
    expect(el.getAttribute('slug')).to.equal('refund-policy');
    expect(text(body(el))).to.contain('Unopened bags can be returned within 30 days');
    expect(body(el).querySelector('strong'), 'formatting is kept').to.exist;
    expect(body(el).querySelector('ol li'), 'lists are kept').to.exist;
  });

  it('goes back to the list with the keyboard, focus returning to the page it came from', async () => {
    const el = await fixture<PortalContent>(
      html`<portal-content .adapter=${new MemoryAdapter()}></portal-content>`,
    );
    await settled(el);
    button(el, 'Contact us').focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    await waitUntil(() => root(el).querySelector('.page-title'), 'the page opens');
    button(el, 'All pages').focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    await waitUntil(() => text(root(el).activeElement) === 'Contact us', 'focus back on the page’s entry');
    expect(el.slug).to.equal('');
  });

  it('opens a page by its slug alone, without reading the list or offering a way back', async () => {
    const { adapter, calls } = countingAdapter(new MemoryAdapter());
    const el = await fixture<PortalContent>(
      html`<portal-content slug="contact" .adapter=${adapter}></portal-content>`,
    );
    await settled(el);
    expect(text(root(el).querySelector('h3'))).to.equal('Contact us');
    expect(calls.listPages ?? 0).to.equal(0);
    expect(root(el).querySelector('.back')).to.equal(null);
    const links = [...body(el).querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'mailto:support@northwind.example',
      'tel:+15035550134',
    ]);
    for (const link of links) {
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(link.hasAttribute('target'), 'links open in the same tab').to.equal(false);
    }
    expect(body(el).querySelector('address')).to.exist;
  });

  it('shows a skeleton while loading, then says when a page does not exist', async () => {
    const gate = deferred<void>();
    const inner = new MemoryAdapter();
    const { adapter } = countingAdapter(inner, {
      getPage: async (input: never) => {
        await gate.promise;
        return inner.getPage(input);
      },
    });
    const el = await fixture<PortalContent>(
      html`<portal-content slug="no-such-page" .adapter=${adapter}></portal-content>`,
    );
    expect(root(el).querySelector('[part="loading"][role="status"]'), 'a skeleton').to.exist;
    gate.resolve();
    await settled(el);
    expect(text(root(el).querySelector('[part="empty"]'))).to.equal(
      'This page does not exist, or the store has removed it.',
    );
  });

  it('says when the merchant has no pages, and offers a retry when the list fails', async () => {
    const empty = await fixture<PortalContent>(
      html`<portal-content .adapter=${withPages([])}></portal-content>`,
    );
    await settled(empty);
    expect(text(root(empty).querySelector('[part="empty"]'))).to.equal('There is nothing to read here yet.');

    let fail = true;
    const inner = new MemoryAdapter();
    const { adapter } = countingAdapter(inner, {
      listPages: () => (fail ? Promise.reject(new PortalError('unavailable', 'down')) : inner.listPages()),
    });
    const el = await fixture<PortalContent>(html`<portal-content .adapter=${adapter}></portal-content>`);
    await settled(el);
    expect(root(el).querySelector('[role="alert"]')).to.exist;
    fail = false;
    button(el, 'Try again').click();
    await waitUntil(() => root(el).querySelector('h2'), 'the list after a retry');
    await settled(el);
    expect(text(root(el).querySelector('h2'))).to.equal('Policies');
  });

  it('shows the demo page that carries a script, a handler, a frame and a style: its text, none of the rest', async () => {
    const el = await fixture<PortalContent>(
      html`<portal-content slug="roasting-notes" .adapter=${new MemoryAdapter()}></portal-content>`,
    );
    await settled(el);
    const content = body(el);
    expect(text(content)).to.contain('Ethiopia Guji');
    expect(text(content)).to.contain('Brew it at 94 °C');
    expect(text(content)).to.contain('Best within a month of roasting.');
    expectInert(content, 'roasting notes');
    content.querySelector('p')?.click();
    for (const paragraph of content.querySelectorAll('p')) paragraph.click();
    expect(window.__pwned, 'nothing ran').to.equal(undefined);
    expect(getComputedStyle(content.querySelectorAll('p')[2]).position).to.equal('static');
  });

  it(`runs the shared hostile corpus (${HOSTILE_TEXT.length} payloads) through the content policy: nothing runs, loads or styles`, async () => {
    const sanitizer = contentSanitizer();
    expect(sanitizer, 'the policy is allowed by this page’s CSP').to.not.equal(null);
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    try {
      for (const { name, text: payload } of HOSTILE_TEXT) {
        const box = document.createElement('div');
        shadow.append(box);
        box.innerHTML = sanitizer!.sanitize(payload) as string;
        expectInert(box, name);
        if (name === 'plain markup') expect(text(box)).to.equal('bold italic underlined');
        if (name === 'anchor javascript href') expect(text(box)).to.equal('Refund');
        for (const element of box.querySelectorAll<HTMLElement>('*')) element.click();
      }
      // Anything that could still run (an error event, a frame's load) has had its turn.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(window.__pwned, 'no payload ran').to.equal(undefined);
    } finally {
      host.remove();
    }
  });

  it('renders every hostile payload in one page of the element, inside its box, with no violation logged', async () => {
    const corpus = HOSTILE_TEXT.map(({ name, text: payload }) => `<p>${name}</p>${payload}`).join('');
    const el = await fixture<PortalContent>(
      html`<portal-content
        slug="hostile"
        .adapter=${withPages([page('hostile', 'Hostile', corpus.slice(0, 200_000))])}
      ></portal-content>`,
    );
    await settled(el);
    const content = body(el);
    expectInert(content, 'the corpus page');
    expect(text(content)).to.contain('plain markup');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(window.__pwned, 'no payload ran').to.equal(undefined);
    expect(document.body.style.display, 'no style escaped to the page').to.equal('');
    expect(
      violations.filter((each) => !each.includes('tt-sanity-check')),
      'no CSP or Trusted Types violation',
    ).to.deep.equal([]);
  });

  it('is accessible in its list and page states', async () => {
    const list = await fixture<PortalContent>(
      html`<portal-content .adapter=${new MemoryAdapter()}></portal-content>`,
    );
    await settled(list);
    await expect(list).to.be.accessible();
    const one = await fixture<PortalContent>(
      html`<portal-content slug="shipping-policy" .adapter=${new MemoryAdapter()}></portal-content>`,
    );
    await settled(one);
    expect(body(one).querySelector('table caption'), 'tables keep their caption').to.exist;
    await expect(one).to.be.accessible();
  });
});
