import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import '../src/elements/portal-root/define.js';
import { failing, neverAnswering, previewing, signedInAs } from './support/adapters.js';

interface RootArgs {
  themeColor: string;
  locale: string;
  logo: string;
}

/** A same-origin logo file, resolved by Vite in Storybook and by the dev server in tests. */
const logoFile = new URL('./assets/northwind-logo.png', import.meta.url).href;

const meta: Meta<RootArgs> = {
  title: 'Elements/portal-root',
  component: 'portal-root',
  args: { themeColor: '', locale: '', logo: '' },
  argTypes: {
    themeColor: { control: 'color', description: 'theme-color attribute (empty: the backend’s branding)' },
    locale: { control: 'text', description: 'locale attribute (empty: the page’s lang)' },
    logo: { control: 'text', description: 'logo attribute (empty: the backend’s branding)' },
  },
  render: (args, { loaded }) =>
    html`<portal-root
      .adapter=${(loaded.adapter as MemoryAdapter | undefined) ?? new MemoryAdapter()}
      theme-color=${args.themeColor || undefined}
      locale=${args.locale || undefined}
      logo=${args.logo || undefined}
    ></portal-root>`,
};
export default meta;

type Story = StoryObj<RootArgs>;

/** Nobody signed in: the merchant's branding and the sign-in form. */
export const SignedOut: Story = {};

/** Ada signed in: the account shell with the sections that exist. */
export const SignedIn: Story = { loaders: [async () => ({ adapter: await signedInAs() })] };

/** A member of Analytical Engines Ltd (EUR), in French. */
export const French: Story = {
  args: { locale: 'fr-FR' },
  loaders: [
    async () => {
      const adapter = new MemoryAdapter();
      await adapter.requestMagicLink({ email: 'grace@example.net' });
      const token = /portal-magic-token=([\w-]+)/.exec(adapter.outbox.at(-1)?.text ?? '')?.[1] ?? '';
      await adapter.verifyMagicLink({ token });
      return { adapter };
    },
  ],
};

/** The merchant overrides the backend's colour and logo with attributes. */
export const CustomBranding: Story = {
  args: { themeColor: '#7c3aed', logo: logoFile },
  loaders: [async () => ({ adapter: await signedInAs() })],
};

/** Settings and session still loading: a skeleton the size of the shell. */
export const Loading: Story = {
  loaders: [() => ({ adapter: neverAnswering(new MemoryAdapter(), ['getSettings', 'getSession']) })],
};

/** The backend is down: a clear message and a retry. */
export const BackendUnavailable: Story = {
  loaders: [() => ({ adapter: failing(new MemoryAdapter(), ['getSettings'], 'unavailable') })],
};

/** The merchant previewing the portal as Ada: a banner, every change unavailable, End preview to leave. */
export const Preview: Story = { loaders: [async () => ({ adapter: await previewing() })] };
