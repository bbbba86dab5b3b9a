import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { DEMO_PASSWORD } from '../../src/adapters/demo/demo-data.js';
import { storeForAdapter, storeForApi } from '../../src/core/connect.js';
import { PortalError } from '../../src/contract/errors.js';
import '../../src/define.js';
import type { PortalRoot } from '../../src/elements/portal-root/portal-root.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { deferred } from '../helpers/deferred.js';

function shadow(el: PortalRoot): ShadowRoot {
  return el.shadowRoot!;
}

async function loaded(el: PortalRoot): Promise<void> {
  await waitUntil(() => !shadow(el).querySelector('.loading'), 'the root finishes loading', {
    timeout: 3000,
  });
  await el.updateComplete;
}

function inputLabelled(root: ParentNode, text: RegExp): HTMLInputElement {
  const label = [...root.querySelectorAll('label')].find((each) => text.test(each.textContent ?? ''));
  if (!label) throw new Error(`no label matching ${String(text)}`);
  return root.querySelector<HTMLInputElement>(`#${CSS.escape(label.htmlFor)}`)!;
}

async function signedInAdapter(): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter();
  await adapter.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
  return adapter;
}

describe('<portal-root>', () => {
  it('shows the merchant’s sign-in form, in the page’s light DOM, when nobody is signed in', async () => {
    const el = await fixture<PortalRoot>(html`<portal-root .adapter=${new MemoryAdapter()}></portal-root>`);
    await loaded(el);
    await expect(el).to.be.accessible();
    expect(shadow(el).textContent).to.contain('Northwind Coffee Roasters');
    const login = el.querySelector(':scope > portal-login');
    expect(login, 'a portal-login child in light DOM').to.exist;
    expect(login!.getAttribute('slot')).to.equal('login');
    await waitUntil(() => login!.querySelector('input[autocomplete="current-password"]'));
  });

  it('signs Ada in through the form, shows her account, and moves focus to it', async () => {
    const el = await fixture<PortalRoot>(html`<portal-root .adapter=${new MemoryAdapter()}></portal-root>`);
    await loaded(el);
    const login = el.querySelector('portal-login')!;
    await waitUntil(() => login.querySelector('form'));
    inputLabelled(login, /^Email/).value = 'ada@example.com';
    inputLabelled(login, /^Password/).value = DEMO_PASSWORD;
    const signedIn = oneEvent(el, 'portal-sign-in');
    login.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const event = await signedIn;
    expect(event.detail.session.customerName).to.equal('Ada Lovelace');
    await waitUntil(() => shadow(el).textContent?.includes('Signed in as Ada Lovelace'), 'shell shown');
    await waitUntil(() => shadow(el).activeElement?.tagName === 'H2', 'focus on the section heading');
    expect(el.querySelector('portal-login'), 'the sign-in form is gone').to.equal(null);
    await waitUntil(() => shadow(el).textContent?.includes('CUST-0001'));
    await expect(el).to.be.accessible();
  });

  it('keeps a sign-in element the merchant placed, and removes only the one it made', async () => {
    const el = await fixture<PortalRoot>(
      html`<portal-root .adapter=${new MemoryAdapter()}
        ><portal-login slot="login" email="ada@example.com"></portal-login
      ></portal-root>`,
    );
    await loaded(el);
    const theirs = el.querySelector('portal-login')!;
    expect(el.querySelectorAll('portal-login').length, 'no second form').to.equal(1);
    await el.store!.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
    await waitUntil(() => shadow(el).textContent?.includes('Signed in as Ada Lovelace'));
    expect(theirs.isConnected, 'the merchant’s element stays').to.equal(true);
    await el.store!.signOut();
    await el.updateComplete;
    expect(el.querySelectorAll('portal-login').length).to.equal(1);
  });

  it('restores a session without stealing focus from the page, and signs out', async () => {
    const adapter = await signedInAdapter();
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    const el = await fixture<PortalRoot>(html`<portal-root .adapter=${adapter}></portal-root>`);
    await loaded(el);
    expect(shadow(el).textContent).to.contain('Signed in as Ada Lovelace');
    expect(document.activeElement).to.equal(button);
    button.remove();
    const signedOut = oneEvent(el, 'portal-sign-out');
    [...shadow(el).querySelectorAll('button')]
      .find((each) => each.textContent?.includes('Sign out'))!
      .click();
    expect((await signedOut).detail.customerId).to.equal('cus_ada');
    await waitUntil(() => el.querySelector('portal-login'), 'the form is back');
    expect(await adapter.getSession()).to.equal(null);
  });

  it('applies theme-color as tokens, with readable text on it', async () => {
    const el = await fixture<PortalRoot>(
      html`<portal-root theme-color="#0f766e" .adapter=${new MemoryAdapter()}></portal-root>`,
    );
    await loaded(el);
    expect(el.style.getPropertyValue('--portal-color-primary')).to.equal('#0f766e');
    expect(el.style.getPropertyValue('--portal-color-on-primary')).to.equal('#ffffff');
  });

  it('falls back to the backend’s branding, and reports a bad theme-color to the developer', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      const el = await fixture<PortalRoot>(
        html`<portal-root
          theme-color="url(javascript:alert(1))"
          .adapter=${new MemoryAdapter()}
        ></portal-root>`,
      );
      await loaded(el);
      expect(errors.join()).to.contain('theme-color');
      expect(el.style.getPropertyValue('--portal-color-primary')).to.equal('');
      el.removeAttribute('theme-color');
      await el.updateComplete;
      expect(el.style.getPropertyValue('--portal-color-primary'), 'the backend’s #0f766e').to.equal(
        '#0f766e',
      );
    } finally {
      console.error = original;
    }
  });

  it('shows a safe logo and refuses an unsafe one', async () => {
    const el = await fixture<PortalRoot>(
      html`<portal-root logo="/northwind-logo.png" .adapter=${new MemoryAdapter()}></portal-root>`,
    );
    await loaded(el);
    expect(shadow(el).querySelector('img[part="logo"]')!.getAttribute('src')).to.equal(
      new URL('/northwind-logo.png', location.href).href,
    );
    const original = console.error;
    console.error = () => undefined;
    try {
      el.logo = 'javascript:alert(1)';
      await el.updateComplete;
      expect(shadow(el).querySelector('img[part="logo"]')).to.equal(null);
    } finally {
      console.error = original;
    }
  });

  it('speaks the locale attribute, then the page’s lang', async () => {
    const adapter = await signedInAdapter();
    const el = await fixture<PortalRoot>(html`<portal-root locale="fr" .adapter=${adapter}></portal-root>`);
    await loaded(el);
    expect(shadow(el).textContent).to.contain('Se déconnecter');
    el.removeAttribute('locale');
    document.documentElement.lang = 'es';
    try {
      await waitUntil(() => shadow(el).textContent?.includes('Cerrar sesión'), 'follows the page lang');
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('speaks French and writes euros the French way for Analytical Engines Ltd', async () => {
    const adapter = new MemoryAdapter();
    await adapter.requestMagicLink({ email: 'grace@example.net' });
    const token = /portal-magic-token=([\w-]+)/.exec(adapter.outbox.at(-1)!.text)![1];
    await adapter.verifyMagicLink({ token });
    const el = await fixture<PortalRoot>(html`<portal-root locale="fr" .adapter=${adapter}></portal-root>`);
    await loaded(el);
    const summary = shadow(el).querySelector('portal-summary')!;
    const expected = new Intl.NumberFormat('fr', { style: 'currency', currency: 'EUR' }).format(972);
    await waitUntil(
      () => summary.shadowRoot?.textContent?.includes(expected),
      `the balance reads ${expected}`,
    );
    expect(expected).to.match(/^972,00\s€$/);
    expect(shadow(el).textContent).to.contain('Aperçu');
    expect(summary.shadowRoot!.textContent).to.contain('Solde');
  });

  it('shows a skeleton while loading and a retryable error when the backend is down', async () => {
    const settings = deferred<never>();
    let failNext = true;
    const memory = new MemoryAdapter();
    const { adapter } = countingAdapter(memory, {
      getSettings: () => (failNext ? settings.promise : memory.getSettings()),
    });
    const el = await fixture<PortalRoot>(html`<portal-root .adapter=${adapter}></portal-root>`);
    const loading = shadow(el).querySelector('[role="status"]');
    expect(loading, 'a loading status').to.exist;
    expect(loading!.textContent).to.contain('Loading');
    await expect(el).to.be.accessible();
    settings.reject(new PortalError('unavailable', 'down'));
    await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'error shown');
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('unavailable');
    failNext = false;
    shadow(el).querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await loaded(el);
    await waitUntil(() => el.querySelector('portal-login'), 'recovered to the sign-in form');
  });

  it('tells the customer it is not set up, and the developer exactly what is missing', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      const el = await fixture<PortalRoot>(html`<portal-root></portal-root>`);
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('not set up correctly');
      expect(errors.join()).to.match(/api.*adapter/);
    } finally {
      console.error = original;
    }
  });

  it('shares one store between widgets that point at the same backend', () => {
    const adapter = new MemoryAdapter();
    expect(storeForAdapter(adapter)).to.equal(storeForAdapter(adapter));
    expect(storeForApi('/portal-api')).to.equal(storeForApi(new URL('/portal-api/', location.href).href));
    expect(storeForApi('/portal-api', 'token-a')).not.to.equal(storeForApi('/portal-api'));
  });
});
