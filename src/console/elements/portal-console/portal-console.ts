import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ConsoleAdapter } from '../../../contract/console-operations.js';
import { type PortalError, toPortalError } from '../../../contract/errors.js';
import { emit } from '../../../core/events.js';
import { FocusController } from '../../../controllers/focus.js';
import { LiveRegionController } from '../../../controllers/live-region.js';
import type { StaffSession } from '../../../model/index.js';
import { errorMessage, renderError, renderLoading } from '../../../ui/states.js';
import { elementStyles } from '../../../ui/styles.js';
import { sentence } from '../../../ui/user-text.js';
import { ConsoleHttpAdapter } from '../../adapters/console-http-adapter.js';
import { ConsoleElement } from '../../console-element.js';
import { type ConsoleContextValue, consoleContext } from '../../context.js';
import '../portal-console-sign-in/define.js';
import { type ShellT, shellMessages } from './messages.js';
import { shellStyles } from './portal-console.styles.js';
import { defaultEmbedUrls } from '../../embed.js';
import { SECTIONS, type SectionId, availableSections, sectionFromHash } from './sections.js';

/** The session as the shell knows it: `undefined` while asking, null when nobody is signed in. */
type SessionState = StaffSession | null | undefined;

/**
 * @summary The merchant console: staff sign-in, then the sections (Settings, Branding, Customers,
 * Access, Access logs, Share), each loaded when first opened.
 *
 * Talks to the console API (`/merchant/api/…`) of the page's own origin with the staff cookie session,
 * or to `api` when set, or to the `adapter` property (stories and tests pass a ConsoleMemoryAdapter).
 * The open section is the URL hash (`#branding`), so a reload keeps the place and the browser's back
 * button moves between sections. While nobody is signed in, the shell places a
 * `<portal-console-sign-in slot="sign-in">` child in its light DOM, where password managers see it.
 *
 * @slot sign-in - The staff sign-in form (placed by the shell).
 * @fires portal-console-sign-out - The staff member signed out.
 * @csspart header - The title, the staff member's name and the sign-out button.
 * @csspart nav - The sections' navigation.
 * @csspart section - The open section.
 */
export class PortalConsole extends ConsoleElement<typeof shellMessages> {
  static override messages = shellMessages;
  static override styles = [...elementStyles, shellStyles];

  /** Where the console API is served from (its routes start with `/merchant/api`); default the page's origin. */
  @property() api?: string;
  /** The page customers open to reach their portal (Share's link); default the storefront on this origin. */
  @property({ attribute: 'portal-url' }) portalUrl?: string;
  /** The portal's script bundle, for Share's snippet; default `/portal.js` on this origin. */
  @property({ attribute: 'script-url' }) scriptUrl?: string;
  /** The customer API, for Share's snippet; default `/portal-api` on this origin. */
  @property({ attribute: 'api-url' }) apiUrl?: string;

  @state() private session: SessionState = undefined;
  @state() private sessionError: PortalError | null = null;
  @state() private section: SectionId = sectionFromHash(location.hash);
  @state() private loaded = new Set<SectionId>();
  @state() private sectionError: PortalError | null = null;
  @state() private signingOut = false;
  @state() private signOutError: PortalError | null = null;
  /** What the sign-in form says above itself (the session ended, signed out). */
  @state() private signInNotice = '';
  @state() private revision = 0;

  private readonly provider = new ContextProvider(this, { context: consoleContext });
  private readonly focusing = new FocusController(this);
  private readonly live = new LiveRegionController(this);
  private httpAdapter?: ConsoleHttpAdapter;
  private asking?: AbortController;
  private readonly onHashChange = () => this.open(sectionFromHash(location.hash), true);

  /** The given adapter, else the console HTTP API (of `api`, or this origin). @internal */
  override get consoleAdapter(): ConsoleAdapter {
    return this.adapter ?? (this.httpAdapter ??= new ConsoleHttpAdapter({ baseUrl: this.api }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    this.addEventListener('portal-console-sign-in', this.onSignedIn);
    if (this.session === undefined) void this.checkSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.removeEventListener('portal-console-sign-in', this.onSignedIn);
    this.asking?.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('adapter') || changed.has('api')) {
      this.httpAdapter = undefined;
      if (changed.get('adapter') !== undefined || changed.get('api') !== undefined) void this.checkSession();
    }
    this.provider.setValue(this.contextValue());
    this.syncSignIn();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.session && !this.loaded.has(this.section) && !this.sectionError) void this.loadSection();
  }

  private contextValue(): ConsoleContextValue | undefined {
    if (!this.session) return undefined;
    return {
      adapter: this.consoleAdapter,
      staff: this.session,
      locale: this.resolvedLocale,
      revision: this.revision,
      changed: () => {
        this.revision += 1;
      },
      signedOut: () => this.endSession(this.t.consoleShell.sessionEnded),
    };
  }

  /** Asks the backend who is signed in (a cookie session may already be there). */
  private async checkSession(): Promise<void> {
    this.asking?.abort();
    const asking = (this.asking = new AbortController());
    this.session = undefined;
    this.sessionError = null;
    try {
      const session = await this.consoleAdapter.staffSession(undefined, { signal: asking.signal });
      if (!asking.signal.aborted) this.session = session;
    } catch (error) {
      if (!asking.signal.aborted) this.sessionError = toPortalError(error);
    }
  }

  private readonly onSignedIn = (event: HTMLElementEventMap['portal-console-sign-in']) => {
    this.session = event.detail.session;
    this.signInNotice = '';
    this.signOutError = null;
    this.focusing.focusWhenRendered('section-heading');
  };

