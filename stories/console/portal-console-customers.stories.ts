import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../../src/console/elements/portal-console-customers/define.js';
import type { ConsoleAdapter } from '../../src/contract/console-operations.js';
import {
  consoleFailing,
  consoleNeverAnswering,
  consoleWith,
  press,
  signedInConsole,
  whenShown,
} from '../support/console-adapters.js';

interface Loaded {
  adapter: ConsoleAdapter;
  /** Drives the section into a mid-flow state once it has loaded, as a merchant would. */
  drive?: (root: ShadowRoot) => void;
}

const meta: Meta = {
  title: 'Console/portal-console-customers',
  component: 'portal-console-customers',
  render: (_args, { loaded: data }) => {
    const { adapter, drive } = data as Loaded;
    return html`<portal-console-customers
      .adapter=${adapter}
      ${ref((node) => node && drive && void whenShown(node, 'tbody tr', drive))}
    ></portal-console-customers>`;
  },
};
export default meta;

type Story = StoryObj;

/** The demo customers: active, never activated, must change password, locked. */
export const Content: Story = { loaders: [() => ({ adapter: signedInConsole() })] };

/** More customers than a page holds: next and previous pages. */
export const Paged: Story = { loaders: [() => ({ adapter: signedInConsole({ extraCustomers: 30 }) })] };

/** Locking asks first. */
export const ConfirmLock: Story = {
  loaders: [
    () => ({
      adapter: signedInConsole(),
      drive: (root: ShadowRoot) =>
        press(root.querySelector('[aria-label="Actions for Ada Lovelace"]') ?? root, 'Lock'),
    }),
  ],
};

/** The merchant has no customers yet. */
export const Empty: Story = {
  loaders: [
    () => ({
      adapter: consoleWith(signedInConsole(), {
        adminListCustomers: () => Promise.resolve({ items: [], nextCursor: null }),
      }),
    }),
  ],
};

export const Loading: Story = {
  loaders: [() => ({ adapter: consoleNeverAnswering(signedInConsole(), ['adminListCustomers']) })],
  parameters: { settle: 'never' },
};

export const LoadError: Story = {
  loaders: [() => ({ adapter: consoleFailing(signedInConsole(), ['adminListCustomers'], 'unavailable') })],
};
