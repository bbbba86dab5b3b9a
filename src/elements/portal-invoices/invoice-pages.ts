import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type PortalError, toPortalError } from '../../contract/errors.js';
import { type PortalStore, type StoreChange, isAbortError, keys } from '../../core/store.js';
import type { InvoiceFilter, InvoiceListQuery, InvoicePage, InvoiceSummary } from '../../model/index.js';

/** The most rows one request may ask for (the contract's `limit` maximum). */
export const MAX_PAGE_SIZE = 100;

export interface InvoicePagesHost extends ReactiveControllerHost {
  readonly store: PortalStore | null;
}

export interface InvoicePagesQuery {
  filter: InvoiceFilter;
  pageSize: number;
}

type RequestKind = 'first' | 'more' | 'refresh';

/** What a request changed, so the element can announce it and keep focus in place. */
export type InvoicePagesOutcome =
  | { kind: 'first' }
  | { kind: 'more'; added: readonly InvoiceSummary[] }
  | { kind: 'refresh'; previous: readonly InvoiceSummary[]; changed: boolean }
  | { kind: 'failed'; request: RequestKind };

function customerOf(store: PortalStore): string | null {
  return store.session.status === 'signed_in' ? store.session.session.customerId : null;
}

/** Whether an invalidation touches invoice lists: the `invoices:` family, or one list under it. */
function touchesLists(target: string): boolean {
  return target.startsWith('invoices:');
}

/** What a customer sees of a row; a refresh that changes none of it is not announced. */
function fingerprint(rows: readonly InvoiceSummary[]): string {
  return rows.map((row) => `${row.id}:${row.status}:${row.amountDue.amount}`).join(',');
}

/**
 * The invoice list's rows, page by page through the store's cursor paging.
 *
 * QueryController reads one key; a list that grows page by page needs the rows of several keys, kept
 * while the next one loads, so it gets this controller. It keeps the same rules: every read goes
 * through the store (cache, shared requests, aborts), it listens for the store's invalidations, and it
 * turns failures into PortalErrors.
 *
 * After an invalidation (a payment) it makes ONE request: the first `max(pageSize, rows shown)` rows,
 * at most 100. Up to 100 rows the customer keeps every row and their place; past 100 the rows beyond
 * are dropped rather than shown stale (a paid invoice must not still read "Open"), and the refreshed
 * cursor continues from row 100. Refetching them page by page would cost one request per page.
 */
export class InvoicePages implements ReactiveController {
  /** The loaded rows, newest first, each invoice once. */
  rows: readonly InvoiceSummary[] = [];
  /** The cursor of the next page; null when every row is loaded. */
  nextCursor: string | null = null;
  /** The first page: not asked yet, on its way (nothing to show), shown, or failed. */
  phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  /** A request made while rows are on screen: a later page, or a refresh after a change. */
  busy: 'more' | 'refresh' | null = null;
  /** The last failure; the rows already shown stay. */
  error: PortalError | null = null;
  /** Which request failed, so a retry repeats that one. */
  failed: RequestKind | null = null;

  private readonly host: InvoicePagesHost;
  private readonly query: () => InvoicePagesQuery;
  private readonly onOutcome: (outcome: InvoicePagesOutcome) => void;
  private watched: PortalStore | null = null;
  private unsubscribe?: () => void;
  private loadedFrom: { store: PortalStore; filter: InvoiceFilter; pageSize: number } | null = null;
  /** Whose invoices are shown: a customer id, null for nobody, undefined while the session was unknown. */
  private loadedFor: string | null | undefined = null;
  private inFlight: AbortController | null = null;
  private interrupted = false;
  private ids = new Set<string>();
  /** The store keys the rows on screen came from: on reconnect, only a stale one means asking again. */
  private sources: string[] = [];

  constructor(
    host: InvoicePagesHost,
    options: { query: () => InvoicePagesQuery; onOutcome: (outcome: InvoicePagesOutcome) => void },
  ) {
    this.host = host;
    this.query = options.query;
    this.onOutcome = options.onOutcome;
    host.addController(this);
  }

  hostConnected(): void {
    this.watch(this.host.store);
    // Moved in the page, or taken off it for a while: ask again only if a request was cut short or
    // what the rows came from changed meanwhile (the store marks it stale; it also ages out).
    if (this.interrupted) {
      this.interrupted = false;
      const store = this.watched;
      if (this.phase !== 'ready' || this.sources.some((key) => !store?.isFresh(key))) this.revalidate();
    }
  }

  hostUpdate(): void {
    const store = this.host.store;
    if (store !== this.watched) this.watch(store);
    const { filter, pageSize } = this.query();
    const from = this.loadedFrom;
    if (from?.store === store && from.filter === filter && from.pageSize === pageSize) return;
    this.reset();
    this.loadedFrom = store ? { store, filter, pageSize } : null;
    if (store) this.loadFirst();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.watched = null;
    if (this.inFlight) {
      this.inFlight.abort();
      this.inFlight = null;
      this.busy = null;
      if (this.phase === 'loading') this.phase = 'idle';
      this.interrupted = true;
    } else if (this.phase !== 'idle') {
      // Changes made while away are not heard; the store's cache will say whether any happened.
      this.interrupted = true;
    }
  }

