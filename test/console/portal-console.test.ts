import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PortalError } from '../../src/contract/errors.js';
import { ConsoleMemoryAdapter } from '../../src/console/adapters/console-memory-adapter.js';
import '../../src/console/elements/portal-console/define.js';
import type { PortalConsole } from '../../src/console/elements/portal-console/portal-console.js';
import { text } from '../helpers/dom.js';

// The merchant's view of the shell: sign in by label, move between sections by link, sign out.

const PASSWORD = 'northwind-console-demo';

async function mount(adapter: ConsoleMemoryAdapter): Promise<PortalConsole> {
  const el = await fixture<PortalConsole>(html`<portal-console .adapter=${adapter}></portal-console>`);
  await waitUntil(() => !el.shadowRoot!.querySelector('.loading'), 'the session is known', { timeout: 3000 });
  return el;
}

function signInForm(el: PortalConsole): HTMLElement {
  const form = el.querySelector<HTMLElement>('portal-console-sign-in');
  expect(form, 'the sign-in form in the light DOM').to.exist;
  return form!;
}

/** A light-DOM control by its label's text. */
function lightField(container: HTMLElement, label: string): HTMLInputElement {
  const found = [...container.querySelectorAll('label')].find((each) => text(each) === label);
  expect(found, `a field "${label}"`).to.exist;
  return container.querySelector<HTMLInputElement>(`#${CSS.escape(found!.htmlFor)}`)!;
}

async function type(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ type: value });
}

async function signIn(el: PortalConsole, email: string, password: string): Promise<void> {
  const form = signInForm(el);
  await type(lightField(form, 'Email'), email);
  await type(lightField(form, 'Password'), password);
  await sendKeys({ press: 'Enter' });
}

function nav(el: PortalConsole): HTMLAnchorElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')];
}

describe('<portal-console>', () => {
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('asks a signed-out merchant to sign in, in the light DOM, accessibly', async () => {
    const el = await mount(new ConsoleMemoryAdapter());
    const form = signInForm(el);
    await waitUntil(() => form.querySelector('h2'), 'the form renders');
    expect(text(form.querySelector('h2'))).to.equal('Sign in to the merchant console');
    expect(lightField(form, 'Password').autocomplete).to.equal('current-password');
    await expect(el).to.be.accessible();
  });

  it('shows problems at the fields before sending anything', async () => {
    const adapter = new ConsoleMemoryAdapter();
    const el = await mount(adapter);
    const form = signInForm(el);
    await waitUntil(() => form.querySelector('button'), 'the form renders');
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => form.querySelector('.error'), 'the errors show');
    const email = lightField(form, 'Email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(text(form.querySelector(`#${email.id}-error`))).to.equal('This field is required.');
    expect(await adapter.staffSession()).to.equal(null);
  });

  it('says when the password is wrong, when the account is locked and when attempts are rate limited', async () => {
    const el = await mount(new ConsoleMemoryAdapter());
    const form = signInForm(el);
    await signIn(el, 'owner@northwind.example', 'wrong-password');
    await waitUntil(() => form.querySelector('[role=alert]'), 'the refusal shows');
    expect(text(form.querySelector('[role=alert]'))).to.equal('The email or password is incorrect.');
    expect(document.activeElement?.closest('[role=alert]'), 'focus on the message').to.exist;

    await signIn(el, 'former@northwind.example', PASSWORD);
    await waitUntil(() => text(form.querySelector('[role=alert]')).includes('locked'), 'locked');
    expect(text(form.querySelector('[role=alert]'))).to.equal(
      'This staff account is locked. Ask the account owner to unlock it.',
    );

    for (let attempt = 0; attempt < 5; attempt += 1) {
      await signIn(el, 'owner@northwind.example', `wrong-${attempt}`);
      await waitUntil(() => !form.querySelector('[aria-busy=true]'), 'the attempt is answered');
    }
    await signIn(el, 'owner@northwind.example', PASSWORD);
    await waitUntil(() => text(form.querySelector('[role=alert]')).startsWith('Too many'), 'rate limited');
    expect(text(form.querySelector('[role=alert]'))).to.equal('Too many attempts. Try again in 15 minutes.');
  });

  it('signs in, shows the staff member and the sections, and keeps the section in the URL hash', async () => {
    const el = await mount(new ConsoleMemoryAdapter());
    await signIn(el, 'owner@northwind.example', PASSWORD);
    await waitUntil(() => el.shadowRoot!.querySelector('nav'), 'signed in');
    expect(el.querySelector('portal-console-sign-in'), 'the form and its password are gone').to.equal(null);
    expect(text(el.shadowRoot!.querySelector('.who span'))).to.equal('Signed in as Nora Northwind');
    expect(nav(el).map((link) => text(link))).to.include('Share');
    const share = nav(el).find((link) => text(link) === 'Share')!;
    share.click();
    await waitUntil(() => el.shadowRoot!.querySelector('portal-console-share'), 'Share opens');
    expect(location.hash).to.equal('#share');
    expect(share.getAttribute('aria-current')).to.equal('page');
    expect(text(el.shadowRoot!.querySelector('main h2'))).to.equal('Share');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'section-heading', 'focus on the heading');
    await expect(el).to.be.accessible();
  });

  it('opens the section the URL names when it loads, for a merchant already signed in', async () => {
    history.replaceState(null, '', '#share');
    const el = await mount(new ConsoleMemoryAdapter({ signedIn: true }));
    await waitUntil(() => el.shadowRoot!.querySelector('portal-console-share'), 'Share opens');
    expect(el.querySelector('portal-console-sign-in')).to.equal(null);
  });

  it('signs out back to the form, saying so', async () => {
    const adapter = new ConsoleMemoryAdapter({ signedIn: true });
    const el = await mount(adapter);
    await waitUntil(() => el.shadowRoot!.querySelector('.who button'), 'signed in');
    let fired = 0;
    el.addEventListener('portal-console-sign-out', () => (fired += 1));
    el.shadowRoot!.querySelector<HTMLButtonElement>('.who button')!.click();
    await waitUntil(() => el.querySelector('portal-console-sign-in'), 'the form is back');
    expect(await adapter.staffSession()).to.equal(null);
    expect(fired).to.equal(1);
    const form = signInForm(el);
    await waitUntil(() => form.querySelector('[role=status]'), 'the notice shows');
    expect(text(form.querySelector('[role=status]'))).to.equal(
      'You have signed out of the merchant console.',
    );
  });

  it('shows an error with a retry when the session cannot be checked', async () => {
    const adapter = new ConsoleMemoryAdapter({ signedIn: true });
    let fail = true;
    const real = adapter.staffSession.bind(adapter);
    adapter.staffSession = (input, options) =>
      fail ? Promise.reject(new PortalError('network', 'offline')) : real(input, options);
    const el = await fixture<PortalConsole>(html`<portal-console .adapter=${adapter}></portal-console>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'the error shows');
    expect(text(el.shadowRoot!.querySelector('[role=alert] p'))).to.contain('could not reach');
    fail = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('nav'), 'signed in after the retry');
  });
});
