import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PortalAdapter } from '../src/contract/adapter.js';
import { createDemoData } from '../src/adapters/demo/demo-data.js';
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import '../src/elements/portal-content/define.js';
import { failing, neverAnswering } from './support/adapters.js';

interface ContentArgs {
  locale: string;
  slug: string;
}

/** The demo merchant with no pages at all. */
function noPages(): MemoryAdapter {
  const data = createDemoData();
  data.pages = [];
  return new MemoryAdapter({ data });
}

const meta: Meta<ContentArgs> = {
  title: 'Elements/portal-content',
  component: 'portal-content',
  args: { locale: '', slug: '' },
  argTypes: {
    locale: { control: 'text', description: 'locale attribute (empty: the page’s lang)' },
    slug: { control: 'text', description: 'slug attribute: the page to show (empty: the list)' },
  },
  render: (args, { loaded }) =>
    html`<portal-content
      .adapter=${loaded.adapter as PortalAdapter}
      locale=${args.locale || undefined}
      slug=${args.slug}
    ></portal-content>`,
};
export default meta;

type Story = StoryObj<ContentArgs>;

/** The merchant's policies, contact page and custom pages, readable before sign-in. */
export const List: Story = { loaders: [() => ({ adapter: new MemoryAdapter() })] };

/** One policy with a list, emphasis and a mail link. */
export const RefundPolicy: Story = {
  args: { slug: 'refund-policy' },
  loaders: [() => ({ adapter: new MemoryAdapter() })],
};

/** A table with its caption, and an external link (same tab, no referrer). */
export const ShippingPolicy: Story = {
  args: { slug: 'shipping-policy' },
  loaders: [() => ({ adapter: new MemoryAdapter() })],
};

/** Contact details: mail and phone links, an address. */
export const Contact: Story = {
  args: { slug: 'contact' },
  loaders: [() => ({ adapter: new MemoryAdapter() })],
};

/** A pasted page carrying a script, a click handler, an iframe and a fixed overlay: only its text shows. */
export const HostilePage: Story = {
  args: { slug: 'roasting-notes' },
  loaders: [() => ({ adapter: new MemoryAdapter() })],
};

/** A slug the merchant removed. */
export const PageNotFound: Story = {
  args: { slug: 'old-terms' },
  loaders: [() => ({ adapter: new MemoryAdapter() })],
};

/** No pages yet. */
export const Empty: Story = { loaders: [() => ({ adapter: noPages() })] };

/** The list on its way. */
export const Loading: Story = {
  loaders: [() => ({ adapter: neverAnswering(new MemoryAdapter(), ['listPages']) })],
};

/** A page on its way. */
export const PageLoading: Story = {
  args: { slug: 'refund-policy' },
  loaders: [() => ({ adapter: neverAnswering(new MemoryAdapter(), ['getPage']) })],
};

/** The backend is down: a clear message and a retry. */
export const BackendUnavailable: Story = {
  loaders: [() => ({ adapter: failing(new MemoryAdapter(), ['listPages'], 'unavailable') })],
};

/** In French. */
export const French: Story = {
  args: { locale: 'fr-FR' },
  loaders: [() => ({ adapter: new MemoryAdapter() })],
};
