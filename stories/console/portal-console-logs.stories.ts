import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../../src/console/elements/portal-console-logs/define.js';
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
  drive?: (root: ShadowRoot) => void;
}

const meta: Meta = {
  title: 'Console/portal-console-logs',
  component: 'portal-console-logs',
  render: (_args, { loaded: data }) => {
    const { adapter, drive } = data as Loaded;
    return html`<portal-console-logs
      .adapter=${adapter}
      ${ref((node) => node && drive && void whenShown(node, 'tbody tr', drive))}
    ></portal-console-logs>`;
  },
};
export default meta;

type Story = StoryObj;

/** Thirty days of sign-in attempts, newest first, a page at a time. */
export const Content: Story = { loaders: [() => ({ adapter: signedInConsole() })] };

/** Only the failed attempts. */
export const Failures: Story = {
  loaders: [
    () => ({
      adapter: signedInConsole(),
      drive: (root: ShadowRoot) => {
        const result = root.querySelector<HTMLSelectElement>('select[name="result"]')!;
        result.value = 'failure';
        result.dispatchEvent(new Event('change'));
        press(root, 'Show');
      },
    }),
  ],
};

/** A date range that ends before it starts: refused at the field. */
export const BackwardsRange: Story = {
  loaders: [
    () => ({
      adapter: signedInConsole(),
      drive: (root: ShadowRoot) => {
        for (const [name, value] of [
          ['from', '2026-11-28'],
          ['to', '2026-11-01'],
        ]) {
          const input = root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
          input.value = value;
          input.dispatchEvent(new Event('input'));
        }
        press(root, 'Show');
      },
    }),
  ],
};

/** Nobody has tried to sign in yet. */
export const Empty: Story = {
  loaders: [
    () => ({
      adapter: consoleWith(signedInConsole(), {
        adminListAccessLogs: () => Promise.resolve({ items: [], nextCursor: null }),
      }),
    }),
  ],
};

export const Loading: Story = {
  loaders: [() => ({ adapter: consoleNeverAnswering(signedInConsole(), ['adminListAccessLogs']) })],
  parameters: { settle: 'never' },
};

export const LoadError: Story = {
  loaders: [() => ({ adapter: consoleFailing(signedInConsole(), ['adminListAccessLogs'], 'unavailable') })],
};

/** The export failed: said beside the filters. */
export const ExportError: Story = {
  loaders: [
    () => ({
      adapter: consoleFailing(signedInConsole(), ['adminExportAccessLogs'], 'rate_limited'),
      drive: (root: ShadowRoot) => press(root, 'Export CSV'),
    }),
  ],
};