  /** Back to the sign-in form, saying why. */
  private endSession(notice: string): void {
    this.session = null;
    this.signInNotice = notice;
    this.loaded = new Set();
    this.sectionError = null;
  }

  /**
   * While nobody is signed in, the sign-in form lives in the light DOM (for password managers); it goes
   * once someone is, so the typed password does not linger.
   */
  private syncSignIn(): void {
    const existing = this.querySelector<HTMLElement & { notice: string; adapter?: ConsoleAdapter }>(
      ':scope > portal-console-sign-in[slot="sign-in"]',
    );
    if (this.session === null) {
      const form = existing ?? document.createElement('portal-console-sign-in');
      form.slot = 'sign-in';
      form.adapter = this.consoleAdapter;
      form.notice = this.signInNotice;
      // The form is a light-DOM child, so it inherits the page's `lang` by itself; a `locale` given to
      // the console is handed on (and taken back when it is removed).
      if (this.locale) form.setAttribute('locale', this.locale);
      else form.removeAttribute('locale');
      if (!existing) this.append(form);
    } else existing?.remove();
  }

  private open(section: SectionId, moveFocus: boolean): void {
    if (section === this.section) return;
    // The open section may hold unsaved changes: it cancels the move unless the merchant confirms.
    const leaving = new Event('portal-console-leave', { cancelable: true });
    this.renderRoot.querySelector('main')?.lastElementChild?.dispatchEvent(leaving);
    if (leaving.defaultPrevented) {
      history.replaceState(null, '', `#${this.section}`);
      return;
    }
    this.section = section;
    this.sectionError = null;
    if (moveFocus) this.focusing.focusWhenRendered('section-heading');
  }

  private async loadSection(): Promise<void> {
    const id = this.section;
    const entry = SECTIONS[id];
    if (!entry) return;
    try {
      await entry.load();
      this.loaded = new Set([...this.loaded, id]);
    } catch (error) {
      if (id === this.section) this.sectionError = toPortalError(error);
    }
  }

  private async signOut(): Promise<void> {
    if (this.signingOut) return;
    this.signingOut = true;
    this.signOutError = null;
    try {
      await this.consoleAdapter.staffSignOut();
      this.endSession(this.t.consoleShell.signedOutNotice);
      this.live.announce(this.t.consoleShell.signedOutNotice);
      emit(this, 'portal-console-sign-out', {});
    } catch (error) {
      const failure = toPortalError(error);
      // A session that is already gone is as signed out as can be.
      if (failure.code === 'unauthorized') this.endSession(this.t.consoleShell.signedOutNotice);
      else this.signOutError = failure;
    } finally {
      this.signingOut = false;
    }
  }

  protected override render(): TemplateResult {
    const t: ShellT = this.t;
    return html`<div class="shell">
      ${this.live.render()} ${this.session ? this.renderSignedIn(t, this.session) : this.renderGate(t)}
    </div>`;
  }

  private renderGate(t: ShellT): TemplateResult {
    if (this.sessionError) {
      return html`<h1>${t.consoleShell.title}</h1>
        ${renderError(t, this.sessionError, () => void this.checkSession())}`;
    }
    if (this.session === undefined) {
      return html`<h1>${t.consoleShell.title}</h1>
        ${renderLoading(t, 4)}`;
    }
    return html`<h1>${t.consoleShell.title}</h1>
      <slot name="sign-in"></slot>`;
  }

  private renderSignedIn(t: ShellT, session: StaffSession): TemplateResult {
    const current = this.section;
    return html`<header part="header">
        <h1>${t.consoleShell.title}</h1>
        <div class="who">
          <span>${sentence(t.consoleShell.signedInAs, session.name)}</span>
          <button
            type="button"
            class="button"
            ?disabled=${this.signingOut}
            @click=${() => void this.signOut()}
          >
            ${this.signingOut ? t.consoleShell.signingOut : t.consoleShell.signOut}
          </button>
        </div>
        ${
          this.signOutError
            ? html`<p class="alert error" role="alert">
                ${t.consoleShell.signOutFailed} ${errorMessage(t, this.signOutError)}
              </p>`
            : nothing
        }
      </header>
      <div class="body">
        <nav aria-label=${t.consoleShell.navigation} part="nav">
          <ul>
            ${availableSections().map(
              (id) =>
                html`<li>
                  <a href=${`#${id}`} aria-current=${id === current ? 'page' : 'false'}
                    >${t.consoleShell.sections[id]}</a
                  >
                </li>`,
            )}
          </ul>
        </nav>
        <main part="section" aria-labelledby="section-heading">
          <h2 id="section-heading" tabindex="-1">${t.consoleShell.sections[current]}</h2>
          ${this.renderSection(t, current)}
        </main>
      </div>`;
  }

  private renderSection(t: ShellT, id: SectionId): TemplateResult {
    if (this.sectionError) {
      return html`<p>${t.consoleShell.sectionFailed}</p>
        ${renderError(t, this.sectionError, () => {
          this.sectionError = null;
        })}`;
    }
    const entry = SECTIONS[id];
    if (!entry || !this.loaded.has(id)) return renderLoading(t, 6);
    const defaults = defaultEmbedUrls(location.origin);
    return entry.render({
      portalUrl: new URL(this.portalUrl ?? defaults.portalUrl, location.href).href,
      scriptUrl: new URL(this.scriptUrl ?? defaults.scriptUrl, location.href).href,
      apiUrl: new URL(this.apiUrl ?? defaults.apiUrl, location.href).href,
    });
  }
}
