import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PortalAdapter } from '../src/contract/adapter.js';
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import { PortalError } from '../src/contract/errors.js';
import '../src/elements/portal-invoices/define.js';
import type { PortalInvoices } from '../src/elements/portal-invoices/portal-invoices.js';
import type { InvoiceFilter, InvoiceListQuery } from '../src/model/index.js';
import { failing, neverAnswering, signedInAs } from './support/adapters.js';

interface InvoicesArgs {
  filter: InvoiceFilter;
  pageSize: number;
  locale: string;
}

/** Pays every outstanding invoice of Ada in full with her Visa, as the demo backend records it. */
async function payEverything(adapter: MemoryAdapter): Promise<MemoryAdapter> {
  const { items } = await adapter.listInvoices({ filter: 'outstanding', limit: 100 });
  for (const invoice of items) {
    await adapter.payInvoice({
      invoiceId: invoice.id,
      allocations: [{ paymentMethodId: 'pm_ada_visa', amount: invoice.amountDue }],
      idempotencyKey: `story-invoices-${invoice.id}-000000`,
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

/** The first page answers; every later page fails once, as a dropped connection would. */
function laterPagesFail(inner: MemoryAdapter): PortalAdapter {
  return new Proxy(inner, {
    get(target, name, receiver) {
      if (name === 'listInvoices') {
        return (query: InvoiceListQuery) =>
          query.cursor
            ? Promise.reject(new PortalError('network', 'story: the next page failed'))
            : target.listInvoices(query);
      }
      const value = Reflect.get(target, name, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Presses "Load more" once the first page is on screen (Storybook runs this after rendering). */
async function loadMoreOnce(canvasElement: HTMLElement): Promise<void> {
  const list = canvasElement.querySelector<PortalInvoices>('portal-invoices');
  for (let frame = 0; list && frame < 600; frame += 1) {
    await list.updateComplete;
    const button = list.shadowRoot?.querySelector<HTMLButtonElement>('button.load-more');
    if (button) {
      button.click();
      return;
    }
    await new Promise(requestAnimationFrame);
  }
}

const meta: Meta<InvoicesArgs> = {
  title: 'Elements/portal-invoices',
  component: 'portal-invoices',
  args: { filter: 'all', pageSize: 25, locale: '' },
  argTypes: {
    filter: {
      control: 'inline-radio',
      options: ['all', 'outstanding', 'paid'],
      description: 'filter attribute',
    },
    pageSize: { control: { type: 'number', min: 1, max: 100 }, description: 'page-size attribute' },
    locale: { control: 'text', description: 'locale attribute (empty: the page’s lang)' },
  },
  render: (args, { loaded }) =>
    html`<portal-invoices
      .adapter=${loaded.adapter as PortalAdapter}
      filter=${args.filter}
      page-size=${args.pageSize}
      locale=${args.locale || undefined}
    ></portal-invoices>`,
};
export default meta;

type Story = StoryObj<InvoicesArgs>;

/** Ada’s invoices and orders in every status, newest first. */
export const All: Story = { loaders: [async () => ({ adapter: await signedInAs() })] };

/** What still has something to pay: open, overdue and partially paid. */
export const Outstanding: Story = {
  args: { filter: 'outstanding' },
  loaders: [async () => ({ adapter: await signedInAs() })],
};

/** What is settled: paid and refunded. */
export const Paid: Story = {
  args: { filter: 'paid' },
  loaders: [async () => ({ adapter: await signedInAs() })],
};

/** A filter that matches nothing: Ada has paid everything. */
export const EmptyFilter: Story = {
  args: { filter: 'outstanding' },
  loaders: [async () => ({ adapter: await payEverything(await signedInAs()) })],
};

/** 10,000 invoices: the first page only, and "Load more" for the rest. */
export const TenThousandInvoices: Story = {
  loaders: [async () => ({ adapter: await signedInAs('ada@example.com', { extraInvoices: 10_000 }) })],
};

/** The first page on its way: skeleton rows of the real rows’ height. */
export const Loading: Story = {
  loaders: [async () => ({ adapter: neverAnswering(await signedInAs(), ['listInvoices']) })],
};

/** The list cannot be loaded: a clear message and a retry. */
export const BackendUnavailable: Story = {
  loaders: [async () => ({ adapter: failing(await signedInAs(), ['listInvoices'], 'network') })],
};

/**
 * The second page fails: the rows already shown stay, with a retry at the bottom. (Storybook presses
 * "Load more" for you; the every-story test renders the state before it.)
 */
export const ErrorOnLaterPage: Story = {
  args: { pageSize: 4 },
  loaders: [async () => ({ adapter: laterPagesFail(await signedInAs()) })],
  play: ({ canvasElement }) => loadMoreOnce(canvasElement),
};

/** Analytical Engines Ltd in French, in euros. */
export const French: Story = {
  args: { locale: 'fr-FR' },
  loaders: [async () => ({ adapter: await analytical() })],
};
