import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PortalAdapter } from '../src/contract/adapter.js';
import type { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import '../src/elements/portal-invoice/define.js';
import type { PortalSettings } from '../src/model/index.js';
import { failing, neverAnswering, signedInAs } from './support/adapters.js';

interface InvoiceArgs {
  invoiceId: string;
  locale: string;
}

/** Ada on the demo backend, whose merchant changed some settings (the adapter validates them). */
async function adaWithSettings(change: (settings: PortalSettings) => void): Promise<MemoryAdapter> {
  const adapter = await signedInAs();
  const settings = structuredClone(await adapter.getSettings());
  change(settings);
  adapter.updateSettings(settings);
  return adapter;
}

const meta: Meta<InvoiceArgs> = {
  title: 'Elements/portal-invoice',
  component: 'portal-invoice',
  args: { invoiceId: 'inv_ada_1009', locale: '' },
  argTypes: {
    invoiceId: {
      control: 'select',
      options: [
        'inv_ada_1009',
        'inv_ada_1008',
        'inv_ada_1007',
        'ord_ada_2004',
        'inv_ada_1006',
        'inv_ada_1005',
        'ord_ada_2003',
        'inv_ada_1003',
      ],
      description: 'invoice-id attribute (Ada’s demo invoices and orders)',
    },
    locale: { control: 'text', description: 'locale attribute (empty: the page’s lang)' },
  },
  loaders: [async () => ({ adapter: await signedInAs() })],
  render: (args, { loaded }) =>
    html`<portal-invoice
      .adapter=${loaded.adapter as PortalAdapter}
      invoice-id=${args.invoiceId}
      locale=${ifDefined(args.locale || undefined)}
    ></portal-invoice>`,
};
export default meta;

type Story = StoryObj<InvoiceArgs>;

/** INV-1009: open, two lines and a sales tax; Pay opens the payment in place. */
export const OpenInvoice: Story = {};

/** INV-1008: past its due date, with the merchant’s reminder. */
export const Overdue: Story = { args: { invoiceId: 'inv_ada_1008' } };

/** INV-1007: $100.00 paid with the Visa, the rest still due. */
export const PartiallyPaid: Story = { args: { invoiceId: 'inv_ada_1007' } };

/** ORD-2004: a paid order with the merchant’s UPS tracking number; Ada can reply. */
export const PaidOrderWithTrackingNote: Story = { args: { invoiceId: 'ord_ada_2004' } };

/** INV-1005: void, nothing to pay, and the merchant’s note saying why. */
export const Void: Story = { args: { invoiceId: 'inv_ada_1005' } };

/** The merchant turned off customer notes and PDF downloads: no reply form, no PDF button. */
export const NotesAndPdfOff: Story = {
  args: { invoiceId: 'ord_ada_2004' },
  loaders: [
    async () => ({
      adapter: await adaWithSettings((settings) => {
        settings.invoices.customerNotes = false;
        settings.invoices.downloadPdf = false;
      }),
    }),
  ],
};

/** The merchant takes no payments in the portal: no Pay button on an open invoice. */
export const PaymentsOff: Story = {
  loaders: [
    async () => ({
      adapter: await adaWithSettings((settings) => {
        settings.invoices.payInvoices = false;
      }),
    }),
  ],
};

/** Another customer’s invoice answers like an unknown one: a clear message, no retry. */
export const NotFound: Story = { args: { invoiceId: 'inv_analytical_301' } };

/** The invoice still loading: a skeleton about its size. */
export const Loading: Story = {
  loaders: [async () => ({ adapter: neverAnswering(await signedInAs(), ['getInvoice']) })],
};

/** The backend is unreachable: the reason and a retry. */
export const ErrorState: Story = {
  loaders: [async () => ({ adapter: failing(await signedInAs(), ['getInvoice'], 'network') })],
};

/** INV-1007 in French: words, dates, dollars written the French way, the tax rate. */
export const French: Story = { args: { invoiceId: 'inv_ada_1007', locale: 'fr-FR' } };
