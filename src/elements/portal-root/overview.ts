import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ElementMessages } from '../../core/i18n/index.js';
import type { QueryController } from '../../core/query.js';
import type { Customer } from '../../model/index.js';
import { renderFacts } from '../../ui/facts.js';
import { renderError, renderLoading } from '../../ui/states.js';
import { sentence, userText } from '../../ui/user-text.js';
import type { rootMessages } from './messages.js';
import { loadElement } from '../../core/lazy-elements.js';
import { isRegistered } from '../../core/sections.js';
import type { PortalStore } from '../../core/store.js';

/**
 * Whether someone was signed in to the portal in this browser when it was last used here. Only a hint
 * (no token, no name): with it the overview is asked for before the session answers; without it a
 * signed-out visitor's page asks for nothing it would be refused.
 */
const SIGNED_IN_HINT = 'portal-elements.signed-in';

function wasSignedIn(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return false; // storage blocked: ask in turn, as a first visit does
  }
}

export function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // storage blocked: the next visit asks in turn
  }
}

/**
 * The overview's bootstrap for `<portal-root>`: one round trip to settings, session, customer and
 * balance, and the summary's code fetched alongside its data, so the overview can appear whole.
 */
export class OverviewBootstrap {
  private summaryUnavailable = false;

  constructor(private readonly host: ReactiveControllerHost & { readonly sessionToken?: string }) {}

  /**
   * Settings, session, customer and balance are asked for together, not one after the other, when
   * someone is likely signed in (a session token, or this browser was signed in last time). Were that
   * wrong, customer and balance answer `unauthorized`, which only tells the store (and so the root) to
   * show the sign-in form. What arrives is cached, so the root's queries and `<portal-summary>` find it.
   */
  ask(store: PortalStore): void {
    const quiet = () => undefined;
    store.settings().catch(quiet);
    store.restoreSession().catch(quiet);
    if (store.session.status === 'signed_out') return;
    if (store.session.status === 'unknown' && !this.host.sessionToken && !wasSignedIn()) return;
    store.read('getCustomer', undefined).catch(quiet);
    if (!isRegistered('portal-summary')) return;
    store.read('getBillingSummary', undefined).catch(quiet);
    if (!customElements.get('portal-summary')) {
      loadElement('portal-summary')
        .catch((error: unknown) => {
          this.summaryUnavailable = true;
          console.error('<portal-root>: <portal-summary> could not be loaded:', error);
        })
        .finally(() => this.host.requestUpdate());
    }
  }

  /** The overview waits for the summary's code (when there is one to wait for), so it appears whole. */
  get ready(): boolean {
    return (
      this.summaryUnavailable ||
      !isRegistered('portal-summary') ||
      customElements.get('portal-summary') !== undefined
    );
  }
}

/** The Overview section: a welcome, the billing summary and who the customer is, in one piece. */
export function renderOverview(
  t: ElementMessages<typeof rootMessages>,
  customerQuery: QueryController<Customer>,
  ready: boolean,
): TemplateResult {
  const state = customerQuery.state;
  if (state.status === 'error') return renderError(t, state.error, () => customerQuery.refresh());
  // Nothing below the skeleton moves when the content comes: it comes in one piece (see OverviewBootstrap).
  if (state.status !== 'complete' || !ready) return renderLoading(t, 3);
  const customer = state.value;
  return html`<p class="overview-intro">
      <strong>${sentence((name) => t.root.welcome(name), customer.name)}</strong> ${t.root.overviewIntro}
    </p>
    ${isRegistered('portal-summary') ? html`<portal-summary></portal-summary>` : nothing}
    ${renderFacts([
      { label: t.root.customerCode, value: userText(customer.code) },
      { label: t.fields.email, value: customer.email },
      customer.company && { label: t.fields.company, value: userText(customer.company) },
    ])}`;
}
