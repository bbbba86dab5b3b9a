import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import type { PortalAdapter } from '../src/contract/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import { PortalError } from '../src/contract/errors.js';
import '../src/elements/portal-pay-invoice/define.js';
import type { PortalPayInvoice } from '../src/elements/portal-pay-invoice/portal-pay-invoice.js';
import type { PayInvoice, PaymentReceipt, PortalSettings } from '../src/model/index.js';
import { failing, neverAnswering, previewing, signedInAs } from './support/adapters.js';
import { FakeCardFields } from './support/fake-card-fields.js';

interface PayArgs {
  invoiceId: string;
  locale: string;
}

interface Loaded {
  adapter?: PortalAdapter;
  receipt?: PaymentReceipt;
}

/** Ada on the demo backend, whose merchant changed some settings (the adapter validates them). */
async function adaWithSettings(change: (settings: PortalSettings) => void): Promise<MemoryAdapter> {
  const adapter = await signedInAs();
  const settings = structuredClone(await adapter.getSettings());
  change(settings);
  adapter.updateSettings(settings);
  return adapter;
}

/** A member of Analytical Engines Ltd (EUR), signed in through an emailed link. */
async function analytical(): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter();
  await adapter.requestMagicLink({ email: 'grace@example.net' });
  const token = /portal-magic-token=([\w-]+)/.exec(adapter.outbox.at(-1)?.text ?? '')?.[1] ?? '';
  await adapter.verifyMagicLink({ token });
  return adapter;
}

/**
 * The backend charges, then the answer is lost on the way back, once: the payment's outcome is unknown
 * until "Check again" re-sends it with the same key and the backend replays the receipt.
 */
