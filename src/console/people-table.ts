import { html, type TemplateResult } from 'lit';
import type { Messages } from '../core/i18n/index.js';
import { renderEmpty, renderError, renderLoading } from '../ui/states.js';
import { renderPager, type PagerWords } from './people-pager.js';
import type { PagedListController } from './people-paging.js';

export interface PeopleTable<T> {
  /** Names the scrolling region and, for screen readers, the table. */
  label: string;
  /** The column headings, in order. */
  columns: readonly string[];
  rows: readonly T[];
  /** One row; its first cell is the row's `<th scope="row">`. */
  renderRow: (row: T) => TemplateResult;
  /** A newer list is being read: the rows shown are the previous ones. */
  loading: boolean;
}

/**
 * A console list's table: in a focusable region that scrolls sideways on a narrow screen (named, and
 * busy while a newer list is read), with a hidden caption and a heading per column.
 */
export function renderPeopleTable<T>(table: PeopleTable<T>): TemplateResult {
  return html`<div
    class="table-wrap"
    role="group"
    tabindex="0"
    aria-label=${table.label}
    aria-busy=${table.loading ? 'true' : 'false'}
  >
    <table>
      <caption class="visually-hidden">
        ${table.label}
      </caption>
      <thead>
        <tr>
          ${table.columns.map((column) => html`<th scope="col">${column}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${table.rows.map((row) => table.renderRow(row))}
      </tbody>
    </table>
  </div>`;
}

export interface PagedTable<T> extends Omit<PeopleTable<T>, 'rows' | 'loading'> {
  /** What an empty first answer says (nobody yet, or nobody matching the filters). */
  empty: string | TemplateResult;
  pager: PagerWords;
  onPage: (direction: 'next' | 'previous') => void;
}

/**
 * A paged console list in each of its states: a skeleton, a failure with a retry, an empty answer, or
 * the table (the previous page stays, busy, while the next is read) and its pager.
 */
export function renderPagedTable<T>(
  t: Messages,
  list: PagedListController<T, object>,
  table: PagedTable<T>,
): TemplateResult {
  const state = list.state;
  if (state.status === 'error') return renderError(t, state.error, () => void list.reload());
  const page =
    state.status === 'ready' ? state.page : state.status === 'loading' ? state.previous : undefined;
  if (!page) return renderLoading(t, 6);
  if (page.items.length === 0 && state.status === 'ready') return renderEmpty(table.empty);
  return html`${renderPeopleTable({ ...table, rows: page.items, loading: state.status === 'loading' })}
  ${renderPager(list, table.pager, table.onPage)}`;
}
