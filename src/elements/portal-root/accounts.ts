import { type CSSResult, adoptStyles, css, html, nothing, type TemplateResult } from 'lit';
import { type PortalError, toPortalError } from '../../contract/errors.js';
import type { ElementMessages } from '../../core/i18n/index.js';
import { when, queries } from '../../core/queries.js';
import { type QueryHost, QueryController } from '../../core/query.js';
import type { BillingAccount, Session } from '../../model/index.js';
import { renderEmpty, renderError, renderLoading } from '../../ui/states.js';
import { sentence, userText } from '../../ui/user-text.js';
import type { rootMessages } from './messages.js';

type Host = QueryHost & {
  readonly t: ElementMessages<typeof rootMessages>;
  readonly renderRoot: HTMLElement | DocumentFragment;
};

/** Where the root keeps whether the chooser is on show (account-switch.ts), before this code arrives too. */
interface ChooserState {
  choosing: boolean;
}

/**
 * Several billing accounts per person, in `<portal-root>`: the chooser shown after signing in (and when
 * the header's "Switch account" asks for it) and the header's current account. Fetched, with its styles,
 * only when the session's `accountCount` says there is a choice (account-switch.ts). Choosing another
 * account moves the session (`store.switchAccount`); the store then drops everything cached for the
 * previous account.
 */
export class AccountChooser {
  private switchingTo: string | null = null;
  private error: PortalError | null = null;

  private readonly accounts: QueryController<BillingAccount[]>;

  constructor(
    private readonly host: Host,
    private readonly state: ChooserState,
    /** Called once the session is on the account chosen (the root closes an invoice of the previous one). */
    private readonly onSwitched: () => void,
  ) {
    this.accounts = new QueryController(
      host,
      when(() => (this.session?.accountCount ?? 1) > 1, queries.accounts),
    );
    adopt(host.renderRoot, accountStyles);
  }

  private get session(): Session | null {
    const state = this.host.store?.session;
    return state?.status === 'signed_in' ? state.session : null;
  }

  /** The chooser opens again: what a previous switch said is over. */
  reset(): void {
    this.error = null;
  }

  private open(): void {
    this.state.choosing = true;
    this.error = null;
    this.host.requestUpdate();
    void this.focusHeading();
  }

  private async choose(account: BillingAccount): Promise<void> {
    const store = this.host.store;
    if (!store || this.switchingTo) return;
    this.error = null;
    if (!account.current) {
      this.switchingTo = account.customerId;
      this.host.requestUpdate();
      try {
        await store.switchAccount({ customerId: account.customerId });
      } catch (error) {
        // Refused or lost: the session is where the backend says (a lost answer refreshes it).
        this.error = toPortalError(error);
        this.switchingTo = null;
        this.host.requestUpdate();
        return;
      }
      this.switchingTo = null;
      this.onSwitched();
    }
    this.state.choosing = false;
    this.host.requestUpdate();
    await this.focusHeading();
  }

  private async focusHeading(): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.main > h2')?.focus();
  }

  /** The header's part: which account is open, and the way to another. Nothing for a single account. */
  renderSwitcher(): TemplateResult | typeof nothing {
    const session = this.session;
    if (!session || (session.accountCount ?? 1) < 2) return nothing;
    const t = this.host.t.root.accounts;
    return html`<span class="current-account"
        >${sentence((name) => t.current(name), session.customerName)}
        <span class="code">${userText(session.customerCode)}</span></span
      >
      <button type="button" class="button" ?disabled=${this.state.choosing} @click=${() => this.open()}>
        ${t.switch}
      </button>`;
  }

  /** The chooser, in the place of the section: every account with its code and name. */
  renderChooser(): TemplateResult {
    const t = this.host.t;
    const state = this.accounts.state;
    return html`<h2 tabindex="-1">${t.root.accounts.heading}</h2>
      <p class="overview-intro">${t.root.accounts.intro}</p>
      ${this.error ? renderError(t, this.error) : nothing}
      ${
        state.status === 'error'
          ? renderError(t, state.error, () => this.accounts.refresh())
          : state.status !== 'complete'
            ? renderLoading(t, 2)
            : state.value.length === 0
              ? renderEmpty(t.root.accounts.none)
              : this.renderList(state.value)
      }`;
  }

  private renderList(accounts: readonly BillingAccount[]): TemplateResult {
    const t = this.host.t.root.accounts;
    return html`<ul class="accounts" aria-label=${t.listLabel}>
      ${accounts.map(
        (account) =>
          html`<li>
            <button
              type="button"
              class="account-choice"
              aria-current=${account.current ? 'true' : 'false'}
              ?disabled=${this.switchingTo !== null}
              @click=${() => this.choose(account)}
            >
              <span class="name">${userText(account.name)}</span>
              <span class="code">${sentence((code) => t.code(code), account.customerCode)}</span>
              <span class="state"
                >${
                  this.switchingTo === account.customerId ? t.opening : account.current ? t.openNow : nothing
                }</span
              >
            </button>
          </li>`,
      )}
    </ul>`;
  }
}

/**
 * Adds styles that came with fetched code to the root's shadow root: a constructable stylesheet, which a
 * strict CSP allows (where those are not supported, Lit's `<style>` fallback, with the page's nonce).
 */
function adopt(root: HTMLElement | DocumentFragment, styles: CSSResult): void {
  if (!(root instanceof ShadowRoot)) return;
  const sheet = styles.styleSheet;
  if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  else adoptStyles(root, [styles]);
}

export const accountStyles = css`
  /* Narrow: the header keeps the switch button; the account's name is in the overview and the chooser. */
  @container (max-width: 30rem) {
    .current-account {
      display: none;
    }
  }
  .current-account .code {
    margin-inline-start: 0.25rem;
    font-variant-numeric: tabular-nums;
  }
  .accounts {
    display: grid;
    gap: 0.5rem;
    margin: var(--_space) 0 0;
    padding: 0;
    list-style: none;
  }
  .account-choice {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.125rem 1rem;
    width: 100%;
    min-height: 3.5rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .account-choice[aria-current='true'] {
    border-color: var(--portal-color-primary);
  }
  .account-choice .name {
    font-weight: 600;
  }
  .account-choice .code {
    grid-column: 1;
    color: var(--_text-muted);
  }
  .account-choice .state {
    grid-row: 1 / span 2;
    grid-column: 2;
    align-self: center;
    color: var(--_text-muted);
  }
`;