function answerLostOnce(inner: MemoryAdapter): PortalAdapter {
  let lost = false;
  return new Proxy(inner, {
    get(target, name, receiver) {
      if (name === 'payInvoice') {
        return async (input: PayInvoice) => {
          const receipt = await target.payInvoice(input);
          if (lost) return receipt;
          lost = true;
          throw new PortalError('network', 'story: the connection dropped after the charge');
        };
      }
      const value = Reflect.get(target, name, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

// Driving the element into a state, as a customer would. The every-story test runs no `play`
// functions, so the stories that start mid-flow do it from a ref once the element is in the page.

async function formOf(el: PortalPayInvoice): Promise<ShadowRoot> {
  for (let frame = 0; frame < 600; frame += 1) {
    await el.updateComplete;
    if (el.shadowRoot?.querySelector('form')) return el.shadowRoot;
    await new Promise(requestAnimationFrame);
  }
  throw new Error('the payment form did not load');
}

function press(root: ShadowRoot, name: string): void {
  const button = [...root.querySelectorAll('button')].find(
    (each) => (each.getAttribute('aria-label') ?? each.textContent?.trim()) === name,
  );
  button?.click();
}

function typeInto(input: HTMLInputElement | null | undefined, value: string): void {
  if (!input) return;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Runs `steps` once per element, after it has loaded, in the element's own language. */
function drive(steps: (el: PortalPayInvoice, root: ShadowRoot) => Promise<void> | void) {
  const driven = new WeakSet<Element>();
  return ref((node) => {
    if (!node || driven.has(node)) return;
    driven.add(node);
    const el = node as PortalPayInvoice;
    void formOf(el).then((root) => steps(el, root));
  });
}

async function startSplit(el: PortalPayInvoice, root: ShadowRoot): Promise<void> {
  press(root, el.t.pay.splitStart);
  await el.updateComplete;
  const amounts = root.querySelectorAll<HTMLInputElement>('[part~="split-row"] input');
  typeInto(amounts[0], '30.00');
  await el.updateComplete;
}

const meta: Meta<PayArgs> = {
  title: 'Elements/portal-pay-invoice',
  component: 'portal-pay-invoice',
  args: { invoiceId: 'inv_ada_1009', locale: '' },
  argTypes: {
    invoiceId: {
      control: 'select',
      options: ['inv_ada_1009', 'inv_ada_1008', 'inv_ada_1007', 'ord_ada_2004', 'inv_ada_1005'],
      description: 'invoice-id attribute (Ada’s demo invoices and orders)',
    },
    locale: { control: 'text', description: 'locale attribute (empty: the page’s lang)' },
  },
  loaders: [async () => ({ adapter: await signedInAs() })],
  render: (args, { loaded }) => {
    const { adapter, receipt } = loaded as Loaded;
    return html`<portal-pay-invoice
      .adapter=${adapter}
      .receipt=${receipt}
      invoice-id=${args.invoiceId}
      locale=${ifDefined(args.locale || undefined)}
    ></portal-pay-invoice>`;
  },
};
export default meta;

type Story = StoryObj<PayArgs>;

/** INV-1009 ($71.99): the amount due with the default Visa, the expiring Mastercard flagged. */
export const FullPayment: Story = {};

/** Paying part of INV-1007: the amount field in the customer’s locale, with the limit. */
export const PartialPayment: Story = {
  args: { invoiceId: 'inv_ada_1007' },
  render: (args, { loaded }) =>
    html`<portal-pay-invoice
      .adapter=${(loaded as Loaded).adapter}
      invoice-id=${args.invoiceId}
      locale=${ifDefined(args.locale || undefined)}
      ${drive(async (el, root) => {
        root.querySelector<HTMLInputElement>('input[name="amount-mode"][value="part"]')?.click();
        await el.updateComplete;
        typeInto(root.querySelector<HTMLInputElement>('input[inputmode="decimal"]'), '25.00');
      })}
    ></portal-pay-invoice>`,
};

/** Two rows, the first changed to $30.00: the remainder left to allocate shows and is announced. */
export const SplitInProgress: Story = {
  render: (args, { loaded }) =>
    html`<portal-pay-invoice
      .adapter=${(loaded as Loaded).adapter}
      invoice-id=${args.invoiceId}
      locale=${ifDefined(args.locale || undefined)}
      ${drive(startSplit)}
    ></portal-pay-invoice>`,
};

/**
 * "A new card" chosen: the provider's fields (here the in-page test double) under the method choice. On
 * Pay the card is saved, then charged; a card the bank refuses is not saved and nothing is charged.
 */
export const NewCard: Story = {
  render: (args, { loaded }) =>
    html`<portal-pay-invoice
      .adapter=${(loaded as Loaded).adapter}
      .cardFields=${new FakeCardFields()}
      invoice-id=${args.invoiceId}
      locale=${ifDefined(args.locale || undefined)}
      ${drive(async (el, root) => {
        root.querySelector<HTMLInputElement>('input[name="method"][value="new-card"]')?.click();
        for (let frame = 0; frame < 600 && !el.querySelector('input[name="fake-card-number"]'); frame += 1) {
          await new Promise(requestAnimationFrame);
        }
        typeInto(el.querySelector<HTMLInputElement>('input[name="fake-card-number"]'), '4242424242424242');
      })}
    ></portal-pay-invoice>`,
};

/** The review of a split: what goes on which method, the total, and what stays due. */
export const ReviewStep: Story = {
  render: (args, { loaded }) =>
    html`<portal-pay-invoice
      .adapter=${(loaded as Loaded).adapter}
      invoice-id=${args.invoiceId}
      locale=${ifDefined(args.locale || undefined)}
      ${drive(async (el, root) => {
        await startSplit(el, root);
        const rest = root.querySelectorAll<HTMLButtonElement>('[part~="split-row"] .row-actions button');
        rest[2]?.click();
        await el.updateComplete;
        press(root, el.t.pay.review);
      })}
    ></portal-pay-invoice>`,
};

/**
 * A split where the second card is declined: $50.00 charged to the Visa, $21.99 on a declining test card
 * not charged, and the offer to pay the rest with another method. The payment is made in the loader; the
 * element starts at its receipt.
 */
export const DeclinedAllocationReceipt: Story = {
  loaders: [
    async () => {
      const adapter = await adaWithSettings((settings) => {
        settings.paymentMethods.verifyNewCards = false;
      });
      const declining = await adapter.addCard({
        token: `tok_visa_declined_12${new Date().getUTCFullYear() + 2}`,
      });
      const receipt = await adapter.payInvoice({
        invoiceId: 'inv_ada_1009',
        allocations: [
          { paymentMethodId: 'pm_ada_visa', amount: { amount: 5000, currency: 'USD' } },
          { paymentMethodId: declining.id, amount: { amount: 2199, currency: 'USD' } },
        ],
        idempotencyKey: 'story-declined-allocation-0001',
      });
      return { adapter, receipt };
    },
  ],
};

/**
 * The answer to "Pay" was lost: the outcome is unknown, the element says not to pay again, and "Check
 * again" re-sends the same request (the demo backend then replays its receipt, charging once).
 */
export const UnknownOutcome: Story = {
  loaders: [async () => ({ adapter: answerLostOnce(await signedInAs()) })],
  render: (args, { loaded }) =>
    html`<portal-pay-invoice
      .adapter=${(loaded as Loaded).adapter}
      invoice-id=${args.invoiceId}
      locale=${ifDefined(args.locale || undefined)}
      ${drive(async (el, root) => {
        press(root, el.t.pay.review);
        await el.updateComplete;
        root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      })}
    ></portal-pay-invoice>`,
};

/** ORD-2004 is paid: nothing to pay, said plainly. */
export const NothingToPay: Story = { args: { invoiceId: 'ord_ada_2004' } };

/** The merchant takes no payments in the portal: an explanation and their address, no form. */
export const PaymentsOff: Story = {
  loaders: [
    async () => ({
      adapter: await adaWithSettings((settings) => {
        settings.invoices.payInvoices = false;
      }),
    }),
  ],
};

/** No partial payments and no split: the amount due with one method, nothing else to choose. */
export const FullOnly: Story = {
  loaders: [
    async () => ({
      adapter: await adaWithSettings((settings) => {
        settings.invoices.partialPayments = false;
        settings.invoices.splitPayments = false;
      }),
    }),
  ],
};

/** The payment methods still loading: a skeleton the size of the form. */
export const Loading: Story = {
  loaders: [async () => ({ adapter: neverAnswering(await signedInAs(), ['listPaymentMethods']) })],
};

/** The backend is unreachable: the reason and a retry. */
export const ErrorState: Story = {
  loaders: [async () => ({ adapter: failing(await signedInAs(), ['getInvoice'], 'network') })],
};

/** Analytical Engines Ltd pays INV-0301 in French, in euros. */
export const FrenchEuro: Story = {
  args: { invoiceId: 'inv_analytical_301', locale: 'fr-FR' },
  loaders: [async () => ({ adapter: await analytical() })],
};

/** The merchant previewing Ada's INV-1008: the review shows what would be charged; Pay is unavailable. */
export const PreviewReview: Story = {
  args: { invoiceId: 'inv_ada_1008' },
  loaders: [async () => ({ adapter: await previewing() })],
  render: (args, { loaded }) =>
    html`<portal-pay-invoice
      .adapter=${(loaded as Loaded).adapter}
      invoice-id=${args.invoiceId}
      locale=${ifDefined(args.locale || undefined)}
      ${drive(async (el, root) => {
        await el.updateComplete;
        press(root, el.t.pay.review);
      })}
    ></portal-pay-invoice>`,
};
