import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { emit } from '../../core/events.js';
import { PortalElement } from '../../core/portal-element.js';
import { QueryController } from '../../core/query.js';
import { queries, when } from '../../core/queries.js';
import type { ContentPage, ContentPageSummary } from '../../model/index.js';
import { renderEmpty, renderError, renderLoading, renderMisconfigured } from '../../ui/states.js';
import { elementStyles } from '../../ui/styles.js';
import { contentMessages } from './messages.js';
import { contentStyles } from './portal-content.styles.js';
import { type SafeHtml, contentSanitizer } from './sanitize.js';

const KINDS: readonly ContentPageSummary['kind'][] = ['policy', 'contact', 'custom'];

/**
 * @summary The merchant's policies, contact information and custom pages: a list, and one page opened by
 * `slug` or from the list.
 *
 * The merchant's HTML is sanitized by DOMPurify and reaches the DOM only through the Trusted Types policy
 * `portal-elements#content` (a page that enforces Trusted Types lists it: `trusted-types lit-html
 * portal-elements#content`). It keeps text formatting, lists, tables and links (same tab, `rel="noopener
 * noreferrer"`); it never runs script, loads a frame, image or stylesheet, holds a form, or styles anything.
 *
 * @fires portal-content-open - The customer opened a page from the list; `detail.slug`.
 *
 * @csspart list - The list of pages, grouped by kind.
 * @csspart page - One page: its title and body.
 * @csspart body - The merchant's sanitized HTML.
 * @csspart loading - The skeleton while the list or a page loads.
 * @csspart empty - The merchant has no pages, or the page does not exist.
 * @csspart error - A failure, with a retry.
 */
export class PortalContent extends PortalElement<typeof contentMessages> {
  static override styles = [...elementStyles, contentStyles];
  static override messages = contentMessages;

  /** The page to show (its slug); empty shows the list. */
  @property({ reflect: true }) slug = '';

  /** The page was opened from this element's list: it offers the way back. */
  @state() private openedFromList = false;

  private readonly listQuery = new QueryController(
    this,
    when(() => !this.slug || this.openedFromList, queries.pages),
  );
  private readonly pageQuery = new QueryController(
    this,
    queries.page(() => this.slug),
  );

  /** The last page sanitized, and what came out, so a re-render does not sanitize again. */
  private sanitized: { page: ContentPage; html: SafeHtml } | null = null;
  /** '#title' (a page just opened; no slug has '#'), or the slug whose list entry takes focus back. */
  private focusAfterUpdate: string | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Set from outside (the page's own router), the slug is not "from the list".
    if (changed.has('slug') && this.focusAfterUpdate === null) this.openedFromList = false;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const target = this.focusAfterUpdate;
    if (target === null) return;
    const root = this.renderRoot as ShadowRoot;
    const element =
      target === '#title'
        ? root.querySelector<HTMLElement>('.page-title')
        : root.querySelector<HTMLElement>(`button[data-slug="${CSS.escape(target)}"]`);
    // The page (or the list) may still be loading: focus moves once it is there.
    if (element) {
      this.focusAfterUpdate = null;
      element.focus();
    }
  }

  private open(slug: string): void {
    this.focusAfterUpdate = '#title';
    this.openedFromList = true;
    this.slug = slug;
    emit(this, 'portal-content-open', { slug });
  }

  private back(): void {
    this.focusAfterUpdate = this.slug;
    this.openedFromList = false;
    this.slug = '';
  }

  /** The page's body through the content policy; null when the page's CSP refuses the policy. */
  private safeBody(page: ContentPage): SafeHtml | null {
    if (this.sanitized?.page === page) return this.sanitized.html;
    const sanitizer = contentSanitizer();
    if (!sanitizer) return null;
    this.sanitized = { page, html: sanitizer.sanitize(page.html) };
    return this.sanitized.html;
  }

  private renderList(pages: readonly ContentPageSummary[]): TemplateResult {
    if (pages.length === 0) return renderEmpty(this.t.content.empty);
    const t = this.t.content;
    return html`<div class="groups" part="list">
      ${KINDS.filter((kind) => pages.some((page) => page.kind === kind)).map(
        (kind) =>
          html`<section class="group" aria-labelledby="kind-${kind}">
            <h2 id="kind-${kind}">${t.kinds[kind]}</h2>
            <ul class="pages">
              ${repeat(
                pages.filter((page) => page.kind === kind),
                (page) => page.id,
                (page) =>
                  html`<li>
                    <button
                      type="button"
                      class="button link"
                      data-slug=${page.slug}
                      @click=${() => this.open(page.slug)}
                    >
                      ${page.title}
                    </button>
                  </li>`,
              )}
            </ul>
          </section>`,
      )}
    </div>`;
  }

  private renderPage(): TemplateResult {
    const t = this.t;
    const state = this.pageQuery.state;
    const back = this.openedFromList
      ? html`<button type="button" class="button link back" @click=${this.back}>
          ${t.content.allPages}
        </button>`
      : nothing;
    if (state.status === 'error') {
      const body =
        state.error.code === 'not_found'
          ? renderEmpty(t.content.notFound)
          : renderError(t, state.error, () => this.pageQuery.refresh());
      return html`<div class="page">${back}${body}</div>`;
    }
    if (state.status !== 'complete') return html`<div class="page">${back}${renderLoading(t, 5)}</div>`;
    const page = state.value;
    const body = this.safeBody(page);
    return html`<article class="page" part="page" aria-labelledby="page-title">
      ${back}
      <h3 id="page-title" class="page-title" tabindex="-1">${page.title}</h3>
      ${
        body === null
          ? html`<div class="alert error" role="alert" part="error"><p>${t.content.blocked}</p></div>`
          : html`<div class="page-body" part="body" .innerHTML=${body}></div>`
      }
    </article>`;
  }

  override render(): TemplateResult {
    if (!this.store) {
      this.reportMissingStore();
      return renderMisconfigured(this.t);
    }
    if (this.slug) return this.renderPage();
    const state = this.listQuery.state;
    if (state.status === 'error') return renderError(this.t, state.error, () => this.listQuery.refresh());
    if (state.status !== 'complete') return renderLoading(this.t, 4);
    return this.renderList(state.value);
  }
}
