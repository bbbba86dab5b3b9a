import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import {
  type ElementMessages,
  type Formatter,
  type MessageNamespace,
  directionOf,
  formatterFor,
  inheritedLang,
  loadMessages,
  messagesFor,
  readyMessages,
  resolveLocale,
} from './i18n/index.js';

const connected = new Set<LitElement>();
let langObserver: MutationObserver | null = null;

/** Elements follow the page's `lang` live, like Shoelace: one observer for all of them. */
function observePageLang(): void {
  if (langObserver) return;
  langObserver = new MutationObserver(() => connected.forEach((element) => element.requestUpdate()));
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/**
 * What every element that speaks the portal's languages shares, the customer elements (PortalElement) and
 * the merchant console's (ConsoleElement) alike: its locale (its own `locale`, then its provider's, then
 * the page's `lang`, then English), its messages in that locale's language (waiting for their download
 * before rendering), formatters, and its direction (`dir="rtl"` for Arabic).
 */
export class LocalizedElement<NS extends MessageNamespace | undefined = undefined> extends LitElement {
  /** The element's own messages (beside it, `messages.ts`); the common catalog comes with every element. */
  static messages?: MessageNamespace;

  /** BCP 47 locale; falls back to the portal's (or console's), then the page's `lang`, then English. */
  @property() locale?: string;

  private appliedDir: string | null = null;

  /** The locale of the element's provider (`<portal-root>`, `<portal-console>`), when inside one. */
  protected get providedLocale(): string | undefined {
    return undefined;
  }

  /** @internal */
  get resolvedLocale(): string {
    return resolveLocale(this.locale, this.providedLocale, this.isConnected ? inheritedLang(this) : null);
  }

  /** @internal */
  get format(): Formatter {
    return formatterFor(this.resolvedLocale);
  }

  /**
   * The element's messages in its locale: the common catalog plus its own namespace.
   * @internal
   */
  get t(): ElementMessages<NS> {
    return messagesFor(this.resolvedLocale, this.messageNamespace) as ElementMessages<NS>;
  }

  private get messageNamespace(): MessageNamespace | undefined {
    return (this.constructor as typeof LocalizedElement).messages;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    observePageLang();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  /** Waits for the locale's catalogs, common and own, before rendering (each is fetched once, on first use). */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    const locale = this.resolvedLocale;
    if (readyMessages(locale, this.messageNamespace)) return super.shouldUpdate(changed);
    void loadMessages(locale, this.messageNamespace).then(() => this.requestUpdate());
    return false;
  }

  /** `updateComplete` resolves once the element has rendered in its own language, catalogs included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    if (readyMessages(this.resolvedLocale, this.messageNamespace)) return result;
    await loadMessages(this.resolvedLocale, this.messageNamespace);
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.applyDirection();
  }

  /**
   * Lays the element out in its locale's direction (`dir="rtl"` for Arabic), whatever the page around it
   * says: a merchant's English page can hold an Arabic portal. A `dir` the page author set stays theirs.
   */
  private applyDirection(): void {
    const current = this.getAttribute('dir');
    if (current !== null && current !== this.appliedDir) return;
    const dir = directionOf(this.resolvedLocale);
    if (current !== dir) this.setAttribute('dir', dir);
    this.appliedDir = dir;
  }
}
