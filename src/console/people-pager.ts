import { html, nothing, type TemplateResult } from 'lit';
import type { PagedListController } from './people-paging.js';

export interface PagerWords {
  pages: string;
  previous: string;
  next: string;
  pageNumber: (page: number) => string;
}

/**
 * Previous and next over a paged console list, with the page number; nothing when all fits on one page.
 * A button with nowhere to go is aria-disabled, not disabled, so the focus on it stays.
 */
export function renderPager(
  list: PagedListController<unknown, object>,
  words: PagerWords,
  onPage: (direction: 'next' | 'previous') => void,
): TemplateResult | typeof nothing {
  if (!list.hasPrevious && !list.hasNext) return nothing;
  return html`<nav class="pager" aria-label=${words.pages}>
    <button
      type="button"
      class="button"
      aria-disabled=${list.hasPrevious ? 'false' : 'true'}
      @click=${() => onPage('previous')}
    >
      ${words.previous}
    </button>
    <span>${words.pageNumber(list.pageNumber)}</span>
    <button
      type="button"
      class="button"
      aria-disabled=${list.hasNext ? 'false' : 'true'}
      @click=${() => onPage('next')}
    >
      ${words.next}
    </button>
  </nav>`;
}
