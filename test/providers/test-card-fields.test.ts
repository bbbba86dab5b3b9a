import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { DEMO_PASSWORD } from '../../src/adapters/demo/demo-data.js';
import { themeFromColor } from '../../src/core/theme.js';
import { type CardFields, type CardFieldsState, CardFieldsError } from '../../src/providers/card-fields.js';
import { TestCardFields } from '../../src/providers/test-mode/test-card-fields.js';

// The frame is served by the test server itself, but from 127.0.0.1 while the test page is on localhost:
// another origin, as in production, so this page can neither read nor type into it. The card-frame:*
// commands (card-frame-commands.mjs) type and look inside it through the browser's automation.
const FRAME_URL = `http://127.0.0.1:${location.port}/src/providers/test-mode/frame/index.html`;

interface FrameView {
  lang: string;
  title: string;
  dark: boolean;
  hidden: boolean;
  badge: string;
  labels: string[];
  values: { number: string; expiry: string; cvc: string };
  errors: { number: string; expiry: string; cvc: string };
  invalid: string[];
  formError: string;
  brand: string;
  challengeOpen: boolean;
  focused: string | null;
  primary: string;
  inputRadius: string;
  inputFont: string;
}

const type = (selector: string, text: string) => executeServerCommand('card-frame:type', { selector, text });
const clear = (selector: string) => executeServerCommand('card-frame:clear', { selector });
const click = (selector: string) => executeServerCommand('card-frame:click', { selector });
const press = (key: string) => executeServerCommand('card-frame:press', { key });
const view = () => executeServerCommand<FrameView, undefined>('card-frame:read');

/** Two digits of a year that is still to come, so the tests do not expire. */
const FUTURE_YY = String((new Date().getFullYear() + 3) % 100).padStart(2, '0');
const FUTURE_YEAR = 2000 + Number(FUTURE_YY);

/** Everything the frame posted to this page, to prove the number never left the frame. */
const received: unknown[] = [];
window.addEventListener('message', (event) => {
  if (event.origin === new URL(FRAME_URL).origin) received.push(event.data);
});

let container: HTMLElement;
let fields: CardFields | undefined;
let states: CardFieldsState[];

async function mount(options: { locale?: string; theme?: ReturnType<typeof themeFromColor> } = {}) {
  const theme = options.theme?.ok ? options.theme.tokens : null;
  fields = await new TestCardFields({ url: FRAME_URL }).mount(container, {
    locale: options.locale ?? 'en',
    theme,
  });
  states = [];
  fields.onChange((state) => states.push(state));
  // The frame applies the locale and theme as soon as it has them; its first state follows.
  await until(() => states.length > 0);
  return fields;
}

/** Waits for something the frame does in reply (messages are asynchronous); fails the test if never. */
async function until(check: () => boolean | Promise<boolean>, what = 'the frame to answer') {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function typeCard(number: string, expiry: string, cvc: string) {
  await type('#number', number);
  await type('#expiry', expiry);
  await type('#cvc', cvc);
}

function noCardNumberLeft(number: string) {
  const everything = JSON.stringify(received) + document.documentElement.outerHTML;
  expect(everything).not.to.include(number);
  expect(everything).not.to.include(number.slice(0, 6)); // not even the issuer's digits
  expect(everything.replace(/\D/g, ' ')).not.to.include(number.slice(0, 8));
}

async function rejection(promise: Promise<unknown>): Promise<CardFieldsError> {
  try {
    await promise;
  } catch (error) {
    return error as CardFieldsError;
  }
  throw new Error('expected a rejection');
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  received.length = 0;
});

afterEach(() => {
  fields?.destroy();
  fields = undefined;
  container.remove();
});

