import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ConsoleAdapter } from '../../src/contract/console-operations.js';
import { DEMO_SETTINGS } from '../../src/adapters/demo/demo-data.js';
import { ConsoleMemoryAdapter } from '../../src/console/adapters/console-memory-adapter.js';
import '../../src/console/elements/portal-console-branding/define.js';
import { failingConsole, signedInConsole, stuck } from './console-states.js';

interface Loaded {
  adapter: ConsoleAdapter;
}

const meta: Meta = {
  title: 'Console/portal-console-branding',
  component: 'portal-console-branding',
  render: (_args, { loaded }) =>
    html`<portal-console-branding .adapter=${(loaded as Loaded).adapter}></portal-console-branding>`,
};
export default meta;

type Story = StoryObj;

/** Northwind's teal, its logo, and the preview in them. */
export const Content: Story = { loaders: [() => ({ adapter: signedInConsole() })] };

/** A light theme colour: the portal puts black text on it. */
export const LightColour: Story = {
  loaders: [
    () => {
      const settings = structuredClone(DEMO_SETTINGS);
      settings.branding.themeColor = '#facc15';
      return { adapter: new ConsoleMemoryAdapter({ signedIn: true, settings }) };
    },
  ],
};

/** No colour and no logo yet: the portal's own colours and the business name. */
export const Empty: Story = {
  loaders: [
    () => {
      const settings = structuredClone(DEMO_SETTINGS);
      delete settings.branding.themeColor;
      delete settings.branding.logoUrl;
      return { adapter: new ConsoleMemoryAdapter({ signedIn: true, settings }) };
    },
  ],
};

export const Loading: Story = {
  loaders: [() => ({ adapter: stuck(signedInConsole(), 'adminGetSettings') })],
};

export const Error: Story = {
  loaders: [() => ({ adapter: failingConsole(signedInConsole(), 'network', 'adminGetSettings') })],
};
