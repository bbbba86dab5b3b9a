import { html, nothing, type TemplateResult } from 'lit';
import { type PortalError, toPortalError } from '../../contract/errors.js';
import type { ElementMessages } from '../../core/i18n/index.js';
import type { QueryHost } from '../../core/query.js';
import { renderError, renderLoading } from '../../ui/states.js';
import type { AccountChooser } from './accounts.js';
import type { rootMessages } from './messages.js';

/** The account chooser and its styles (accounts.ts). */
export type AccountsCode = typeof import('./accounts.js');

type Host = QueryHost & {
  readonly t: ElementMessages<typeof rootMessages>;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Fetches accounts.ts (a test makes it fail). */
  loadAccounts(): Promise<AccountsCode>;
};

/**
 * Several billing accounts per person, as `<portal-root>` knows it before the chooser's code: only a
 * session whose `accountCount` says there is a choice fetches that code (accounts.ts) and the list, so
 * a page whose customer has one account downloads neither. Until the code is there, the chooser's place
 * shows the loading state (or an error with a retry) and the header has no switcher yet.
 */
export class AccountSwitch {
  /** The chooser is on show instead of the section. */
  choosing = false;
  private chooser: AccountChooser | null = null;
  private fetching = false;
  private error: PortalError | null = null;

  constructor(
    private readonly host: Host,
    /** Called once the session is on the account chosen (the root closes an invoice of the previous one). */
    private readonly onSwitched: () => void,
  ) {}

  private get several(): boolean {
    const session = this.host.store?.session;
    return session?.status === 'signed_in' && (session.session.accountCount ?? 1) > 1;
  }

  /** Each update: a person with several accounts gets the chooser's code on its way. */
  sync(): void {
    if (this.several && !this.chooser && !this.fetching && !this.error) void this.fetch();
  }

  private async fetch(): Promise<void> {
    this.fetching = true;
    this.error = null;
    // The list alongside the code, not after it: the store keeps it for the chooser.
    this.host.store?.read('listAccounts', undefined).catch(() => undefined);
    try {
      const { AccountChooser } = await this.host.loadAccounts();
      this.chooser = new AccountChooser(this.host, this, this.onSwitched);
    } catch (error) {
      this.error = toPortalError(error);
    } finally {
      this.fetching = false;
      this.host.requestUpdate();
    }
  }

  /** Just signed in: a person with several accounts chooses one before anything else. */
  offerChoice(): void {
    this.choosing = this.several;
    this.chooser?.reset();
  }

  /**
   * The header's part: which account is open, and the way to another. Nothing for a single account, nor
   * while the chooser's code is on its way; if it could not be fetched, "Switch account" still opens the
   * chooser's place, where trying again is offered.
   */
  renderSwitcher(): TemplateResult | typeof nothing {
    if (this.chooser) return this.chooser.renderSwitcher();
    if (!this.error || !this.several) return nothing;
    const open = () => {
      this.choosing = true;
      this.host.requestUpdate();
    };
    return html`<button type="button" class="button" ?disabled=${this.choosing} @click=${open}>
      ${this.host.t.root.accounts.switch}
    </button>`;
  }

  /** The chooser, in the place of the section. */
  renderChooser(): TemplateResult {
    const t = this.host.t;
    if (this.chooser) return this.chooser.renderChooser();
    return this.error ? renderError(t, this.error, () => void this.fetch()) : renderLoading(t, 2);
  }
}
