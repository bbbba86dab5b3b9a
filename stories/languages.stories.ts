import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PortalAdapter } from '../src/contract/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import '../src/define.js';
import { PSEUDO_LOCALE } from '../src/core/i18n/pseudo.js';
import { signedInAs } from './support/adapters.js';

interface LanguageArgs {
  locale: string;
}

/**
 * The portal in each language that changes its layout: Arabic (right to left), German (long words) and
 * the pseudo-locale en-XA (every string 40 % longer and bracketed; stories and tests only). Every other
 * story follows the toolbar's locale too.
 */
const meta: Meta<LanguageArgs> = {
  title: 'Languages',
  args: { locale: 'ar-EG' },
  argTypes: { locale: { control: 'text', description: 'locale attribute of every element' } },
  loaders: [async () => ({ adapter: await signedInAs() })],
  render: (args, { loaded }) =>
    html`<portal-root .adapter=${loaded.adapter as PortalAdapter} locale=${args.locale}></portal-root>`,
};
export default meta;

type Story = StoryObj<LanguageArgs>;

/** Ada's overview in Arabic: `dir="rtl"` on the portal, digits as Intl writes them for ar-EG. */
export const ArabicPortal: Story = {};

/** Ada's overview in German. */
export const GermanPortal: Story = { args: { locale: 'de-DE' } };

/** Each element on its own, side by side, in one locale: the main content states at a glance. */
const everyElement: Story['render'] = (args, { loaded }) => {
  const adapter = loaded.adapter as PortalAdapter;
  return html`<div class="every-element">
    <portal-summary .adapter=${adapter} locale=${args.locale} navigable></portal-summary>
    <portal-invoices .adapter=${adapter} locale=${args.locale}></portal-invoices>
    <portal-invoice .adapter=${adapter} locale=${args.locale} invoice-id="inv_ada_1009"></portal-invoice>
    <portal-pay-invoice
      .adapter=${adapter}
      locale=${args.locale}
      invoice-id="inv_ada_1009"
    ></portal-pay-invoice>
    <portal-payment-methods .adapter=${adapter} locale=${args.locale}></portal-payment-methods>
    <portal-profile .adapter=${adapter} locale=${args.locale}></portal-profile>
    <portal-content .adapter=${adapter} locale=${args.locale}></portal-content>
    <portal-quick-order .adapter=${adapter} locale=${args.locale}></portal-quick-order>
  </div>`;
};

/** Every element in Arabic, laid out right to left. */
export const ArabicElements: Story = { render: everyElement };

/** Every element in the pseudo-locale: nothing is clipped when the text grows by 40 %. */
export const PseudoLocale: Story = { args: { locale: PSEUDO_LOCALE }, render: everyElement };

/** Signed out, in the pseudo-locale: the sign-in form. */
export const PseudoLocaleSignIn: Story = {
  args: { locale: PSEUDO_LOCALE },
  render: (args) => html`<portal-login .adapter=${new MemoryAdapter()} locale=${args.locale}></portal-login>`,
};
