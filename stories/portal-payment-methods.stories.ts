import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { PortalAdapter } from '../src/contract/adapter.js';
import '../src/elements/portal-payment-methods/define.js';
import type { PortalPaymentMethods } from '../src/elements/portal-payment-methods/portal-payment-methods.js';
import type { CardFieldsProvider } from '../src/providers/card-fields.js';
import { failing, neverAnswering, signedInAs } from './support/adapters.js';
import { FakeCardFields } from './support/fake-card-fields.js';
import { adaWith, onlyMethods, settingsOff, withExpiredCard } from './support/payment-method-states.js';
import { DEMO_TEMPORARY_PASSWORD } from '../src/adapters/demo/demo-data.js';
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';

interface Args {
  locale: string;
}

interface Loaded {
  adapter: PortalAdapter;
  /** The in-page card-fields TEST DOUBLE (stories cannot serve the real fields' second origin). */
  cardFields?: CardFieldsProvider;
  /** Drives the element into a mid-flow state once it has loaded, as a customer would. */
  drive?: (el: PortalPaymentMethods, root: ShadowRoot) => Promise<void>;
}

/** Mary has just activated her account: nothing on file. */
async function signedInMary(): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter();
  const result = await adapter.signIn({ email: 'new@example.com', password: DEMO_TEMPORARY_PASSWORD });
  if (result.status === 'password_change_required') {
    await adapter.completePasswordChange({ challenge: result.challenge, newPassword: 'a-new-password-42' });
  }
  return adapter;
}

// The every-story test runs no `play` functions, so stories that start mid-flow drive the element from
// a ref once it is in the page.

async function loaded(el: PortalPaymentMethods): Promise<ShadowRoot> {
  for (let frame = 0; frame < 600; frame += 1) {
    await el.updateComplete;
    if (el.shadowRoot?.querySelector('.method, .empty')) return el.shadowRoot;
    await new Promise(requestAnimationFrame);
  }
  throw new Error('the payment methods did not load');
}

function press(root: ShadowRoot, name: string): void {
  [...root.querySelectorAll('button')]
    .find((each) => (each.getAttribute('aria-label') ?? each.textContent?.trim()) === name)
    ?.click();
}

/** Opens "Add a card", types `number` into the test double and saves. */
function addCard(number: string) {
  return async (el: PortalPaymentMethods, root: ShadowRoot) => {
    press(root, el.t.paymentMethods.addCard);
    for (let frame = 0; frame < 600; frame += 1) {
      const input = el.querySelector<HTMLInputElement>('input[name="fake-card-number"]');
      if (input) {
        input.value = number;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await el.updateComplete;
        press(root, el.t.paymentMethods.saveCard);
        return;
      }
      await new Promise(requestAnimationFrame);
    }
  };
}

function driver(drive: Loaded['drive']) {
  const driven = new WeakSet<Element>();
  return ref((node) => {
    if (!node || !drive || driven.has(node)) return;
    driven.add(node);
    const el = node as PortalPaymentMethods;
    void loaded(el).then((root) => drive(el, root));
  });
}

const meta: Meta<Args> = {
  title: 'Elements/portal-payment-methods',
  component: 'portal-payment-methods',
  args: { locale: '' },
  argTypes: { locale: { control: 'text', description: 'locale attribute (empty: the page’s lang)' } },
  render: (args, { loaded: data }) => {
    const { adapter, cardFields, drive } = data as Loaded;
    return html`<portal-payment-methods
      .adapter=${adapter}
      .cardFields=${cardFields ?? new FakeCardFields()}
      locale=${args.locale || undefined}
      ${driver(drive)}
    ></portal-payment-methods>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Ada: her default Visa, a Mastercard that expires within 60 days, a bank account. */
export const Content: Story = { loaders: [async () => ({ adapter: await signedInAs() })] };

/** Nothing on file yet: the way to add one. */
export const Empty: Story = { loaders: [async () => ({ adapter: await signedInMary() })] };

/** One card and nothing else; the merchant does not require a card on file, so it can go. */
export const OneCard: Story = {
  loaders: [
    async () => ({
      adapter: await adaWith(onlyMethods('pm_ada_visa'), (pm) => (pm.cardOnFileRequired = false)),
    }),
  ],
};

/** The only card expires within 60 days. */
export const Expiring: Story = {
  loaders: [async () => ({ adapter: await adaWith(onlyMethods('pm_ada_mastercard', 'pm_ada_bank')) })],
};

/** An expired card beside the others: flagged, never offered as the default. */
export const Expired: Story = { loaders: [async () => ({ adapter: await adaWith(withExpiredCard) })] };

/** The last card while the merchant requires one on file: its Remove says why it is unavailable. */
export const RequiredLastCard: Story = {
  loaders: [async () => ({ adapter: await adaWith(onlyMethods('pm_ada_visa', 'pm_ada_bank')) })],
};

/** Only a bank account: it has no remove action. */
export const BankOnly: Story = {
  loaders: [async () => ({ adapter: await adaWith(onlyMethods('pm_ada_bank')) })],
};

/** The merchant turned off adding, removing and choosing the default: the list, read-only. */
export const SettingsOff: Story = {
  loaders: [async () => ({ adapter: await adaWith(undefined, settingsOff) })],
};

/** No card fields on this page: "Add a card" is absent, never a form that cannot work. */
export const NoCardFields: Story = {
  loaders: [async () => ({ adapter: await signedInAs() })],
  render: (args, { loaded: data }) =>
    html`<portal-payment-methods
      .adapter=${(data as Loaded).adapter}
      locale=${args.locale || undefined}
    ></portal-payment-methods>`,
};

/** A card whose bank asks for a challenge: the element waits while the provider runs it. */
export const Challenge: Story = {
  loaders: [
    async () => ({
      adapter: await signedInAs(),
      cardFields: new FakeCardFields({ challenge: 'pending' }),
      drive: addCard('4000002760003184'),
    }),
  ],
};

/** The merchant verifies new cards and the bank declines the zero-amount authorisation. */
export const Decline: Story = {
  loaders: [async () => ({ adapter: await signedInAs(), drive: addCard('4000000000000002') })],
};

/** The bank's challenge was not completed: nothing was saved. */
export const VerificationFailure: Story = {
  loaders: [
    async () => ({
      adapter: await signedInAs(),
      cardFields: new FakeCardFields({ challenge: 'fail' }),
      drive: addCard('4000002760003184'),
    }),
  ],
};

/** Added an Amex while an invoice is overdue: the offer to pay it with the new card. */
export const AddedWithOverdue: Story = {
  loaders: [async () => ({ adapter: await signedInAs(), drive: addCard('378282246310005') })],
};

/** The card fields cannot be reached. */
export const CardFieldsUnavailable: Story = {
  loaders: [
    async () => ({
      adapter: await signedInAs(),
      cardFields: new FakeCardFields({ unavailable: true }),
      drive: (el: PortalPaymentMethods, root: ShadowRoot) =>
        Promise.resolve(press(root, el.t.paymentMethods.addCard)),
    }),
  ],
};

export const Loading: Story = {
  loaders: [async () => ({ adapter: neverAnswering(await signedInAs(), ['listPaymentMethods']) })],
  parameters: { settle: 'never' },
};

export const LoadError: Story = {
  loaders: [async () => ({ adapter: failing(await signedInAs(), ['listPaymentMethods'], 'unavailable') })],
};
