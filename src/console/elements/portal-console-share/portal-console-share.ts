import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LiveRegionController } from '../../../controllers/live-region.js';
import { LANGUAGES } from '../../../core/i18n/index.js';
import { formStyles } from '../../../ui/form/styles.js';
import { elementStyles } from '../../../ui/styles.js';
import { ConsoleElement } from '../../console-element.js';
import { type ShareT, shareMessages } from './messages.js';
import { defaultEmbedUrls } from '../../embed.js';
import { embedSnippet } from './snippet.js';

type Copyable = 'link' | 'snippet';

const styles = css`
  section {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .share {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  h2 {
    margin: 0;
    font-size: 1.0625rem;
  }
  p {
    margin: 0;
  }
  textarea {
    min-height: 6rem;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875rem;
    resize: vertical;
  }
`;

/**
 * @summary The console's Share section: the portal's link and a ready embed snippet (script tag and
 * element), each with a Copy button.
 *
 * Copy uses the clipboard API; where the browser refuses it (no permission, an insecure page), the text is
 * selected and the section says to press Ctrl+C. The URLs default to the reference server's (the page's
 * origin); `<portal-console>` passes its own `portal-url`, `script-url` and `api-url`.
 */
export class PortalConsoleShare extends ConsoleElement<typeof shareMessages> {
  static override messages = shareMessages;
  static override styles = [...elementStyles, formStyles, styles];

  @property({ attribute: 'portal-url' }) portalUrl?: string;
  @property({ attribute: 'script-url' }) scriptUrl?: string;
  @property({ attribute: 'api-url' }) apiUrl?: string;

  /** The language the snippet pins, or '' for the page's own. */
  @state() private language = '';
  @state() private fallback: Copyable | null = null;

  private readonly live = new LiveRegionController(this);

  private get urls() {
    const defaults = defaultEmbedUrls(location.origin);
    return {
      portalUrl: this.portalUrl ?? defaults.portalUrl,
      scriptUrl: this.scriptUrl ?? defaults.scriptUrl,
      apiUrl: this.apiUrl ?? defaults.apiUrl,
    };
  }

  protected override render(): TemplateResult {
    const t: ShareT = this.t;
    const urls = this.urls;
    const snippet = embedSnippet(urls, this.language || null);
    return html`${this.live.render()}
      <div class="share">
        <section aria-labelledby="link-heading">
          <h2 id="link-heading">${t.consoleShare.linkHeading}</h2>
          <p>${t.consoleShare.linkIntro}</p>
          <div class="field">
            <label for="link">${t.consoleShare.linkLabel}</label>
            <input id="link" dir="ltr" readonly .value=${urls.portalUrl} />
          </div>
          ${this.renderCopy(t, 'link', t.consoleShare.copyLink, urls.portalUrl)}
        </section>
        <section aria-labelledby="snippet-heading">
          <h2 id="snippet-heading">${t.consoleShare.snippetHeading}</h2>
          <p>${t.consoleShare.snippetIntro}</p>
          <div class="field">
            <label for="language">${t.consoleShare.language}</label>
            <span class="hint" id="language-hint">${t.consoleShare.languageHint}</span>
            <select id="language" aria-describedby="language-hint" @change=${this.onLanguage}>
              <option value="" .selected=${this.language === ''}>${t.consoleShare.pageLanguage}</option>
              ${LANGUAGES.map(
                (code) =>
                  html`<option value=${code} .selected=${this.language === code}>
                    ${t.consoleShare.languages[code]}
                  </option>`,
              )}
            </select>
          </div>
          <div class="field">
            <label for="snippet">${t.consoleShare.snippetLabel}</label>
            <textarea id="snippet" dir="ltr" readonly rows="3" .value=${snippet}></textarea>
          </div>
          ${this.renderCopy(t, 'snippet', t.consoleShare.copySnippet, snippet)}
        </section>
      </div>`;
  }

  private renderCopy(t: ShareT, what: Copyable, label: string, text: string): TemplateResult {
    return html`<div class="actions">
        <button type="button" class="button" @click=${() => void this.copy(what, text)}>${label}</button>
      </div>
      ${
        this.fallback === what
          ? html`<p class="alert info" id=${`${what}-fallback`}>${t.consoleShare.copyFallback}</p>`
          : nothing
      }`;
  }

  private onLanguage(event: Event): void {
    this.language = (event.target as HTMLSelectElement).value;
    this.fallback = null;
  }

  /** Copies through the clipboard API, else selects the text for the merchant to copy themselves. */
  private async copy(what: Copyable, text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.fallback = null;
      this.live.announce(this.t.consoleShare.copied);
    } catch {
      this.fallback = what;
      const control = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(
        what === 'link' ? '#link' : '#snippet',
      );
      control?.focus();
      control?.select();
      this.live.announce(this.t.consoleShare.copyFallback);
    }
  }
}
