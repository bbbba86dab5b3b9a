import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PortalAdapter } from '../src/contract/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import { DEMO_TEMPORARY_PASSWORD } from '../src/adapters/demo/demo-data.js';
import '../src/elements/portal-summary/define.js';
import type { InvoiceStatus } from '../src/model/index.js';
import { failing, neverAnswering, signedInAs } from './support/adapters.js';

interface SummaryArgs {
  locale: string;
  navigable: boolean;
}

/** Pays, in full with Ada's Visa, her outstanding invoices whose status `pay` picks (the demo backend records it). */
async function payAdas(
  adapter: MemoryAdapter,
  pay: (status: InvoiceStatus) => boolean,
): Promise<MemoryAdapter> {
  const { items } = await adapter.listInvoices({ filter: 'outstanding', limit: 100 });
  for (const invoice of items.filter((each) => pay(each.status))) {
    await adapter.payInvoice({
      invoiceId: invoice.id,
      allocations: [{ paymentMethodId: 'pm_ada_visa', amount: invoice.amountDue }],
      idempotencyKey: `story-summary-${invoice.id}-000000`,
    });
  }
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

/** Mary has just activated her account: no invoices and no subscriptions yet. */
async function newCustomer(): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter();
  const result = await adapter.signIn({ email: 'new@example.com', password: DEMO_TEMPORARY_PASSWORD });
  if (result.status === 'password_change_required') {
    await adapter.completePasswordChange({ challenge: result.challenge, newPassword: 'a-new-password-42' });
  }
  return adapter;
}

const meta: Meta<SummaryArgs> = {
  title: 'Elements/portal-summary',
  component: 'portal-summary',
  args: { locale: '', navigable: true },
  argTypes: {
    locale: { control: 'text', description: 'locale attribute (empty: the page’s lang)' },
    navigable: {
      control: 'boolean',
      description: 'navigable attribute: show the controls that lead to other sections (alone on a page)',
    },
  },
  render: (args, { loaded }) =>
    html`<portal-summary
      .adapter=${loaded.adapter as PortalAdapter}
      locale=${args.locale || undefined}
      ?navigable=${args.navigable}
    ></portal-summary>`,
};
export default meta;

type Story = StoryObj<SummaryArgs>;

/** Ada: a balance over several invoices (one overdue), monthly billing, auto-pay on her Visa. */
export const Content: Story = { loaders: [async () => ({ adapter: await signedInAs() })] };

/** Only the overdue invoice is left: the warning and the balance tell the same story. */
export const OverdueWarning: Story = {
  loaders: [async () => ({ adapter: await payAdas(await signedInAs(), (status) => status !== 'overdue') })],
};

/** Ada has paid everything; her subscriptions still bill, so the figures stay. */
export const AllPaidUp: Story = {
  loaders: [async () => ({ adapter: await payAdas(await signedInAs(), () => true) })],
};

/** Nothing owed and nothing scheduled: a friendly word instead of a row of zeros. */
export const NothingOwedNoSubscriptions: Story = {
  loaders: [async () => ({ adapter: await newCustomer() })],
};

/** The summary on its way: a skeleton with the figures’ footprint. */
export const Loading: Story = {
  loaders: [async () => ({ adapter: neverAnswering(await signedInAs(), ['getBillingSummary']) })],
};

/** The backend is down: a clear message and a retry. */
export const BackendUnavailable: Story = {
  loaders: [async () => ({ adapter: failing(await signedInAs(), ['getBillingSummary'], 'unavailable') })],
};

/** Analytical Engines Ltd in French: euros, yearly billing, auto-pay off. */
export const French: Story = {
  args: { locale: 'fr-FR' },
  loaders: [async () => ({ adapter: await analytical() })],
};
