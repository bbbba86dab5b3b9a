import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { PortalAdapter } from '../src/contract/adapter.js';
import '../src/elements/portal-subscriptions/define.js';
import type { PortalSubscriptions } from '../src/elements/portal-subscriptions/portal-subscriptions.js';
import type { CardFieldsProvider } from '../src/providers/card-fields.js';
import { failing, neverAnswering, previewing, signedInAs } from './support/adapters.js';
import { FakeCardFields } from './support/fake-card-fields.js';
import {
  adaSubscriptions,
  cancelled,
  cancelling,
  discountOffer,
  discounted,
  noSubscriptions,
  onlyRoasters,
  pauseOffer,
  pastDue,
  paused,
  plainCancel,
  scheduledDowngrade,
} from './support/subscription-states.js';

interface Args {
  locale: string;
}

interface Loaded {
  adapter: PortalAdapter;
  /** Drives the element into a mid-flow step once it has loaded, as a customer would. */
  drive?: (el: PortalSubscriptions) => Promise<void>;
  /** Card fields for "A new card" (the in-page test double; the demo uses the test-mode frame). */
  cardFields?: CardFieldsProvider;
}

// The every-story test runs no `play` functions, so stories that start mid-flow drive the element from
// a ref once it is in the page, pressing its buttons by their accessible names.

async function frames(until: () => boolean): Promise<boolean> {
  for (let frame = 0; frame < 600; frame += 1) {
    if (until()) return true;
    await new Promise(requestAnimationFrame);
  }
  return false;
}

