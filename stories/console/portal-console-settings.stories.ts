import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ConsoleAdapter } from '../../src/contract/console-operations.js';
import { DEMO_SETTINGS } from '../../src/adapters/demo/demo-data.js';
import { ConsoleMemoryAdapter } from '../../src/console/adapters/console-memory-adapter.js';
import '../../src/console/elements/portal-console-settings/define.js';
import { failingConsole, signedInConsole, stuck } from './console-states.js';

interface Loaded {
  adapter: ConsoleAdapter;
}

const meta: Meta = {
  title: 'Console/portal-console-settings',
  component: 'portal-console-settings',
  render: (_args, { loaded }) =>
    html`<portal-console-settings .adapter=${(loaded as Loaded).adapter}></portal-console-settings>`,
};
export default meta;

type Story = StoryObj;

/** The demo merchant's settings, every group open. */
export const Content: Story = { loaders: [() => ({ adapter: signedInConsole() })] };

/** Few capabilities on: account creation, subscriptions and splitting closed (their details fold away). */
export const Minimal: Story = {
  loaders: [
    () => {
      const settings = structuredClone(DEMO_SETTINGS);
      settings.accountCreation.enabled = false;
      settings.invoices.splitPayments = false;
      settings.subscriptions.enabled = false;
      delete settings.quickOrderUrl;
      return { adapter: new ConsoleMemoryAdapter({ signedIn: true, settings }) };
    },
  ],
};

export const Loading: Story = {
  loaders: [() => ({ adapter: stuck(signedInConsole(), 'adminGetSettings') })],
};

export const Error: Story = {
  loaders: [() => ({ adapter: failingConsole(signedInConsole(), 'unavailable', 'adminGetSettings') })],
};
