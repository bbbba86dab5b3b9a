import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PortalAdapter } from '../src/contract/adapter.js';
import type { PortalEvent } from '../src/core/events.js';
import '../src/elements/portal-quick-order/define.js';
import { failing, signedInAs } from './support/adapters.js';

interface QuickOrderArgs {
  locale: string;
}

/**
 * In the stories the hand-off is not followed: the story cancels it, as a single-page store routing
 * itself would, and Storybook's actions panel shows the event.
 */
function stayHere(event: PortalEvent<'portal-quick-order'>): void {
  event.preventDefault();
}

const meta: Meta<QuickOrderArgs> = {
  title: 'Elements/portal-quick-order',
  component: 'portal-quick-order',
  args: { locale: '' },
  argTypes: { locale: { control: 'text', description: 'locale attribute (empty: the page’s lang)' } },
  render: (args, { loaded }) =>
    html`<portal-quick-order
      .adapter=${loaded.adapter as PortalAdapter}
      locale=${args.locale || undefined}
      @portal-quick-order=${stayHere}
    ></portal-quick-order>`,
};
export default meta;

type Story = StoryObj<QuickOrderArgs>;

/** Ada is signed in and the merchant named a checkout: the button hands her over with a fresh token. */
export const Button: Story = { loaders: [async () => ({ adapter: await signedInAs() })] };

/** The token could not be made: press the button to see the message and its retry. */
export const HandOffFails: Story = {
  loaders: [async () => ({ adapter: failing(await signedInAs(), ['createQuickOrderToken'], 'unavailable') })],
};

/** In Spanish. */
export const Spanish: Story = {
  args: { locale: 'es' },
  loaders: [async () => ({ adapter: await signedInAs() })],
};
