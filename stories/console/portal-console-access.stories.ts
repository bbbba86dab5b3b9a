import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../../src/console/elements/portal-console-access/define.js';
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
  drive?: (root: ShadowRoot) => void | Promise<void>;
}

const meta: Meta = {
  title: 'Console/portal-console-access',
  component: 'portal-console-access',
  render: (_args, { loaded: data }) => {
    const { adapter, drive } = data as Loaded;
    return html`<portal-console-access
      .adapter=${adapter}
      ${ref((node) => node && drive && void whenShown(node, 'select option[value="cus_ada"]', drive))}
    ></portal-console-access>`;
  },
};
export default meta;

type Story = StoryObj;

/** Analytical Engines' domain and Grace's address, and the form that grants more. */
export const Content: Story = { loaders: [() => ({ adapter: signedInConsole() })] };

/** "Grant access" pressed with nothing chosen: the problems at their fields. */
export const Invalid: Story = {
  loaders: [() => ({ adapter: signedInConsole(), drive: (root: ShadowRoot) => press(root, 'Grant access') })],
};

/** An address at a domain another account already has: the refusal names that rule. */
export const Overlap: Story = {
  loaders: [
    () => ({
      adapter: signedInConsole(),
      drive: (root: ShadowRoot) => {
        const select = root.querySelector<HTMLSelectElement>('select[name="customerId"]')!;
        select.value = 'cus_ada';
        select.dispatchEvent(new Event('change'));
        const email = root.querySelector<HTMLInputElement>('input[name="kind"][value="email"]')!;
        email.checked = true;
        email.dispatchEvent(new Event('change'));
        return whenShown(root.host, 'input[name="value"][type="email"]', (shadow) => {
          const value = shadow.querySelector<HTMLInputElement>('input[name="value"]')!;
          value.value = 'someone@analytical.example';
          value.dispatchEvent(new Event('input'));
          press(shadow, 'Grant access');
        });
      },
    }),
  ],
};

/** Removing asks first. */
export const ConfirmRemove: Story = {
  loaders: [
    () => ({
      adapter: signedInConsole(),
      drive: (root: ShadowRoot) => press(root, 'Remove grace@example.net from CUST-0002'),
    }),
  ],
};

/** No rules: everybody signs in with a password. */
export const Empty: Story = {
  loaders: [
    () => ({ adapter: consoleWith(signedInConsole(), { adminListAccessRules: () => Promise.resolve([]) }) }),
  ],
};

export const Loading: Story = {
  loaders: [
    () => ({
      adapter: consoleNeverAnswering(signedInConsole(), ['adminListAccessRules', 'adminListCustomers']),
    }),
  ],
  parameters: { settle: 'never' },
};

export const LoadError: Story = {
  loaders: [() => ({ adapter: consoleFailing(signedInConsole(), ['adminListAccessRules'], 'unavailable') })],
};
