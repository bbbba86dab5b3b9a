import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { storeForAdapter } from '../../src/core/connect.js';
import { PortalError } from '../../src/contract/errors.js';
import type { PortalEvent } from '../../src/core/events.js';
import { en, fr } from '../helpers/messages.js';
import '../../src/elements/portal-login/define.js';
import type { PortalLogin } from '../../src/elements/portal-login/portal-login.js';
import type { PortalSettings, Session } from '../../src/model/index.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { FakeCardFields } from '../../stories/support/fake-card-fields.js';
import { deferred } from '../helpers/deferred.js';

const MERCHANT = 'Northwind Coffee Roasters';
const ADA = { email: 'ada@example.com', password: 'correct-horse-battery-staple' };

// Finding things the way a customer does: by label text, button text and headings.

function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The control whose visible label reads `label` (an optional field's "(optional)" may follow). */
function field(root: ParentNode, label: string): HTMLInputElement {
  const matches = [...root.querySelectorAll('label')].filter(
    (each) => text(each) === label || text(each).startsWith(`${label} (`),
  );
  expect(matches.length, `exactly one field labelled "${label}"`).to.equal(1);
  const control = matches[0].control;
  expect(control, `a control for "${label}"`).to.exist;
  return control as HTMLInputElement;
}

function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].filter((each) => text(each) === name);
  expect(found.length, `exactly one button "${name}"`).to.equal(1);
  return found[0];
}

function hasButton(root: ParentNode, name: string): boolean {
  return [...root.querySelectorAll('button')].some((each) => text(each) === name);
}

function heading(el: PortalLogin): string {
  return text(el.querySelector('h2'));
}

function alertText(el: PortalLogin): string {
  return text(el.querySelector('[role="alert"]'));
}

