import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PortalAdapter } from '../src/contract/adapter.js';
import '../src/define.js';
import type { PortalEvent } from '../src/core/events.js';
import { FakeCardFields } from './support/fake-card-fields.js';
import { failing, neverAnswering, signedInAs } from './support/adapters.js';

interface TaskArgs {
  task: string;
  invoiceId: string;
  paymentMethodId: string;
  subscriptionId: string;
  returnUrl: string;
  locale: string;
}

/** "Back to the store" is not followed in the stories: the story cancels it, as a routing page would. */
function stayHere(event: PortalEvent<'portal-task-done'>): void {
  event.preventDefault();
}

const meta: Meta<TaskArgs> = {
  title: 'Elements/portal-task',
  component: 'portal-task',
  args: {
    task: 'pay-invoice',
    invoiceId: '',
    paymentMethodId: '',
    subscriptionId: '',
    returnUrl: '',
    locale: '',
  },
  argTypes: {
    task: {
      control: 'select',
      options: [
        'pay-invoice',
        'add-payment-method',
        'replace-payment-method',
        'change-subscription',
        'cancel-subscription',
        'update-billing-details',
      ],
    },
    locale: { control: 'text', description: 'locale attribute (empty: the page’s lang)' },
  },
  loaders: [async () => ({ adapter: await signedInAs() })],
  render: (args, { loaded }) =>
    html`<portal-task
      .adapter=${loaded.adapter as PortalAdapter}
      .cardFields=${new FakeCardFields()}
      task=${args.task}
      invoice-id=${args.invoiceId}
      payment-method-id=${args.paymentMethodId}
      subscription-id=${args.subscriptionId}
      return-url=${args.returnUrl}
      locale=${args.locale || undefined}
      @portal-task-done=${stayHere}
    ></portal-task>`,
};
export default meta;

type Story = StoryObj<TaskArgs>;

/** Pay Ada’s open invoice INV-1009, and nothing else on the page. */
export const PayInvoice: Story = { args: { task: 'pay-invoice', invoiceId: 'inv_ada_1009' } };

/** Add a card: the card form, open. */
export const AddCard: Story = { args: { task: 'add-payment-method', returnUrl: '/store' } };

/** Replace the Mastercard that expires soon (the expiry reminder’s link): the new card becomes the default. */
export const ReplaceCard: Story = {
  args: { task: 'replace-payment-method', paymentMethodId: 'pm_ada_mastercard' },
};

/** Change Roaster’s Choice: the change flow, open. */
export const ChangeSubscription: Story = {
  args: { task: 'change-subscription', subscriptionId: 'sub_ada_roasters' },
};

/** Cancel Roaster’s Choice: the cancel flow, open on the merchant’s retention offer. */
export const CancelSubscription: Story = {
  args: { task: 'cancel-subscription', subscriptionId: 'sub_ada_roasters' },
};

/** Update billing details: the profile’s forms. */
export const BillingDetails: Story = { args: { task: 'update-billing-details' } };

/** Checking the task: the invoice never answers. */
export const Loading: Story = {
  args: { task: 'pay-invoice', invoiceId: 'inv_ada_1009' },
  loaders: [async () => ({ adapter: neverAnswering(await signedInAs(), ['getInvoice']) })],
};

/** The backend is unavailable: the error, with a retry. */
export const LoadError: Story = {
  args: { task: 'pay-invoice', invoiceId: 'inv_ada_1009' },
  loaders: [async () => ({ adapter: failing(await signedInAs(), ['getInvoice'], 'unavailable') })],
};

/** INV-1006 is paid: said in the task’s place. */
export const AlreadyPaid: Story = { args: { task: 'pay-invoice', invoiceId: 'inv_ada_1006' } };

/** An id that is not on the account. */
export const UnknownSubscription: Story = {
  args: { task: 'cancel-subscription', subscriptionId: 'sub_someone_else' },
};

/** The merchant turned paying online off. */
export const TurnedOff: Story = {
  args: { task: 'pay-invoice', invoiceId: 'inv_ada_1009' },
  loaders: [
    async () => {
      const adapter = await signedInAs();
      const settings = structuredClone(await adapter.getSettings());
      settings.invoices.payInvoices = false;
      adapter.updateSettings(settings);
      return { adapter };
    },
  ],
};

/** A task name the element does not know (the developer is told in the console). */
export const UnknownTask: Story = {
  args: { task: 'open-the-vault' },
  parameters: { expectedConsoleErrors: [/is not one of the tasks/] },
};

/** Replacing a card, in Arabic (right to left). */
export const Arabic: Story = {
  args: { task: 'replace-payment-method', paymentMethodId: 'pm_ada_mastercard', locale: 'ar' },
};
