import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { until } from 'lit/directives/until.js';
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import { DEMO_SETTINGS } from '../src/adapters/demo/demo-data.js';
import { PortalError } from '../src/contract/errors.js';
import '../src/elements/portal-login/define.js';
import type { PortalLogin } from '../src/elements/portal-login/portal-login.js';
import type { PortalSettings } from '../src/model/index.js';

/** A demo backend whose merchant changed some of the demo settings (the adapter validates them). */
function withSettings(change: (settings: PortalSettings) => void): MemoryAdapter {
  const adapter = new MemoryAdapter();
  const settings = structuredClone(DEMO_SETTINGS);
  change(settings);
  adapter.updateSettings(settings);
  return adapter;
}

/** The token of the last link emailed to `to`, read from the demo backend's outbox. */
function emailedToken(adapter: MemoryAdapter, to: string, param: string): string | undefined {
  const message = [...adapter.outbox].reverse().find((each) => each.to === to);
  const link = message ? /https?:\/\/\S+/.exec(message.text)?.[0] : undefined;
  return link ? (new URL(link).searchParams.get(param) ?? undefined) : undefined;
}

/** Waits for the form the merchant's settings let the element draw. */
async function formIn(login: PortalLogin): Promise<HTMLFormElement> {
  for (;;) {
    await login.updateComplete;
    const form = login.querySelector('form');
    if (form) return form;
    await new Promise(requestAnimationFrame);
  }
}

const meta: Meta = {
  title: 'Elements/portal-login',
  component: 'portal-login',
  render: () => html`<portal-login .adapter=${new MemoryAdapter()}></portal-login>`,
};
export default meta;

type Story = StoryObj;

/** Password and emailed link, with self sign-up: the demo merchant's settings. */
export const SignIn: Story = {};

export const PasswordOnly: Story = {
  render: () => {
    const adapter = withSettings((settings) => {
      settings.signIn = { password: true, magicLink: false };
    });
    return html`<portal-login .adapter=${adapter}></portal-login>`;
  },
};

export const MagicLinkOnly: Story = {
  render: () => {
    const adapter = withSettings((settings) => {
      settings.signIn = { password: false, magicLink: true };
    });
    return html`<portal-login .adapter=${adapter}></portal-login>`;
  },
};

/** The demo merchant requires a billing address from new customers. */
export const SignUpWithBillingAddress: Story = {
  render: () => html`<portal-login .adapter=${new MemoryAdapter()} view="sign-up"></portal-login>`,
};

export const SignUpWithBankAccount: Story = {
  render: () => {
    const adapter = withSettings((settings) => {
      settings.accountCreation.required = {
        card: false,
        bankAccount: true,
        billingAddress: false,
        shippingAddress: false,
      };
    });
    return html`<portal-login .adapter=${adapter} view="sign-up"></portal-login>`;
  },
};

/** A card is required but no card-fields provider exists yet: the element says so instead of a form. */
export const SignUpCardRequired: Story = {
  render: () => {
    const adapter = withSettings((settings) => {
      settings.accountCreation.required.card = true;
    });
    return html`<portal-login .adapter=${adapter} view="sign-up"></portal-login>`;
  },
};

export const ForgotPassword: Story = {
  render: () =>
    html`<portal-login
      .adapter=${new MemoryAdapter()}
      view="forgot-password"
      email="ada@example.com"
    ></portal-login>`,
};

export const MagicLinkSent: Story = {
  render: () =>
    html`<portal-login
      .adapter=${new MemoryAdapter()}
      view="magic-link-sent"
      email="grace@example.net"
    ></portal-login>`,
};

/** A real link: Grace asks the demo backend for one, and the story opens it. Continue signs her in. */
export const MagicLinkConfirm: Story = {
  render: () => {
    const adapter = new MemoryAdapter();
    const token = adapter
      .requestMagicLink({ email: 'grace@example.net' })
      .then(() => emailedToken(adapter, 'grace@example.net', 'portal-magic-token'));
    return html`<portal-login .adapter=${adapter} .magicToken=${until(token)}></portal-login>`;
  },
};

/** A real reset link for Ada, as if she had followed it from her email. */
export const ResetPassword: Story = {
  render: () => {
    const adapter = new MemoryAdapter();
    const token = adapter
      .requestPasswordReset({ email: 'ada@example.com' })
      .then(() => emailedToken(adapter, 'ada@example.com', 'portal-reset-token'));
    return html`<portal-login
      .adapter=${adapter}
      email="ada@example.com"
      .resetToken=${until(token)}
    ></portal-login>`;
  },
};

/** new@example.com signed in with the temporary password from the activation email. */
export const ChangeTemporaryPassword: Story = {
  render: () => {
    const adapter = new MemoryAdapter();
    const challenge = adapter
      .signIn({ email: 'new@example.com', password: 'temp-password-123' })
      .then((result) => (result.status === 'password_change_required' ? result.challenge : undefined));
    return html`<portal-login
      .adapter=${adapter}
      email="new@example.com"
      .passwordChangeChallenge=${until(challenge)}
    ></portal-login>`;
  },
};

/** The merchant's settings never arrive. */
export const Loading: Story = {
  render: () => {
    const adapter = new MemoryAdapter();
    adapter.getSettings = () => new Promise(() => undefined);
    return html`<portal-login .adapter=${adapter}></portal-login>`;
  },
};

export const SettingsError: Story = {
  render: () => {
    const adapter = new MemoryAdapter();
    adapter.getSettings = () => Promise.reject(new PortalError('unavailable', 'the demo backend is down'));
    return html`<portal-login .adapter=${adapter}></portal-login>`;
  },
};

/** locked@example.com gives the right password; the play function submits it. */
export const LockedAccount: Story = {
  render: () =>
    html`<portal-login .adapter=${new MemoryAdapter()} email="locked@example.com"></portal-login>`,
  play: async ({ canvasElement }) => {
    const login = canvasElement.querySelector('portal-login');
    if (!login) return;
    const form = await formIn(login);
    const password = form.querySelector<HTMLInputElement>('input[name="password"]');
    if (!password) return;
    password.value = 'correct-horse-battery-staple';
    password.dispatchEvent(new Event('input', { bubbles: true }));
    form.requestSubmit();
  },
};

export const French: Story = {
  render: () => html`<portal-login .adapter=${new MemoryAdapter()} locale="fr"></portal-login>`,
};