function type(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The error text tied to a field through aria-describedby. */
function describedError(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids
    .map((id) => document.getElementById(id))
    .filter((node) => node?.classList.contains('error'))
    .map(text)
    .join(' ');
}

async function mount(adapter: PortalAdapter, extra: { locale?: string } = {}): Promise<PortalLogin> {
  const el = await fixture<PortalLogin>(
    html`<portal-login .adapter=${adapter} locale=${extra.locale ?? 'en'}></portal-login>`,
  );
  await waitUntil(() => el.querySelector('h2'), 'the sign-in view did not render');
  return el;
}

/** Waits for the view with this heading. */
async function viewTitled(el: PortalLogin, title: string): Promise<void> {
  await waitUntil(() => heading(el) === title, `expected the view "${title}", saw "${heading(el)}"`);
}

/** Submits with the given button and waits for the request to fail. */
async function failedSubmit(el: PortalLogin, name: string): Promise<PortalError> {
  const failed = oneEvent<PortalEvent<'portal-error'>>(el, 'portal-error');
  button(el, name).click();
  const event = await failed;
  await el.updateComplete;
  return event.detail.error;
}

async function signedInBy(el: PortalLogin, submit: () => void): Promise<Session> {
  const signedIn = oneEvent<PortalEvent<'portal-sign-in'>>(el, 'portal-sign-in');
  submit();
  const event = await signedIn;
  expect(event.bubbles && event.composed, 'portal-sign-in bubbles out of shadow roots').to.be.true;
  await el.updateComplete;
  return event.detail.session;
}

function fillSignIn(el: PortalLogin, email: string, password: string): void {
  type(field(el, en.fields.email), email);
  type(field(el, en.fields.password), password);
}

function tokenFrom(adapter: MemoryAdapter, to: string, param: string): string {
  const message = [...adapter.outbox].reverse().find((each) => each.to === to);
  expect(message, `an email to ${to}`).to.exist;
  const link = /https?:\/\/\S+/.exec(message!.text)?.[0] ?? '';
  const token = new URL(link).searchParams.get(param);
  expect(token, `a ${param} in the emailed link`).to.be.a('string');
  return token!;
}

function openLink(param: string, token: string): void {
  const url = new URL(location.href);
  url.searchParams.set('from', 'email');
  url.searchParams.set(param, token);
  history.replaceState(null, '', url);
}

async function settingsOf(adapter: MemoryAdapter): Promise<PortalSettings> {
  return structuredClone(await adapter.getSettings());
}

describe('<portal-login>', () => {
  let pageUrl: string;
  beforeEach(() => {
    pageUrl = location.href;
  });
  afterEach(() => {
    history.replaceState(null, '', pageUrl);
  });

  describe('accessibility of each view', () => {
    it('sign-in', async () => {
      const el = await mount(new MemoryAdapter());
      await expect(el).to.be.accessible();
      expect(heading(el)).to.equal(`Sign in to ${MERCHANT}`);
    });

    it('sign-in with every field in error', async () => {
      const el = await mount(new MemoryAdapter());
      button(el, en.login.signIn).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('magic-link-sent', async () => {
      const el = await mount(new MemoryAdapter());
      type(field(el, en.fields.email), 'grace@example.net');
      button(el, en.login.emailLink).click();
      await viewTitled(el, en.login.checkEmailHeading);
      await expect(el).to.be.accessible();
    });

    it('magic-link-confirm, and the expired link', async () => {
      const el = await mount(new MemoryAdapter());
      el.magicToken = 'a-token-that-was-never-issued';
      await el.updateComplete;
      expect(heading(el)).to.equal(`Sign in to ${MERCHANT}`);
      await expect(el).to.be.accessible();
      await failedSubmit(el, en.common.continue);
      expect(heading(el)).to.equal(en.login.linkExpiredHeading);
      await expect(el).to.be.accessible();
    });

    it('forgot-password', async () => {
      const el = await mount(new MemoryAdapter());
      button(el, en.login.forgotPassword).click();
      await el.updateComplete;
      expect(heading(el)).to.equal(en.login.forgotHeading);
      await expect(el).to.be.accessible();
    });

    it('reset-password', async () => {
      const el = await mount(new MemoryAdapter());
      el.resetToken = 'a-reset-token-of-the-right-shape';
      await el.updateComplete;
      expect(heading(el)).to.equal(en.login.resetHeading);
      await expect(el).to.be.accessible();
    });

    it('change-temporary-password', async () => {
      const adapter = new MemoryAdapter();
      const el = await mount(adapter);
      fillSignIn(el, 'new@example.com', 'temp-password-123');
      button(el, en.login.signIn).click();
      await viewTitled(el, en.login.changeHeading);
      await expect(el).to.be.accessible();
    });

    it('sign-up with the required billing address', async () => {
      const el = await mount(new MemoryAdapter());
      button(el, en.login.createAccount).click();
      await el.updateComplete;
      expect(heading(el)).to.equal(en.login.signUpHeading(MERCHANT));
      await expect(el).to.be.accessible();
    });

    it('loading and settings error', async () => {
      const never = countingAdapter(new MemoryAdapter(), { getSettings: () => new Promise(() => undefined) });
      const loading = await fixture<PortalLogin>(
        html`<portal-login .adapter=${never.adapter}></portal-login>`,
      );
      expect(loading.querySelector('[part="loading"]'), 'skeleton').to.exist;
      await expect(loading).to.be.accessible();

      const failing = countingAdapter(new MemoryAdapter(), {
        getSettings: () => Promise.reject(new PortalError('unavailable', 'down')),
      });
      const failed = await fixture<PortalLogin>(
        html`<portal-login .adapter=${failing.adapter}></portal-login>`,
      );
      await waitUntil(() => failed.querySelector('[role="alert"]'), 'settings error shown');
      await expect(failed).to.be.accessible();
    });
  });

  it('renders its form in the light DOM with autocomplete tokens password managers understand', async () => {
    const el = await mount(new MemoryAdapter());
    expect(el.shadowRoot, 'no shadow root').to.equal(null);
    const email = field(el, en.fields.email);
    const password = field(el, en.fields.password);
    expect(email.getRootNode(), 'inputs are in the document, not a shadow root').to.equal(document);
    expect(email.closest('form')).to.exist;
    expect(email.type).to.equal('email');
    expect(email.autocomplete).to.equal('username');
    expect(password.type).to.equal('password');
    expect(password.autocomplete).to.equal('current-password');

    button(el, en.login.createAccount).click();
    await el.updateComplete;
    expect(field(el, en.fields.name).autocomplete).to.equal('name');
    expect(field(el, en.fields.company).autocomplete).to.equal('organization');
    expect(field(el, en.fields.phone).autocomplete).to.equal('tel');
    expect(field(el, en.fields.password).autocomplete).to.equal('new-password');
    expect(field(el, en.fields.line1).autocomplete).to.equal('billing address-line1');
    expect(field(el, en.fields.postalCode).autocomplete).to.equal('billing postal-code');
    const country = field(el, en.fields.country) as unknown as HTMLSelectElement;
    expect(country.autocomplete).to.equal('billing country');
    expect([...country.options].find((option) => option.value === 'FR')?.text).to.equal('France');
  });

  it('signs Ada in with her password and reports her session', async () => {
    const adapter = new MemoryAdapter();
    const el = await mount(adapter);
    fillSignIn(el, ADA.email, ADA.password);
    const session = await signedInBy(el, () => button(el, en.login.signIn).click());
    expect(session.customerName).to.equal('Ada Lovelace');
    expect(session.email).to.equal(ADA.email);
    expect(session.method).to.equal('password');
    const store = storeForAdapter(adapter).session;
    expect(store.status === 'signed_in' && store.session.customerId).to.equal(session.customerId);
    expect(text(el)).to.include(en.login.signedIn('Ada Lovelace'));
    expect(el.querySelector('input[type="password"]'), 'no password field left on screen').to.equal(null);
  });

  it('says the same thing for a wrong password and an unknown address, and keeps what was typed', async () => {
    const el = await mount(new MemoryAdapter());
    fillSignIn(el, ADA.email, 'not-her-password');
    const wrongPassword = await failedSubmit(el, en.login.signIn);
    expect(wrongPassword.code).to.equal('unauthorized');
    const shown = alertText(el);
    expect(shown).to.equal(en.login.invalidCredentials);
    expect(shown).not.to.include(en.errors.unauthorized);
    expect(field(el, en.fields.email).value).to.equal(ADA.email);
    expect(field(el, en.fields.password).value).to.equal('not-her-password');

    fillSignIn(el, 'nobody@example.com', 'whatever-password');
    await failedSubmit(el, en.login.signIn);
    expect(alertText(el)).to.equal(shown);
    expect(field(el, en.fields.email).value).to.equal('nobody@example.com');
  });

  it('tells a locked account that it is locked', async () => {
    const el = await mount(new MemoryAdapter());
    fillSignIn(el, 'locked@example.com', ADA.password);
    const error = await failedSubmit(el, en.login.signIn);
    expect(error.code).to.equal('account_locked');
    expect(alertText(el)).to.equal(en.errors.account_locked);
  });

  it('makes new@example.com replace the temporary password, then signs in; the old one stops working', async () => {
    const adapter = new MemoryAdapter();
    const el = await mount(adapter);
    fillSignIn(el, 'new@example.com', 'temp-password-123');
    button(el, en.login.signIn).click();
    await viewTitled(el, en.login.changeHeading);
    expect(text(el)).to.include(en.login.changeIntro);
    expect(document.activeElement).to.equal(el.querySelector('h2'));
    expect(storeForAdapter(adapter).session.status, 'no session before the change').not.to.equal('signed_in');

    // The username goes with the new password, so a password manager saves the right pair.
    const username = field(el, en.fields.email);
    expect(username.readOnly).to.be.true;
    expect(username.value).to.equal('new@example.com');
    expect(username.autocomplete).to.equal('username');
    const newPassword = field(el, en.fields.newPassword);
    const confirm = field(el, en.fields.confirmPassword);
    expect(newPassword.autocomplete).to.equal('new-password');
    expect(confirm.autocomplete).to.equal('new-password');

    type(newPassword, 'a-brand-new-secret');
    type(confirm, 'a-different-secret');
    button(el, en.login.changeSubmit).click();
    await el.updateComplete;
    expect(describedError(confirm)).to.equal(en.fields.passwordsDiffer);
    expect(document.activeElement).to.equal(confirm);

    type(newPassword, 'temp-password-123');
    type(confirm, 'temp-password-123');
    await failedSubmit(el, en.login.changeSubmit);
    expect(describedError(field(el, en.fields.newPassword))).to.equal(en.login.sameAsTemporary);

    type(field(el, en.fields.newPassword), 'a-brand-new-secret');
    type(field(el, en.fields.confirmPassword), 'a-brand-new-secret');
    const session = await signedInBy(el, () => button(el, en.login.changeSubmit).click());
    expect(session.customerName).to.equal('Mary Somerville');

    const old = await adapter.signIn({ email: 'new@example.com', password: 'temp-password-123' }).then(
      () => null,
      (error: PortalError) => error,
    );
    expect(old?.code).to.equal('unauthorized');
    const fresh = await adapter.signIn({ email: 'new@example.com', password: 'a-brand-new-secret' });
    expect(fresh.status).to.equal('signed_in');
  });

  describe('sign-in links', () => {
    async function requestLink(adapter: PortalAdapter, email: string): Promise<PortalLogin> {
      const el = await mount(adapter);
      type(field(el, en.fields.email), email);
      button(el, en.login.emailLink).click();
      await viewTitled(el, en.login.checkEmailHeading);
      return el;
    }

    async function followLink(adapter: MemoryAdapter, email: string, customerName: string): Promise<string> {
      const sent = await requestLink(adapter, email);
      expect(text(sent)).to.include(en.login.magicLinkSent(email));
      const token = tokenFrom(adapter, email, 'portal-magic-token');
      openLink('portal-magic-token', token);

      const counted = countingAdapter(adapter);
      const el = await mount(counted.adapter);
      expect(heading(el)).to.equal(`Sign in to ${MERCHANT}`);
      expect(el.querySelectorAll('button').length, 'one button: Continue').to.equal(1);
      expect(counted.calls.verifyMagicLink ?? 0, 'opening the link signs nobody in').to.equal(0);

      const session = await signedInBy(el, () => button(el, en.common.continue).click());
      expect(counted.calls.verifyMagicLink).to.equal(1);
      expect(session.customerName).to.equal(customerName);
      expect(session.email).to.equal(email);
      expect(session.method).to.equal('magic_link');
      const params = new URLSearchParams(location.search);
      expect(params.has('portal-magic-token'), 'token removed from the URL').to.be.false;
      expect(params.get('from'), 'other parameters kept').to.equal('email');
      return token;
    }

    it('signs a member of analytical.example in to Analytical Engines Ltd', async () => {
      await followLink(new MemoryAdapter(), 'ada.byron@analytical.example', 'Analytical Engines Ltd');
    });

    it('signs grace@example.net in to Analytical Engines Ltd', async () => {
      await followLink(new MemoryAdapter(), 'grace@example.net', 'Analytical Engines Ltd');
    });

    it('refuses a link used twice, and offers a new one', async () => {
      const adapter = new MemoryAdapter();
      const token = await followLink(adapter, 'grace@example.net', 'Analytical Engines Ltd');
      openLink('portal-magic-token', token);
      const el = await mount(adapter);
      await failedSubmit(el, en.common.continue);
      expect(heading(el)).to.equal(en.login.linkExpiredHeading);
      expect(text(el)).to.include(en.login.linkExpired);
      expect(new URLSearchParams(location.search).has('portal-magic-token')).to.be.false;
      button(el, en.login.requestNewLink).click();
      await el.updateComplete;
      expect(heading(el)).to.equal(`Sign in to ${MERCHANT}`);
      expect(document.activeElement).to.equal(field(el, en.fields.email));
    });

    it('answers an address without access exactly like one with access', async () => {
      const adapter = new MemoryAdapter();
      const withAccess = await requestLink(adapter, 'grace@example.net');
      const without = await requestLink(adapter, 'stranger@elsewhere.example');
      expect(heading(without)).to.equal(heading(withAccess));
      expect(text(without).replace('stranger@elsewhere.example', 'X')).to.equal(
        text(withAccess).replace('grace@example.net', 'X'),
      );
      expect(adapter.outbox.some((message) => message.to === 'stranger@elsewhere.example')).to.be.false;
    });

    it('sends the link again, or goes back to change the address', async () => {
      const adapter = new MemoryAdapter();
      const el = await requestLink(adapter, 'grace@example.net');
      const before = adapter.outbox.length;
      button(el, en.login.sendLinkAgain).click();
      await waitUntil(() => text(el).includes(en.login.linkSentAgain), 'resent');
      expect(adapter.outbox.length).to.equal(before + 1);
      button(el, en.login.useAnotherEmail).click();
      await el.updateComplete;
      expect(field(el, en.fields.email).value).to.equal('grace@example.net');
    });
  });

  it('resets a forgotten password through the emailed link', async () => {
    const adapter = new MemoryAdapter();
    const el = await mount(adapter);
    type(field(el, en.fields.email), ADA.email);
    button(el, en.login.forgotPassword).click();
    await el.updateComplete;
    expect(heading(el)).to.equal(en.login.forgotHeading);
    expect(field(el, en.fields.email).value, 'the email typed on sign-in is kept').to.equal(ADA.email);
    button(el, en.login.sendResetLink).click();
    await viewTitled(el, en.login.checkEmailHeading);
    expect(text(el)).to.include(en.login.resetLinkSent(ADA.email));

    openLink('portal-reset-token', tokenFrom(adapter, ADA.email, 'portal-reset-token'));
    const reset = await mount(adapter);
    reset.email = ADA.email;
    await reset.updateComplete;
    expect(heading(reset)).to.equal(en.login.resetHeading);
    expect(field(reset, en.fields.newPassword).autocomplete).to.equal('new-password');
    type(field(reset, en.fields.newPassword), 'short');
    type(field(reset, en.fields.confirmPassword), 'short');
    button(reset, en.login.savePassword).click();
    await reset.updateComplete;
    expect(describedError(field(reset, en.fields.newPassword))).to.equal(en.fields.passwordTooShort);

    type(field(reset, en.fields.newPassword), 'analytical-engine-1843');
    type(field(reset, en.fields.confirmPassword), 'analytical-engine-1843');
    button(reset, en.login.savePassword).click();
    await waitUntil(() => text(reset).includes(en.login.passwordChanged), 'password changed');
    expect(heading(reset)).to.equal(`Sign in to ${MERCHANT}`);
    expect(new URLSearchParams(location.search).has('portal-reset-token')).to.be.false;
    expect(field(reset, en.fields.email).value, 'the email is kept for signing in').to.equal(ADA.email);

    type(field(reset, en.fields.password), 'analytical-engine-1843');
    const session = await signedInBy(reset, () => button(reset, en.login.signIn).click());
    expect(session.customerName).to.equal('Ada Lovelace');
  });

  it('answers a reset request for an unknown address like any other', async () => {
    const adapter = new MemoryAdapter();
    const el = await mount(adapter);
    button(el, en.login.forgotPassword).click();
    await el.updateComplete;
    type(field(el, en.fields.email), 'nobody@example.com');
    button(el, en.login.sendResetLink).click();
    await viewTitled(el, en.login.checkEmailHeading);
    expect(text(el)).to.include(en.login.resetLinkSent('nobody@example.com'));
    expect(adapter.outbox).to.have.length(0);
  });

  it('explains an expired reset link and leads to a new one', async () => {
    openLink('portal-reset-token', 'an-expired-reset-token-000');
    const el = await mount(new MemoryAdapter());
    type(field(el, en.fields.newPassword), 'analytical-engine-1843');
    type(field(el, en.fields.confirmPassword), 'analytical-engine-1843');
    await failedSubmit(el, en.login.savePassword);
    expect(heading(el)).to.equal(en.login.linkExpiredHeading);
    expect(text(el)).to.include(en.login.resetLinkExpired);
    button(el, en.login.requestNewResetLink).click();
    await el.updateComplete;
    expect(heading(el)).to.equal(en.login.forgotHeading);
  });

  describe('sign-up', () => {
    it('asks for the billing address the merchant requires, keeps what was typed, then signs in', async () => {
      const counted = countingAdapter(new MemoryAdapter());
      const el = await mount(counted.adapter);
      type(field(el, en.fields.email), 'lin@example.org');
      button(el, en.login.createAccount).click();
      await el.updateComplete;
      expect(field(el, en.fields.email).value, 'the email follows to sign-up').to.equal('lin@example.org');
      const billing = el.querySelector('fieldset')!;
      expect(text(billing.querySelector('legend'))).to.equal(en.login.billingAddress);

      type(field(el, en.fields.name), 'Lin Chen');
      type(field(el, en.fields.company), 'Chen Imports');
      type(field(el, en.fields.password), 'a-long-enough-secret');
      button(el, en.login.signUpSubmit).click();
      await el.updateComplete;
      expect(counted.calls.signUp ?? 0, 'nothing sent with required details missing').to.equal(0);
      const line1 = field(billing, en.fields.line1);
      expect(line1.getAttribute('aria-invalid')).to.equal('true');
      expect(describedError(line1)).to.equal(en.fieldErrors.required);
      expect(describedError(field(billing, en.fields.city))).to.equal(en.fieldErrors.required);
      expect(describedError(field(billing, en.fields.country))).to.equal(en.fieldErrors.required);
      expect(alertText(el)).to.include(en.login.fieldError(en.fields.line1, en.fieldErrors.required));
      expect(document.activeElement).to.equal(line1);
      expect(field(el, en.fields.name).value).to.equal('Lin Chen');
      expect(field(el, en.fields.company).value).to.equal('Chen Imports');
      expect(field(el, en.fields.password).value).to.equal('a-long-enough-secret');

      type(line1, '1 Harbour Street');
      type(field(billing, en.fields.city), 'Halifax');
      type(field(billing, en.fields.country), 'CA');
      const session = await signedInBy(el, () => button(el, en.login.signUpSubmit).click());
      expect(session.customerName).to.equal('Lin Chen');
      expect(counted.inputs.signUp[0]).to.deep.include({
        email: 'lin@example.org',
        name: 'Lin Chen',
        company: 'Chen Imports',
        billingAddress: { line1: '1 Harbour Street', city: 'Halifax', country: 'CA' },
      });
    });

    it('collects a bank account when the merchant requires one', async () => {
      const adapter = new MemoryAdapter();
      const settings = await settingsOf(adapter);
      settings.accountCreation.required = {
        ...settings.accountCreation.required,
        billingAddress: false,
        bankAccount: true,
      };
      adapter.updateSettings(settings);
      const counted = countingAdapter(adapter);
      const el = await mount(counted.adapter);
      el.view = 'sign-up';
      await el.updateComplete;
      type(field(el, en.fields.name), 'Lin Chen');
      type(field(el, en.fields.email), 'lin@example.org');
      type(field(el, en.fields.password), 'a-long-enough-secret');
      type(field(el, en.fields.bankHolder), 'Lin Chen');
      type(field(el, en.fields.routingNumber), '12345');
      type(field(el, en.fields.accountNumber), '000123456789');
      button(el, en.login.signUpSubmit).click();
      await el.updateComplete;
      expect(describedError(field(el, en.fields.routingNumber))).to.equal(en.fields.routingInvalid);

      type(field(el, en.fields.routingNumber), '110 000 000');
      type(field(el, en.fields.accountType), 'savings');
      await signedInBy(el, () => button(el, en.login.signUpSubmit).click());
      expect(counted.inputs.signUp[0]).to.deep.include({
        bankAccount: {
          holderName: 'Lin Chen',
          routingNumber: '110000000',
          accountNumber: '000123456789',
          accountType: 'savings',
        },
      });
    });

    it('ships to the billing address unless the customer gives another one', async () => {
      const adapter = new MemoryAdapter();
      const settings = await settingsOf(adapter);
      settings.accountCreation.required = { ...settings.accountCreation.required, shippingAddress: true };
      adapter.updateSettings(settings);
      const counted = countingAdapter(adapter);
      const el = await mount(counted.adapter);
      el.view = 'sign-up';
      await el.updateComplete;
      const [billing, shipping] = [...el.querySelectorAll('fieldset')];
      expect(text(shipping.querySelector('legend'))).to.equal(en.login.shippingAddress);
      const same = field(shipping, en.login.shippingSameAsBilling);
      expect(same.checked, 'no second address to type by default').to.be.true;
      expect(shipping.querySelector('input:not([type="checkbox"])')).to.equal(null);

      same.click();
      await el.updateComplete;
      type(field(el, en.fields.name), 'Lin Chen');
      type(field(el, en.fields.email), 'lin@example.org');
      type(field(el, en.fields.password), 'a-long-enough-secret');
      type(field(billing, en.fields.line1), '1 Harbour Street');
      type(field(billing, en.fields.city), 'Halifax');
      type(field(billing, en.fields.country), 'CA');
      button(el, en.login.signUpSubmit).click();
      await el.updateComplete;
      expect(describedError(field(shipping, en.fields.line1))).to.equal(en.fieldErrors.required);
      expect(counted.calls.signUp ?? 0).to.equal(0);

      field(shipping, en.login.shippingSameAsBilling).click();
      await el.updateComplete;
      await signedInBy(el, () => button(el, en.login.signUpSubmit).click());
      const sent = counted.inputs.signUp[0] as { billingAddress: unknown; shippingAddress: unknown };
      expect(sent.shippingAddress).to.deep.equal(sent.billingAddress);
    });

    it('suggests signing in when the address already has an account', async () => {
      const el = await mount(new MemoryAdapter());
      el.view = 'sign-up';
      await el.updateComplete;
      type(field(el, en.fields.name), 'Ada Lovelace');
      type(field(el, en.fields.email), ADA.email);
      type(field(el, en.fields.password), 'another-long-secret');
      type(field(el, en.fields.line1), '12 Analytical Row');
      type(field(el, en.fields.city), 'Portland');
      type(field(el, en.fields.country), 'US');
      await failedSubmit(el, en.login.signUpSubmit);
      const email = field(el, en.fields.email);
      expect(describedError(email)).to.equal(en.fields.emailTaken);
      expect(document.activeElement).to.equal(email);
      expect(field(el, en.fields.name).value).to.equal('Ada Lovelace');
      button(el.querySelector('[role="alert"]')!, en.login.forgotPassword).click();
      await el.updateComplete;
      expect(heading(el)).to.equal(en.login.forgotHeading);
      expect(field(el, en.fields.email).value).to.equal(ADA.email);
    });

    it('is not offered when the merchant turned account creation off', async () => {
      const adapter = new MemoryAdapter();
      const settings = await settingsOf(adapter);
      settings.accountCreation.enabled = false;
      adapter.updateSettings(settings);
      const el = await mount(adapter);
      expect(hasButton(el, en.login.createAccount)).to.be.false;
      el.view = 'sign-up';
      await el.updateComplete;
      expect(heading(el)).to.equal(`Sign in to ${MERCHANT}`);
      expect(el.querySelector('input[autocomplete="new-password"]')).to.equal(null);
    });

    it('says plainly that a required card cannot be added yet, instead of a form that cannot work', async () => {
      const adapter = new MemoryAdapter();
      const settings = await settingsOf(adapter);
      settings.accountCreation.required.card = true;
      adapter.updateSettings(settings);
      const el = await mount(adapter);
      el.view = 'sign-up';
      await el.updateComplete;
      expect(text(el)).to.include(en.login.cardRequiredUnavailable(MERCHANT));
      expect(el.querySelector('form')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('asks for the required card through the card fields and opens the account with its token', async () => {
      const adapter = new MemoryAdapter();
      const settings = await settingsOf(adapter);
      settings.accountCreation.required.card = true;
      adapter.updateSettings(settings);
      const counted = countingAdapter(adapter);
      const el = await fixture<PortalLogin>(
        html`<portal-login
          .adapter=${counted.adapter}
          .cardFields=${new FakeCardFields()}
          locale="en"
        ></portal-login>`,
      );
      el.view = 'sign-up';
      await waitUntil(() => el.querySelector('input[name="fake-card-number"]'), 'the card fields mount');
      const card = el.querySelector('fieldset.card')!;
      expect(text(card.querySelector('legend'))).to.equal(en.login.card);
      await expect(el).to.be.accessible();
      type(field(el, en.fields.name), 'Lin Chen');
      type(field(el, en.fields.email), 'lin@example.org');
      type(field(el, en.fields.password), 'a-long-enough-secret');
      type(field(el, en.fields.line1), '1 Harbour Street');
      type(field(el, en.fields.city), 'Portland');
      type(field(el, en.fields.country), 'US');
      button(el, en.login.signUpSubmit).click();
      await el.updateComplete;
      expect(text(el.querySelector('[role="alert"]'))).to.include(en.login.cardIncomplete);
      expect(counted.calls.signUp ?? 0).to.equal(0);

      type(el.querySelector<HTMLInputElement>('input[name="fake-card-number"]')!, '4000000000000002');
      await failedSubmit(el, en.login.signUpSubmit);
      expect(text(el.querySelector('[role="alert"]'))).to.include(en.login.cardDeclined);

      type(el.querySelector<HTMLInputElement>('input[name="fake-card-number"]')!, '5555555555554444');
      await signedInBy(el, () => button(el, en.login.signUpSubmit).click());
      const sent = counted.inputs.signUp.at(-1) as { cardToken?: string };
      expect(sent.cardToken).to.match(/^tok_mastercard_/);
      const methods = await adapter.listPaymentMethods();
      expect(methods.map((method) => method.type === 'card' && method.last4)).to.deep.equal(['4444']);
      expect(el.querySelector('input[name="fake-card-number"]'), 'the fields leave with the form').to.equal(
        null,
      );
    });
  });

  it('checks the form before sending anything and ties each error to its field', async () => {
    const counted = countingAdapter(new MemoryAdapter());
    const el = await mount(counted.adapter);
    button(el, en.login.signIn).click();
    await el.updateComplete;
    const email = field(el, en.fields.email);
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(describedError(email)).to.equal(en.fieldErrors.required);
    expect(describedError(field(el, en.fields.password))).to.equal(en.fieldErrors.required);
    expect(document.activeElement).to.equal(email);

    type(email, 'ada-at-example.com');
    type(field(el, en.fields.password), 'x');
    button(el, en.login.signIn).click();
    await el.updateComplete;
    expect(describedError(field(el, en.fields.email))).to.equal(en.fields.emailInvalid);
    expect(counted.calls.signIn ?? 0).to.equal(0);

    button(
      el.querySelector('[role="alert"]')!,
      en.login.fieldError(en.fields.email, en.fields.emailInvalid),
    ).click();
    expect(document.activeElement).to.equal(field(el, en.fields.email));
  });

  it('sends one request however often the customer submits while it runs', async () => {
    const gate = deferred<void>();
    const inner = new MemoryAdapter();
    const counted = countingAdapter(inner, {
      signIn: async (input: never) => {
        await gate.promise;
        return inner.signIn(input);
      },
    });
    const el = await mount(counted.adapter);
    fillSignIn(el, ADA.email, ADA.password);
    const submit = button(el, en.login.signIn);
    submit.click();
    await el.updateComplete;
    const busy = el.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(busy.getAttribute('aria-disabled')).to.equal('true');
    expect(text(busy)).to.equal(en.login.signingIn);
    busy.click();
    field(el, en.fields.password).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(counted.calls.signIn).to.equal(1);

    const session = await signedInBy(el, () => gate.resolve());
    expect(session.customerName).to.equal('Ada Lovelace');
    expect(counted.calls.signIn).to.equal(1);
  });

  it('can be completed with the keyboard alone; Enter submits', async () => {
    const el = await mount(new MemoryAdapter());
    field(el, en.fields.email).focus();
    await sendKeys({ type: ADA.email });
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(field(el, en.fields.password));
    await sendKeys({ type: ADA.password });
    const session = await signedInBy(el, () => void sendKeys({ press: 'Enter' }));
    expect(session.customerName).to.equal('Ada Lovelace');
  });

  it('shows how long to wait when attempts are rate limited', async () => {
    const counted = countingAdapter(new MemoryAdapter(), {
      signIn: () => Promise.reject(new PortalError('rate_limited', 'slow down', { retryAfterSeconds: 30 })),
    });
    const el = await mount(counted.adapter);
    fillSignIn(el, ADA.email, ADA.password);
    await failedSubmit(el, en.login.signIn);
    expect(alertText(el)).to.equal(en.login.tooManyAttempts('in 30 seconds'));
  });

  it('keeps the form when the service cannot be reached', async () => {
    const counted = countingAdapter(new MemoryAdapter(), {
      signIn: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const el = await mount(counted.adapter);
    fillSignIn(el, ADA.email, ADA.password);
    const error = await failedSubmit(el, en.login.signIn);
    expect(error.code).to.equal('network');
    expect(alertText(el)).to.equal(en.errors.network);
    expect(field(el, en.fields.email).value).to.equal(ADA.email);
    expect(field(el, en.fields.password).value).to.equal(ADA.password);
    expect(button(el, en.login.signIn).getAttribute('aria-disabled')).to.equal('false');
  });

  it('offers a retry when the settings cannot be loaded', async () => {
    let fail = true;
    const inner = new MemoryAdapter();
    const counted = countingAdapter(inner, {
      getSettings: () =>
        fail ? Promise.reject(new PortalError('unavailable', 'down')) : inner.getSettings(),
    });
    const el = await fixture<PortalLogin>(html`<portal-login .adapter=${counted.adapter}></portal-login>`);
    await waitUntil(() => el.querySelector('[role="alert"]'), 'settings error shown');
    expect(alertText(el)).to.include(en.errors.unavailable);
    fail = false;
    button(el, en.common.retry).click();
    await viewTitled(el, `Sign in to ${MERCHANT}`);
    expect(counted.calls.getSettings).to.equal(2);
  });

  it('names what is missing when it has no backend', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args[0]);
    try {
      const el = await fixture<PortalLogin>(html`<portal-login></portal-login>`);
      expect(alertText(el)).to.equal(en.errors.misconfigured);
      expect(String(logged[0])).to.include('<portal-login> has no backend');
    } finally {
      console.error = original;
    }
  });

  it('offers only the sign-in methods the merchant turned on', async () => {
    const adapter = new MemoryAdapter();
    const settings = await settingsOf(adapter);
    settings.signIn = { password: false, magicLink: true };
    adapter.updateSettings(settings);
    const el = await mount(adapter);
    expect(el.querySelector('input[type="password"]')).to.equal(null);
    expect(hasButton(el, en.login.forgotPassword)).to.be.false;
    expect(text(el)).to.include(en.login.passwordlessIntro);
    type(field(el, en.fields.email), 'grace@example.net');
    await sendKeys({ press: 'Enter' });
    await viewTitled(el, en.login.checkEmailHeading);

    settings.signIn = { password: true, magicLink: false };
    const passwordOnly = new MemoryAdapter();
    passwordOnly.updateSettings(settings);
    const other = await mount(passwordOnly);
    expect(hasButton(other, en.login.emailLink)).to.be.false;
    expect(field(other, en.fields.password)).to.exist;
  });

  it('speaks the customer’s language', async () => {
    const el = await mount(new MemoryAdapter(), { locale: 'fr' });
    expect(heading(el)).to.equal(fr.login.signInHeading(MERCHANT));
    fillSignInFr(el);
    await failedSubmit(el, fr.login.signIn);
    expect(alertText(el)).to.equal(fr.login.invalidCredentials);

    const limited = countingAdapter(new MemoryAdapter(), {
      signIn: () => Promise.reject(new PortalError('rate_limited', 'slow down', { retryAfterSeconds: 900 })),
    });
    const waiting = await mount(limited.adapter, { locale: 'fr' });
    fillSignInFr(waiting);
    await failedSubmit(waiting, fr.login.signIn);
    expect(alertText(waiting)).to.equal(fr.login.tooManyAttempts('dans 15 minutes'));
  });

  function fillSignInFr(el: PortalLogin): void {
    type(field(el, fr.fields.email), ADA.email);
    type(field(el, fr.fields.password), 'pas-le-bon-mot-de-passe');
  }
});
