import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import { DEMO_TEMPORARY_PASSWORD } from '../src/adapters/demo/demo-data.js';
import type { PortalAdapter } from '../src/contract/adapter.js';
import '../src/elements/portal-profile/define.js';
import type { PortalProfile } from '../src/elements/portal-profile/portal-profile.js';
import { failing, neverAnswering, signedInAs } from './support/adapters.js';

interface Args {
  locale: string;
}

interface Loaded {
  adapter: PortalAdapter;
  /** An email-change link's token, as the page URL would carry it. */
  emailToken?: string;
  /** Drives the element into a mid-flow state once it has loaded, as a customer would. */
  drive?: (el: PortalProfile, root: ShadowRoot) => Promise<void>;
}

/** Grace, through her magic link, into Analytical Engines Ltd (France, EUR, VAT number on file). */
async function analytical(): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter();
  await adapter.requestMagicLink({ email: 'grace@example.net' });
  const token = /portal-magic-token=([\w-]+)/.exec(adapter.outbox.at(-1)?.text ?? '')?.[1] ?? '';
  await adapter.verifyMagicLink({ token });
  return adapter;
}

/** Mary has just activated her account: no addresses, contacts or tax numbers yet. */
async function signedInMary(): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter();
  const result = await adapter.signIn({ email: 'new@example.com', password: DEMO_TEMPORARY_PASSWORD });
  if (result.status === 'password_change_required') {
    await adapter.completePasswordChange({ challenge: result.challenge, newPassword: 'a-new-password-42' });
  }
  return adapter;
}

async function readOnly(): Promise<MemoryAdapter> {
  const adapter = await signedInAs();
  const settings = await adapter.getSettings();
  settings.profile.modifyInformation = false;
  adapter.updateSettings(settings);
  return adapter;
}

// The every-story test runs no `play` functions, so stories that start mid-flow drive the element from
// a ref once it is in the page.

async function loaded(el: PortalProfile): Promise<ShadowRoot> {
  for (let frame = 0; frame < 600; frame += 1) {
    await el.updateComplete;
    if (el.shadowRoot?.querySelector('form')) return el.shadowRoot;
    await new Promise(requestAnimationFrame);
  }
  throw new Error('the profile did not load');
}

/** Types `vatNumber` into the tax form and saves it. */
function saveVat(vatNumber: string) {
  return async (el: PortalProfile, root: ShadowRoot) => {
    const input = root.querySelector<HTMLInputElement>('input[name="vatNumber"]');
    if (!input) return;
    input.value = vatNumber;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    input.form?.requestSubmit();
  };
}

function driver(drive: Loaded['drive']) {
  const driven = new WeakSet<Element>();
  return ref((node) => {
    if (!node || !drive || driven.has(node)) return;
    driven.add(node);
    const el = node as PortalProfile;
    void loaded(el).then((root) => drive(el, root));
  });
}

const meta: Meta<Args> = {
  title: 'Elements/portal-profile',
  component: 'portal-profile',
  args: { locale: '' },
  argTypes: { locale: { control: 'text', description: 'locale attribute (empty: the page’s lang)' } },
  render: (args, { loaded: data }) => {
    const { adapter, emailToken, drive } = data as Loaded;
    return html`<portal-profile
      .adapter=${adapter}
      .emailToken=${emailToken}
      locale=${args.locale || undefined}
      ${driver(drive)}
    ></portal-profile>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Ada: US addresses (state, ZIP code), contacts, shipping to her billing address. */
export const Content: Story = { loaders: [async () => ({ adapter: await signedInAs() })] };

/**
 * A business in France: no region line, a VAT number the registry verified, PO and registration numbers.
 * Grace reaches it through an access rule, not as its owner: its email is shown read-only, with why.
 */
export const Business: Story = { loaders: [async () => ({ adapter: await analytical() })] };

/** Nothing on file yet beyond name and email: blank forms to fill. */
export const Empty: Story = { loaders: [async () => ({ adapter: await signedInMary() })] };

/** The merchant turned "modify information" off: everything shown, nothing editable, and why. */
export const ReadOnly: Story = { loaders: [async () => ({ adapter: await readOnly() })] };

/** A VAT number of the wrong shape for France: refused at the field before anything is sent. */
export const MalformedVat: Story = {
  loaders: [async () => ({ adapter: await analytical(), drive: saveVat('FR123') })],
};

/** The registry does not list the number: saved, and said so — a state, with the number kept. */
export const VatNotRegistered: Story = {
  loaders: [
    async () => {
      const adapter = await analytical();
      await adapter.updateTaxIds({ vatNumber: 'FR40303269999' });
      return { adapter };
    },
  ],
};

/** The registry could not be reached: "not verified yet", never "invalid". */
export const VatUnverifiable: Story = {
  loaders: [
    async () => {
      const adapter = await analytical();
      await adapter.updateTaxIds({ vatNumber: 'FR40303260000' });
      return { adapter };
    },
  ],
};

/** A new address waits for its link: "confirm the link we sent to …". */
export const EmailPending: Story = {
  loaders: [
    async () => {
      const adapter = await signedInAs();
      await adapter.requestEmailChange({ newEmail: 'ada.king@example.com' });
      return { adapter };
    },
  ],
};

/** The page was opened from the email-change link: nothing happens until Confirm is pressed. */
export const ConfirmLink: Story = {
  loaders: [
    async () => {
      const adapter = await signedInAs();
      await adapter.requestEmailChange({ newEmail: 'ada.king@example.com' });
      const token = /portal-email-token=([\w-]+)/.exec(adapter.outbox.at(-1)?.text ?? '')?.[1];
      return { adapter, emailToken: token };
    },
  ],
};

export const Loading: Story = {
  loaders: [async () => ({ adapter: neverAnswering(await signedInAs(), ['getCustomer']) })],
  parameters: { settle: 'never' },
};

export const LoadError: Story = {
  loaders: [async () => ({ adapter: failing(await signedInAs(), ['getCustomer'], 'unavailable') })],
};