function findButton(el: PortalSubscriptions, name: string): HTMLButtonElement | undefined {
  return [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find(
    (each) => (each.getAttribute('aria-label') ?? each.textContent?.replace(/\s+/g, ' ').trim()) === name,
  );
}

/** Presses the buttons named, one after the other, each once it has appeared. */
function press(...names: string[]) {
  return async (el: PortalSubscriptions) => {
    for (const name of names) {
      await frames(() => !!findButton(el, name) && !el.busy);
      findButton(el, name)?.click();
      await el.updateComplete;
    }
  };
}

/** Types into the panel's field `name` (quantity, resumeOn), once it is there. */
function type(name: string, value: string) {
  return async (el: PortalSubscriptions) => {
    const find = () => el.shadowRoot?.querySelector<HTMLInputElement>(`[name="${name}"]`);
    await frames(() => !!find());
    const input = find();
    if (!input) return;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
  };
}

/** Chooses "A new card" and types `number` into the card fields (the test double) once they mount. */
function newCard(number: string) {
  return async (el: PortalSubscriptions) => {
    const choice = () =>
      el.shadowRoot?.querySelector<HTMLInputElement>('input[name="method"][value="new-card"]');
    await frames(() => !!choice());
    choice()?.click();
    const find = () => el.querySelector<HTMLInputElement>('input[name="fake-card-number"]');
    await frames(() => !!find());
    const input = find();
    if (!input) return;
    input.value = number;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
  };
}

function steps(...each: ((el: PortalSubscriptions) => Promise<void>)[]) {
  return async (el: PortalSubscriptions) => {
    for (const step of each) await step(el);
  };
}

function driver(drive: Loaded['drive']) {
  const driven = new WeakSet<Element>();
  return ref((node) => {
    if (!node || !drive || driven.has(node)) return;
    driven.add(node);
    const el = node as PortalSubscriptions;
    void frames(() => !!el.shadowRoot?.querySelector('.subscription, .empty')).then(() => drive(el));
  });
}

const meta: Meta<Args> = {
  title: 'Elements/portal-subscriptions',
  component: 'portal-subscriptions',
  args: { locale: '' },
  argTypes: { locale: { control: 'text', description: 'locale attribute (empty: the page’s lang)' } },
  render: (args, { loaded: data }) => {
    const { adapter, drive, cardFields } = data as Loaded;
    return html`<portal-subscriptions
      .adapter=${adapter}
      .cardFields=${cardFields}
      locale=${args.locale || undefined}
      ${driver(drive)}
    ></portal-subscriptions>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const ROASTERS = "Roaster's Choice Monthly";

/** Ada: Roaster's Choice (active, 2 bags) and Espresso Club in its free trial. */
export const Content: Story = { loaders: [async () => ({ adapter: await signedInAs() })] };

/** No subscriptions yet: the way to subscribe. */
export const Empty: Story = { loaders: [async () => ({ adapter: await adaSubscriptions(noSubscriptions) })] };

export const Active: Story = { loaders: [async () => ({ adapter: await adaSubscriptions(onlyRoasters) })] };

/** The last renewal was not paid. */
export const PastDue: Story = { loaders: [async () => ({ adapter: await adaSubscriptions(pastDue) })] };

/** Paused until a date, with Resume now. */
export const Paused: Story = { loaders: [async () => ({ adapter: await adaSubscriptions(paused) })] };

/** Ends at the period end, with "Keep subscription" (undo). */
export const Cancelling: Story = { loaders: [async () => ({ adapter: await adaSubscriptions(cancelling) })] };

export const Cancelled: Story = { loaders: [async () => ({ adapter: await adaSubscriptions(cancelled) })] };

/** A downgrade scheduled for the period end, with Withdraw. */
export const ScheduledChange: Story = {
  loaders: [async () => ({ adapter: await adaSubscriptions(scheduledDowngrade) })],
};

/** A retention discount on the next renewals. */
export const Discount: Story = { loaders: [async () => ({ adapter: await adaSubscriptions(discounted) })] };

export const Loading: Story = {
  loaders: [async () => ({ adapter: neverAnswering(await signedInAs(), ['listSubscriptions']) })],
  parameters: { settle: 'never' },
};

export const LoadError: Story = {
  loaders: [async () => ({ adapter: failing(await signedInAs(), ['listSubscriptions'], 'unavailable') })],
};

// Subscribing

export const SubscribePlans: Story = {
  loaders: [async () => ({ adapter: await signedInAs(), drive: press('Subscribe to a plan') })],
};

export const SubscribeDetails: Story = {
  loaders: [
    async () => ({
      adapter: await signedInAs(),
      drive: press('Subscribe to a plan', 'Choose Office Weekly'),
    }),
  ],
};

export const SubscribeQuantityError: Story = {
  loaders: [
    async () => ({
      adapter: await signedInAs(),
      drive: steps(
        press('Subscribe to a plan', 'Choose Office Weekly'),
        type('quantity', '0'),
        press('Review'),
      ),
    }),
  ],
};

export const SubscribeReview: Story = {
  loaders: [
    async () => ({
      adapter: await signedInAs(),
      drive: steps(
        press('Subscribe to a plan', 'Choose Office Weekly'),
        type('quantity', '2'),
        press('Review'),
      ),
    }),
  ],
};

/** A plan with a free trial: nothing is charged today. */
export const SubscribeTrialReview: Story = {
  loaders: [
    async () => ({
      adapter: await adaSubscriptions(noSubscriptions),
      drive: press('Subscribe to a plan', 'Choose Espresso Club', 'Review'),
    }),
  ],
};

/** "A new card" chosen beside the methods on file: the provider's fields, a card typed in them. */
export const SubscribeNewCard: Story = {
  loaders: [
    async () => ({
      adapter: await signedInAs(),
      cardFields: new FakeCardFields(),
      drive: steps(press('Subscribe to a plan', 'Choose Office Weekly'), newCard('4242424242424242')),
    }),
  ],
};

/** The bank declined the new card when it was saved: the reason at the card fields, nothing subscribed. */
export const SubscribeNewCardDeclined: Story = {
  loaders: [
    async () => ({
      adapter: await signedInAs(),
      cardFields: new FakeCardFields(),
      drive: steps(
        press('Subscribe to a plan', 'Choose Office Weekly'),
        newCard('4000000000000002'),
        press('Review', 'Subscribe and pay $45.00'),
      ),
    }),
  ],
};

/** The answer was lost: "we could not confirm", with Check again (same key). */
export const SubscribeUnknown: Story = {
  loaders: [
    async () => ({
      adapter: failing(await signedInAs(), ['subscribe'], 'network'),
      drive: press('Subscribe to a plan', 'Choose Office Weekly', 'Review', 'Subscribe and pay $45.00'),
    }),
  ],
};

// Changing

export const ChangeForm: Story = {
  loaders: [
    async () => ({ adapter: await signedInAs(), drive: press(`Change plan or quantity of ${ROASTERS}`) }),
  ],
};

/** An upgrade to 3 bags, priced by the backend: credit, charge, tax, due today, next renewal, expiry. */
export const ChangeQuote: Story = {
  loaders: [
    async () => ({
      adapter: await signedInAs(),
      drive: steps(
        press(`Change plan or quantity of ${ROASTERS}`),
        type('quantity', '3'),
        press('See the price'),
      ),
    }),
  ],
};

/** A downgrade the merchant applies at the period end: nothing due today. */
export const ChangeDowngradeQuote: Story = {
  loaders: [
    async () => ({
      adapter: await adaSubscriptions(onlyRoasters, (s) => (s.downgrades = 'period_end')),
      drive: steps(
        press(`Change plan or quantity of ${ROASTERS}`),
        type('quantity', '1'),
        press('See the price'),
      ),
    }),
  ],
};

// Cancelling

export const CancelDiscountOffer: Story = {
  loaders: [
    async () => ({
      adapter: await adaSubscriptions(onlyRoasters, discountOffer),
      drive: press(`Cancel subscription ${ROASTERS}`),
    }),
  ],
};

export const CancelPauseOffer: Story = {
  loaders: [
    async () => ({
      adapter: await adaSubscriptions(onlyRoasters, pauseOffer),
      drive: press(`Cancel subscription ${ROASTERS}`),
    }),
  ],
};

export const CancelReason: Story = {
  loaders: [
    async () => ({
      adapter: await adaSubscriptions(onlyRoasters, (s) => delete s.retentionOffer),
      drive: press(`Cancel subscription ${ROASTERS}`),
    }),
  ],
};

export const CancelReasonMissing: Story = {
  loaders: [
    async () => ({
      adapter: await adaSubscriptions(onlyRoasters, plainCancel),
      drive: press(`Cancel subscription ${ROASTERS}`, 'Continue'),
    }),
  ],
};

export const CancelConfirm: Story = {
  loaders: [
    async () => ({
      adapter: await adaSubscriptions(onlyRoasters, plainCancel),
      drive: steps(
        press(`Cancel subscription ${ROASTERS}`),
        async (el) => {
          const radio = el.shadowRoot?.querySelector<HTMLInputElement>('input[name="reason"]');
          radio?.click();
          await el.updateComplete;
        },
        press('Continue'),
      ),
    }),
  ],
};

// Pausing

export const PauseForm: Story = {
  loaders: [
    async () => ({ adapter: await adaSubscriptions(onlyRoasters), drive: press(`Pause ${ROASTERS}`) }),
  ],
};

export const PauseDateError: Story = {
  loaders: [
    async () => ({
      adapter: await adaSubscriptions(onlyRoasters),
      drive: steps(press(`Pause ${ROASTERS}`), type('resumeOn', '2000-01-01'), press('Pause')),
    }),
  ],
};

// Preview

/** The merchant previewing Ada's cancelled subscription: "Keep subscription" is there, unavailable. */
export const PreviewList: Story = {
  loaders: [async () => ({ adapter: await previewing(await adaSubscriptions(cancelling)) })],
};

/** In a preview the price of a change is quoted (a read), and its confirm is unavailable. */
export const PreviewChangeQuote: Story = {
  loaders: [
    async () => ({
      adapter: await previewing(await adaSubscriptions(onlyRoasters)),
      drive: steps(
        press(`Change plan or quantity of ${ROASTERS}`),
        type('quantity', '3'),
        press('See the price'),
      ),
    }),
  ],
};
