import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PortalError } from '../contract/errors.js';
import type { Page } from '../model/index.js';

/** One page of a console list as the section shows it now. */
export type PageState<T> =
  | { status: 'idle' }
  | { status: 'loading'; previous?: Page<T> }
  | { status: 'error'; error: PortalError }
  | { status: 'ready'; page: Page<T> };

/**
 * Keyset paging over a console list (customers, access logs) under the filters the merchant chose:
 * `load(filters)` starts again at the first page, `next()` follows the page's `nextCursor`, `previous()`
 * goes back to the cursor the page before was read with. Only the newest request's answer is kept, so
 * typing fast in a search never shows an older page over a newer one.
 */
export class PagedListController<T, F extends object> implements ReactiveController {
  private current: PageState<T> = { status: 'idle' };
  /** The cursor each visited page was read with; the last one is the page shown. */
  private cursors: (string | undefined)[] = [undefined];
  private ticket = 0;
  private active: F;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly read: (query: F & { cursor?: string }) => Promise<Page<T> | PortalError>,
    initial: F,
  ) {
    this.active = initial;
    host.addController(this);
  }

  hostConnected(): void {}

  get state(): PageState<T> {
    return this.current;
  }

  /** The filters of the page shown. */
  get filters(): F {
    return this.active;
  }

  /** The page shown, counting from 1. */
  get pageNumber(): number {
    return this.cursors.length;
  }

  get hasPrevious(): boolean {
    return this.cursors.length > 1;
  }

  get hasNext(): boolean {
    return this.current.status === 'ready' && this.current.page.nextCursor !== null;
  }

  /** Reads the first page under these filters. */
  load(filters: F = this.active): Promise<void> {
    this.active = filters;
    this.cursors = [undefined];
    return this.fetch();
  }

  /** Reads the page shown again (after a change, or to retry). */
  reload(): Promise<void> {
    return this.fetch();
  }

  next(): Promise<void> {
    if (this.current.status !== 'ready' || this.current.page.nextCursor === null) return Promise.resolve();
    this.cursors = [...this.cursors, this.current.page.nextCursor];
    return this.fetch();
  }

  previous(): Promise<void> {
    if (this.cursors.length < 2) return Promise.resolve();
    this.cursors = this.cursors.slice(0, -1);
    return this.fetch();
  }

  /** Puts a changed row in place (the backend answered with it), without reading the page again. */
  replace(matches: (item: T) => boolean, item: T): void {
    if (this.current.status !== 'ready') return;
    const page = this.current.page;
    this.current = {
      status: 'ready',
      page: { ...page, items: page.items.map((each) => (matches(each) ? item : each)) },
    };
    this.host.requestUpdate();
  }

  private async fetch(): Promise<void> {
    const ticket = ++this.ticket;
    const previous = this.current.status === 'ready' ? this.current.page : undefined;
    this.current = { status: 'loading', ...(previous ? { previous } : {}) };
    this.host.requestUpdate();
    const cursor = this.cursors[this.cursors.length - 1];
    const result = await this.read({ ...this.active, ...(cursor === undefined ? {} : { cursor }) });
    if (ticket !== this.ticket) return;
    this.current =
      result instanceof PortalError ? { status: 'error', error: result } : { status: 'ready', page: result };
    this.host.requestUpdate();
  }
}
