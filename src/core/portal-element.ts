import { consume } from '@lit/context';
import { type PropertyValues, type TemplateResult, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PortalAdapter } from '../contract/adapter.js';
import { renderPreviewNote } from '../ui/states.js';
import { elementStyles } from '../ui/styles.js';
import { storeForAdapter, storeForApi } from './connect.js';
import { type PortalContextValue, portalContext } from './context.js';
import type { MessageNamespace } from './i18n/index.js';
import { LocalizedElement } from './localized-element.js';
import type { PortalStore } from './store.js';
import { type ThemeTokens, themeFromColor } from './theme.js';

/**
 * The base of every public element. It finds the element's store — from the enclosing `<portal-root>`
 * (context), else from its own `adapter` property, else from its own `api` attribute (elements placed
 * apart with the same `api` share one store and session) and applies its theme; its locale, messages,
 * formatters and direction come from LocalizedElement. It holds no behaviour of its own.
 *
 * An element with messages of its own names their namespace twice, as type and as value:
 * `class PortalSummary extends PortalElement<typeof summaryMessages> { static override messages =
 * summaryMessages; … }`, and reads them as `this.t.summary.x`, next to the common `this.t.common.x`.
 */
export class PortalElement<NS extends MessageNamespace | undefined = undefined> extends LocalizedElement<NS> {
  static override styles = elementStyles;

  /** An adapter for this element alone, when it is not inside a `<portal-root>`. */
  @property({ attribute: false }) adapter?: PortalAdapter;

  /** Base URL of the portal API for this element alone; same `api`, same session and store. */
  @property() api?: string;

  /** A short-lived session token minted by the merchant's backend, used with `api`. */
  @property({ attribute: 'session-token' }) sessionToken?: string;

  /** Brand colour for this element alone; inside `<portal-root>` the root's colour applies. */
  @property({ attribute: 'theme-color' }) themeColor?: string;

  @consume({ context: portalContext, subscribe: true })
  @state()
  protected portal?: PortalContextValue;

  private appliedTheme: ThemeTokens | null = null;
  private appliedColor: string | undefined;
  private warnedMissingStore = false;

  /**
   * The store this element reads through, or null when nothing tells it where the backend is.
   * @internal
   */
  get store(): PortalStore | null {
    if (this.portal) return this.portal.store;
    if (this.adapter) return storeForAdapter(this.adapter);
    if (this.api) return storeForApi(this.api, this.sessionToken);
    return null;
  }

  /**
   * A merchant previewing the portal as this customer (`Session.preview`): every action that changes
   * something renders unavailable (`actionDisabled` / `actionDescribedBy` in src/ui/states.ts) and the
   * store refuses it anyway. The session reaches every element through its store, once something on the
   * page has asked who is signed in (`<portal-root>` does before it shows any section; a widget placed
   * alone does not ask, so until then the backend's refusal, "This is a preview…", is its guard).
   * @internal
   */
  get readOnly(): boolean {
    return this.store?.preview ?? false;
  }

  /**
   * The note the element's unavailable actions point at (`PREVIEW_NOTE_ID`), rendered once near its top
   * in a preview; nothing otherwise.
   * @internal
   */
  get previewNote(): TemplateResult | typeof nothing {
    return renderPreviewNote(this.t, this.readOnly, !this.portal);
  }

  /** @internal */
  protected override get providedLocale(): string | undefined {
    return this.portal?.locale;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.applyTheme(this.themeColorToApply());
  }

  /**
   * Inside a portal, the provider's tokens cascade in, so the element applies none. Alone, it applies its
   * own `theme-color`. `<portal-root>` overrides this to fall back to the merchant's branding.
   */
  protected themeColorToApply(): string | undefined {
    return this.portal ? undefined : this.themeColor;
  }

  /**
   * Turns a colour into tokens on the host (through CSSOM, which a strict CSP allows). A bad colour is
   * reported to the developer and the default theme stays.
   */
  private applyTheme(color: string | undefined): void {
    if (color === this.appliedColor) return;
    this.appliedColor = color;
    let tokens: ThemeTokens | null = null;
    if (color) {
      const theme = themeFromColor(color);
      if (theme.ok) tokens = theme.tokens;
      else console.error(`<${this.localName}>: ${theme.reason}; the default colours are used.`);
    }
    for (const name of Object.keys(this.appliedTheme ?? {})) this.style.removeProperty(name);
    if (tokens)
      for (const [name, value] of Object.entries(tokens) as [string, string][])
        this.style.setProperty(name, value);
    this.appliedTheme = tokens;
  }

  /** The tokens this element applied to itself, if any. */
  protected get themeTokens(): ThemeTokens | null {
    return this.appliedTheme;
  }

  /** Tells the developer, once, exactly what the element is missing. */
  protected reportMissingStore(): void {
    if (this.warnedMissingStore) return;
    this.warnedMissingStore = true;
    // <portal-root> is where a backend is given, so it is never told to go inside one.
    const inside = this.localName === 'portal-root' ? '' : 'place it inside <portal-root>, or ';
    console.error(
      `<${this.localName}> has no backend: ${inside}give it an \`api\` attribute ` +
        '(the portal API URL) or an `adapter` property.',
    );
  }
}
