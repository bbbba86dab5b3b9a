import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ConsoleMemoryAdapter } from '../../src/console/adapters/console-memory-adapter.js';
import '../../src/console/elements/portal-console-sign-in/define.js';

interface Args {
  notice: string;
}

/** The staff sign-in `<portal-console>` shows while nobody is signed in, here on its own. */
const meta: Meta<Args> = {
  title: 'Console/portal-console-sign-in',
  component: 'portal-console-sign-in',
  args: { notice: '' },
  render: ({ notice }) =>
    html`<portal-console-sign-in
      .adapter=${new ConsoleMemoryAdapter()}
      notice=${notice}
    ></portal-console-sign-in>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Email and password (demo: owner@northwind.example / northwind-console-demo). */
export const Form: Story = {};

/** After the session ended: the notice above the form says why. */
export const SessionEnded: Story = { args: { notice: 'Your session ended. Sign in again to continue.' } };
