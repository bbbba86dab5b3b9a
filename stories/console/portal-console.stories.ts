import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ConsoleAdapter } from '../../src/contract/console-operations.js';
import { ConsoleMemoryAdapter } from '../../src/console/adapters/console-memory-adapter.js';
import '../../src/console/elements/portal-console/define.js';
import { failingConsole, signedInConsole, stuck } from './console-states.js';

interface Args {
  locale: string;
}

interface Loaded {
  adapter: ConsoleAdapter;
}

/** The console follows the toolbar's locale (the page's `lang`), or its own `locale` when one is set here. */
const meta: Meta<Args> = {
  title: 'Console/portal-console',
  component: 'portal-console',
  args: { locale: '' },
  argTypes: { locale: { control: 'text', description: 'locale attribute (empty: the page’s lang)' } },
  render: (args, { loaded }) =>
    html`<portal-console
      .adapter=${(loaded as Loaded).adapter}
      locale=${args.locale || undefined}
      portal-url="/#account"
    ></portal-console>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Nobody signed in: the staff sign-in form (demo: owner@northwind.example / northwind-console-demo). */
export const SignIn: Story = { loaders: [() => ({ adapter: new ConsoleMemoryAdapter() })] };

/** Signed in: the navigation, the staff member, the section in the URL hash (Settings first). */
export const Content: Story = { loaders: [() => ({ adapter: signedInConsole() })] };

/** Asking who is signed in. */
export const Loading: Story = {
  loaders: [() => ({ adapter: stuck(new ConsoleMemoryAdapter(), 'staffSession') })],
};

/** The console API cannot be reached: an error with a retry. */
export const Error: Story = {
  loaders: [() => ({ adapter: failingConsole(new ConsoleMemoryAdapter(), 'network', 'staffSession') })],
};

/** Signed in, in Arabic: laid out right to left (the navigation on the right), whatever the page says. */
export const Arabic: Story = { args: { locale: 'ar-EG' }, loaders: [() => ({ adapter: signedInConsole() })] };

/** Signed in, in German: the longest words of the five languages. */
export const German: Story = { args: { locale: 'de-DE' }, loaders: [() => ({ adapter: signedInConsole() })] };

/** Nobody signed in, in French: the sign-in form, its field labels from the common French catalog. */
export const FrenchSignIn: Story = {
  args: { locale: 'fr-FR' },
  loaders: [() => ({ adapter: new ConsoleMemoryAdapter() })],
};
