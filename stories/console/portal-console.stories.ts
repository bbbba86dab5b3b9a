import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ConsoleAdapter } from '../../src/contract/console-operations.js';
import { ConsoleMemoryAdapter } from '../../src/console/adapters/console-memory-adapter.js';
import '../../src/console/elements/portal-console/define.js';
import { failingConsole, signedInConsole, stuck } from './console-states.js';

interface Loaded {
  adapter: ConsoleAdapter;
}

const meta: Meta = {
  title: 'Console/portal-console',
  component: 'portal-console',
  render: (_args, { loaded }) =>
    html`<portal-console .adapter=${(loaded as Loaded).adapter} portal-url="/#account"></portal-console>`,
};
export default meta;

type Story = StoryObj;

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