  /** Asks for the next page; does nothing while another request for the list is on its way. */
  loadMore(): void {
    if (this.phase !== 'ready' || this.busy !== null || this.nextCursor === null) return;
    const { filter, pageSize } = this.query();
    const query = { filter, limit: pageSize, cursor: this.nextCursor };
    void this.request('more', query, (page) => {
      this.sources.push(keys.invoices(query));
      const added = this.append(page.items);
      this.nextCursor = page.nextCursor;
      this.onOutcome({ kind: 'more', added });
    });
  }

  /** Repeats whatever failed: the first page, the next page, or the refresh. */
  retry(): void {
    if (this.phase === 'error' || this.failed === 'first') this.loadFirst();
    else if (this.failed === 'more') this.loadMore();
    else if (this.failed === 'refresh') this.refresh();
  }

  private watch(store: PortalStore | null): void {
    this.unsubscribe?.();
    this.watched = store;
    this.unsubscribe = store?.onChange((change) => this.onStoreChange(store, change));
  }

  private onStoreChange(store: PortalStore, change: StoreChange): void {
    if (this.phase === 'idle' && !this.inFlight) return;
    if (change.session && this.loadedFor === undefined && store.session.status === 'signed_in') {
      // Asked before anyone knew who was signed in, with the credentials the backend just recognised:
      // these are this customer's invoices (the store keeps them too), not a reason to ask again.
      this.loadedFor = customerOf(store);
      return;
    }
    if (change.session && customerOf(store) !== this.loadedFor) {
      // Someone else (or no one) is signed in: nothing of the previous customer may stay on screen.
      this.reset();
      this.loadFirst();
      this.host.requestUpdate();
      return;
    }
    if (change.session || change.invalidated.some(touchesLists)) this.revalidate();
  }

  private revalidate(): void {
    if (!this.watched) return;
    // A first page on its way may predate the change; a failed one may work now.
    if (this.phase === 'ready') this.refresh();
    else this.loadFirst();
  }

  private loadFirst(): void {
    const store = this.watched;
    if (!store) return;
    this.loadedFor = store.session.status === 'unknown' ? undefined : customerOf(store);
    const { filter, pageSize } = this.query();
    const query = { filter, limit: pageSize };
    void this.request('first', query, (page) => {
      this.sources = [keys.invoices(query)];
      this.replace(page.items);
      this.nextCursor = page.nextCursor;
      this.phase = 'ready';
      this.onOutcome({ kind: 'first' });
    });
  }

  private refresh(): void {
    const { filter, pageSize } = this.query();
    const limit = Math.min(MAX_PAGE_SIZE, Math.max(pageSize, this.rows.length));
    const previous = this.rows;
    const query = { filter, limit };
    void this.request('refresh', query, (page) => {
      this.sources = [keys.invoices(query)];
      this.replace(page.items);
      this.nextCursor = page.nextCursor;
      this.onOutcome({
        kind: 'refresh',
        previous,
        changed: fingerprint(previous) !== fingerprint(this.rows),
      });
    });
  }

  /**
   * One request at a time: a newer one aborts the one on its way (the store cancels the underlying
   * request only when nobody else is waiting for it). `apply` runs before the host is asked to render,
   * so the element renders the new rows and its reaction to them together.
   */
  private async request(
    kind: RequestKind,
    query: InvoiceListQuery,
    apply: (page: InvoicePage) => void,
  ): Promise<void> {
    const store = this.watched;
    if (!store) return;
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    if (kind === 'first') {
      this.phase = 'loading';
      this.busy = null;
    } else {
      this.busy = kind;
    }
    this.error = null;
    this.failed = null;
    this.host.requestUpdate();
    try {
      const page = await store.read('listInvoices', query, { signal: controller.signal });
      if (this.inFlight !== controller) return;
      apply(page);
    } catch (error) {
      if (this.inFlight !== controller || isAbortError(error)) return;
      this.error = toPortalError(error);
      this.failed = kind;
      if (kind === 'first') this.phase = 'error';
      this.onOutcome({ kind: 'failed', request: kind });
    } finally {
      if (this.inFlight === controller) {
        this.inFlight = null;
        this.busy = null;
        this.host.requestUpdate();
      }
    }
  }

  private reset(): void {
    this.inFlight?.abort();
    this.inFlight = null;
    this.rows = [];
    this.ids = new Set();
    this.sources = [];
    this.nextCursor = null;
    this.phase = 'idle';
    this.busy = null;
    this.error = null;
    this.failed = null;
  }

  private replace(items: readonly InvoiceSummary[]): void {
    this.rows = [];
    this.ids = new Set();
    this.append(items);
  }

  /**
   * Keyset cursors never repeat a row, but a backend paging by offset would after an insert; an
   * invoice shown twice would look like a double charge, so repeats are dropped here.
   */
  private append(items: readonly InvoiceSummary[]): InvoiceSummary[] {
    const added = items.filter((item) => {
      if (this.ids.has(item.id)) return false;
      this.ids.add(item.id);
      return true;
    });
    if (added.length > 0) this.rows = [...this.rows, ...added];
    return added;
  }
}