describe('TestCardFields (test-mode card fields on another origin)', function () {
  // Driving a frame on another origin goes through the browser's automation, which learns of the frame's
  // changes a little after the page does; a step can race it. A broken behaviour fails every try.
  this.retries(2);

  it('mounts an iframe from another origin into the light-DOM container, titled as test mode', async () => {
    await mount();
    const iframe = container.querySelector('iframe')!;
    expect(new URL(iframe.src).origin).to.equal(new URL(FRAME_URL).origin);
    expect(new URL(iframe.src).origin).not.to.equal(location.origin);
    expect(iframe.title).to.equal('Card details (test mode)');
    const frame = await view();
    expect(frame.hidden).to.equal(false);
    expect(frame.badge).to.include('Test mode');
    expect(fields!.state).to.deep.equal({ complete: false, brand: null, error: null });
    fields!.focus();
    await until(async () => (await view()).focused === 'number', 'focus to reach the card number');
  });

  it('refuses a frame on the page’s own origin: the number would be readable there', () => {
    expect(() => new TestCardFields({ url: '/src/providers/test-mode/frame/index.html' })).to.throw(
      /another origin/,
    );
  });

  it('completes with 4242 4242 4242 4242 and hands back only a token the backend saves', async () => {
    await mount();
    await typeCard('4242424242424242', `12${FUTURE_YY}`, '123');
    await until(() => fields!.state.complete, 'the card to be complete');
    expect(fields!.state).to.deep.equal({ complete: true, brand: 'visa', error: null });
    const card = await fields!.tokenize();
    expect(card).to.deep.equal({
      token: `tok_visa_12${FUTURE_YEAR}`,
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear: FUTURE_YEAR,
    });
    noCardNumberLeft('4242424242424242');

    const adapter = new MemoryAdapter();
    await adapter.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
    const saved = await adapter.addCard({ token: card.token });
    expect(saved).to.include({ type: 'card', brand: 'visa', last4: '4242', expYear: FUTURE_YEAR });
  });

  it('formats as you type: groups by brand, and MM / YY', async () => {
    await mount();
    await type('#number', '42424');
    expect((await view()).values.number).to.equal('4242 4');
    await clear('#number');
    await type('#number', '378282246310005');
    await type('#expiry', '3');
    const frame = await view();
    expect(frame.values.number).to.equal('3782 822463 10005');
    expect(frame.brand).to.equal('amex');
    expect(frame.values.expiry).to.equal('03 / ');
    await type('#expiry', FUTURE_YY);
    expect((await view()).values.expiry).to.equal(`03 / ${FUTURE_YY}`);
    await type('#number', '9999');
    expect((await view()).values.number).to.equal('3782 822463 10005'); // Amex stops at 15 digits
    noCardNumberLeft('378282246310005');
  });

  it('rejects a valid number that is not a test card, and a number that fails the Luhn check', async () => {
    await mount();
    await typeCard('4111111111111111', `12${FUTURE_YY}`, '123');
    await until(() => fields!.state.error === 'number_not_test_card');
    expect((await view()).errors.number).to.equal('Test mode accepts only test card numbers.');
    let error = await rejection(fields!.tokenize());
    expect(error).to.be.instanceOf(CardFieldsError);
    expect(error.reason).to.equal('number_not_test_card');
    expect(error.code).to.equal('validation');

    await clear('#number');
    await type('#number', '4242424242424241');
    await until(() => fields!.state.error === 'number_invalid');
    const frame = await view();
    expect(frame.errors.number).to.equal('The card number is not valid.');
    expect(frame.invalid).to.deep.equal(['number']);
    error = await rejection(fields!.tokenize());
    expect(error.reason).to.equal('number_invalid');
    expect(fields!.state.complete).to.equal(false);
    noCardNumberLeft('4111111111111111');
  });

  it('refuses an expiry in the past once the field is left', async () => {
    await mount();
    await type('#number', '5555555555554444');
    await type('#expiry', '0120');
    expect((await view()).errors.expiry).to.equal('');
    await press('Tab');
    await until(() => fields!.state.error === 'expiry_past');
    expect((await view()).errors.expiry).to.equal('This card has expired.');
    expect((await rejection(fields!.tokenize())).reason).to.equal('expiry_past');
  });

  it('wants 4 CVC digits for Amex and 3 for the others', async () => {
    await mount();
    await typeCard('378282246310005', `12${FUTURE_YY}`, '123');
    const error = await rejection(fields!.tokenize());
    expect(error.reason).to.equal('cvc_incomplete');
    const frame = await view();
    expect(frame.errors.cvc).to.equal('The security code is incomplete.');
    expect(frame.focused).to.equal('cvc');
    await type('#cvc', '4');
    await until(() => fields!.state.complete, 'the Amex card to be complete');
    expect((await fields!.tokenize()).token).to.equal(`tok_amex_12${FUTURE_YEAR}`);

    await clear('#number');
    await type('#number', '6011111111111117');
    await until(() => fields!.state.error === 'cvc_invalid', 'four digits to be refused for Discover');
    expect((await view()).errors.cvc).to.equal('The security code has the wrong length for this card.');
    noCardNumberLeft('6011111111111117');
  });

  it('saves the 3-D Secure card only after its challenge is approved', async () => {
    await mount();
    await typeCard('4000002760003184', `12${FUTURE_YY}`, '123');
    await until(() => fields!.state.complete);
    let settled = false;
    const pending = fields!.tokenize().finally(() => (settled = true));
    await until(async () => (await view()).challengeOpen, 'the challenge to open');
    expect(settled).to.equal(false);
    expect((await view()).focused).to.equal('approve');
    await click('#approve');
    const card = await pending;
    expect(card).to.include({ token: `tok_visa_challenge_12${FUTURE_YEAR}`, last4: '3184' });
    expect((await view()).challengeOpen).to.equal(false);
    noCardNumberLeft('4000002760003184');
  });

  it('returns no token and a clear error when the challenge fails', async () => {
    await mount();
    await typeCard('4000002760003184', `12${FUTURE_YY}`, '123');
    await until(() => fields!.state.complete);
    const pending = rejection(fields!.tokenize());
    await until(async () => (await view()).challengeOpen, 'the challenge to open');
    await click('#fail');
    const error = await pending;
    expect(error.reason).to.equal('authentication_failed');
    expect(error.code).to.equal('payment_declined');
    expect((await view()).formError).to.equal('The card could not be authenticated. It was not saved.');
    expect(received.some((message) => (message as { type?: string }).type === 'token')).to.equal(false);
  });

  it('ignores messages that do not come from the frame’s origin and window', async () => {
    await mount();
    await typeCard('4000002760003184', `12${FUTURE_YY}`, '123');
    await until(() => fields!.state.complete);
    const pending = rejection(fields!.tokenize());
    await until(async () => (await view()).challengeOpen, 'the challenge to open');
    const forged = { channel: 'portal-card-fields', type: 'token', id: 1, token: 'tok_visa_122099' };
    window.postMessage({ ...forged, brand: 'visa', last4: '0000', expMonth: 12, expYear: 2099 }, '*');
    const change = { type: 'change', complete: false, brand: null, error: 'number_invalid' };
    window.postMessage({ channel: 'portal-card-fields', ...change }, '*');
    // Messages to one window arrive in order: once this one is here, the forged ones were handled.
    await new Promise<void>((resolve) => {
      const fence = (event: MessageEvent) => {
        if (event.data !== 'fence') return;
        window.removeEventListener('message', fence);
        resolve();
      };
      window.addEventListener('message', fence);
      window.postMessage('fence', '*');
    });
    expect(fields!.state.complete).to.equal(true);
    await click('#fail');
    expect((await pending).reason).to.equal('authentication_failed');
  });

  it('follows the portal’s locale and theme tokens', async () => {
    container.style.setProperty('--portal-radius', '3px');
    container.style.setProperty('--portal-font-family', 'Georgia, serif');
    container.style.colorScheme = 'dark';
    await mount({ locale: 'fr-CA', theme: themeFromColor('#0f766e') });
    expect(container.querySelector('iframe')!.title).to.equal('Coordonnées de la carte (mode test)');
    const frame = await view();
    expect(frame.lang).to.equal('fr-CA');
    expect(frame.title).to.equal('Coordonnées de la carte (mode test)');
    expect(frame.labels).to.deep.equal(['Numéro de carte', 'Expiration (MM / AA)', 'Code de sécurité']);
    expect(frame.badge).to.include('Mode test');
    expect(frame.primary).to.equal('#0f766e');
    expect(frame.dark).to.equal(true);
    expect(frame.inputRadius).to.equal('3px');
    expect(frame.inputFont).to.equal('Georgia, serif');
    await fields!.tokenize().catch(() => undefined);
    await until(async () => (await view()).errors.number !== '');
    expect((await view()).errors.number).to.equal('Le numéro de carte est incomplet.');
  });

  it('is accessible inside the frame (axe), in its empty, error and challenge states', async () => {
    await mount();
    expect(await executeServerCommand('card-frame:axe')).to.deep.equal([]);
    await typeCard('4000002760003184', '0120', '12');
    await fields!.tokenize().catch(() => undefined);
    await until(async () => (await view()).errors.expiry !== '');
    expect(await executeServerCommand('card-frame:axe')).to.deep.equal([]);
    await clear('#expiry');
    await type('#expiry', `12${FUTURE_YY}`);
    await type('#cvc', '3');
    await until(() => fields!.state.complete);
    const pending = fields!.tokenize();
    await until(async () => (await view()).challengeOpen, 'the challenge to open');
    expect(await executeServerCommand('card-frame:axe')).to.deep.equal([]);
    await click('#approve');
    await pending;
  });

  it('shows no fields when framed by another origin than the one it was told', async () => {
    const iframe = document.createElement('iframe');
    iframe.src = `${FRAME_URL}#parent=${encodeURIComponent('https://shop.example')}`;
    container.append(iframe);
    await until(async () => {
      try {
        return (await view()).hidden;
      } catch {
        return false;
      }
    }, 'the frame to load');
    expect(received).to.deep.equal([]);
  });

  it('reports unavailable when the frame never answers, and leaves nothing behind', async () => {
    const provider = new TestCardFields({
      url: `http://127.0.0.1:${location.port}/test/providers/no-such-frame.html`,
      readyTimeoutMs: 300,
    });
    const error = await rejection(provider.mount(container, { locale: 'en', theme: null }));
    expect(error.reason).to.equal('unavailable');
    expect(error.code).to.equal('unavailable');
    expect(container.querySelector('iframe')).to.equal(null);
  });

  it('stops a tokenize when its signal aborts, closing the challenge; destroy removes the frame', async () => {
    await mount();
    await typeCard('4000002760003184', `12${FUTURE_YY}`, '123');
    await until(() => fields!.state.complete);
    const controller = new AbortController();
    const pending = rejection(fields!.tokenize(controller.signal));
    await until(async () => (await view()).challengeOpen, 'the challenge to open');
    controller.abort();
    expect((await pending).name).to.equal('AbortError');
    await until(async () => !(await view()).challengeOpen, 'the challenge to close');
    fields!.destroy();
    expect(container.querySelector('iframe')).to.equal(null);
    expect((await rejection(fields!.tokenize())).reason).to.equal('unavailable');
  });
});
