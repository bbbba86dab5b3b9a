import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { commonMessages, directionOf, plurals, type MessageNamespace } from '../../src/core/i18n/index.js';
import '../../src/define.js';
import { contentMessages } from '../../src/elements/portal-content/messages.js';
import { invoiceMessages } from '../../src/elements/portal-invoice/messages.js';
import { invoicesMessages } from '../../src/elements/portal-invoices/messages.js';
import { loginMessages } from '../../src/elements/portal-login/messages.js';
import { payMessages } from '../../src/elements/portal-pay-invoice/messages.js';
import { paymentMethodsMessages } from '../../src/elements/portal-payment-methods/messages.js';
import { profileMessages } from '../../src/elements/portal-profile/messages.js';
import { quickOrderMessages } from '../../src/elements/portal-quick-order/messages.js';
import { rootMessages } from '../../src/elements/portal-root/messages.js';
import { subscriptionsMessages } from '../../src/elements/portal-subscriptions/messages.js';
import { summaryMessages } from '../../src/elements/portal-summary/messages.js';
import { taskMessages } from '../../src/elements/portal-task/messages.js';
import type { PortalSummary } from '../../src/elements/portal-summary/portal-summary.js';
import { signedInAda } from '../helpers/customers.js';
import { root, text } from '../helpers/dom.js';
import { informalSpanish } from '../helpers/register.js';
import { shape } from '../helpers/catalogs.js';

const namespaces: MessageNamespace[] = [
  commonMessages,
  contentMessages,
  invoiceMessages,
  invoicesMessages,
  loginMessages,
  payMessages,
  paymentMethodsMessages,
  profileMessages,
  quickOrderMessages,
  rootMessages,
  subscriptionsMessages,
  summaryMessages,
  taskMessages,
];

function strings(catalog: unknown): string[] {
  if (typeof catalog === 'string') return [catalog];
  if (catalog && typeof catalog === 'object') return Object.values(catalog).flatMap(strings);
  return [];
}

/** Every plain-text message of a catalog with its path (`filters.paid`); functions are left out. */
function texts(catalog: unknown, path = ''): [string, string][] {
  if (typeof catalog === 'string') return [[path, catalog]];
  if (catalog && typeof catalog === 'object' && typeof catalog !== 'function')
    return Object.entries(catalog).flatMap(([key, value]) => texts(value, path ? `${path}.${key}` : key));
  return [];
}

describe('words said once, in one register', () => {
  it('no element copies a message of the common catalog: what several elements say is said there', () => {
    const common = new Set(texts(commonMessages.en).map(([, message]) => message));
    // The same English word with another meaning, worded apart in other languages.
    const otherMeaning = [
      'invoices filters.paid', // "Paid" invoices, a filter (French: Réglées)
      'pay invoice', // the invoice row of the payment review (Arabic: الفاتورة)
      'login card', // the kind of payment method sign-up asks for, not a card brand
    ];
    const copies = namespaces
      .filter((namespace) => namespace !== commonMessages)
      .flatMap((namespace) =>
        texts(namespace.en)
          .filter(([, message]) => common.has(message))
          .map(([path]) => `${namespace.name} ${path}`),
      );
    expect(copies.filter((copy) => !otherMeaning.includes(copy))).to.deep.equal([]);
  });

  it('speaks Spanish with usted in every namespace (su tarjeta, Elija), never tú', async () => {
    for (const namespace of namespaces) {
      expect(informalSpanish(await namespace.load.es()), namespace.name).to.deep.equal([]);
    }
  });
});

describe('German and Arabic', () => {
  for (const language of ['de', 'ar'] as const) {
    it(`${language}: every namespace has English's shape, messages and signatures`, async () => {
      for (const namespace of namespaces) {
        const catalog = await namespace.load[language]();
        expect(shape(catalog), `${namespace.name} (${language})`).to.deep.equal(shape(namespace.en));
        const own = strings(catalog);
        expect(
          own.every((each) => each.trim().length > 0),
          `${namespace.name}: no empty message`,
        ).to.equal(true);
        const english = new Set(strings(namespace.en));
        const untranslated = own.filter((each) => english.has(each) && /[a-z]{4,}/.test(each));
        // Brand names (Visa, Mastercard…) and a few words shared with English are the same in German.
        expect(
          untranslated.length,
          `${namespace.name} (${language}) left in English: ${untranslated.join(', ')}`,
        ).to.be.below(language === 'ar' ? 5 : 8);
      }
    });
  }

  it('Arabic has a wording for each of its six plural categories', async () => {
    const summary = await summaryMessages.load.ar();
    const counts = [0, 1, 2, 3, 11, 100];
    expect(counts.map((count) => new Intl.PluralRules('ar').select(count))).to.deep.equal([
      'zero',
      'one',
      'two',
      'few',
      'many',
      'other',
    ]);
    const wordings = counts.map((count) => summary.invoiceCount(count, String(count)));
    expect(new Set(wordings).size, wordings.join(' | ')).to.equal(6);
    expect(wordings[2]).to.equal('فاتورتان');
    expect(wordings[3]).to.equal('3 فواتير');
    expect(plurals('de')(1, { one: 'eine', other: 'viele' })).to.equal('eine');
    expect(plurals('de')(2, { one: 'eine', other: 'viele' })).to.equal('viele');
  });

  it('knows which way each locale writes', () => {
    expect(['ar', 'ar-EG', 'he', 'fa-IR', 'ur'].map(directionOf)).to.deep.equal([
      'rtl',
      'rtl',
      'rtl',
      'rtl',
      'rtl',
    ]);
    expect(['en', 'de-DE', 'fr', 'es', 'en-XA', 'not a tag'].map(directionOf)).to.deep.equal([
      'ltr',
      'ltr',
      'ltr',
      'ltr',
      'ltr',
      'ltr',
    ]);
  });

  it('lays an Arabic element out right to left on an English page, in Arabic, with Intl money', async () => {
    const adapter = await signedInAda();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en" dir="ltr">
        <portal-summary .adapter=${adapter} locale="ar-EG"></portal-summary>
      </div>`,
    );
    const el = wrapper.querySelector<PortalSummary>('portal-summary')!;
    await el.updateComplete;
    const summary = await summaryMessages.load.ar();
    // The summary's figures arrive from the store after its first render.
    await waitUntil(() => /[٠-٩]/.test(text(root(el))), 'the summary shows its figures');
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(el.matches(':dir(rtl)')).to.equal(true);
    expect(text(root(el))).to.contain(summary.outstanding);
    // ar-EG writes amounts with Eastern Arabic digits, as Intl gives them.
    expect(text(root(el))).to.match(/[٠-٩]/);

    el.locale = 'de-DE';
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('ltr');
  });

  it('keeps a dir the page author set', async () => {
    const el = await fixture<PortalSummary>(
      html`<portal-summary dir="ltr" locale="ar" .adapter=${await signedInAda()}></portal-summary>`,
    );
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('ltr');
  });
});
