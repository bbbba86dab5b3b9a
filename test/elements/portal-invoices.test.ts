import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import { storeForAdapter, storeForApi } from '../../src/core/connect.js';
import { PortalError } from '../../src/contract/errors.js';
import { en, fr } from '../helpers/messages.js';
import '../../src/elements/portal-invoices/define.js';
import type { PortalInvoices } from '../../src/elements/portal-invoices/portal-invoices.js';
import type { InvoiceListQuery, InvoicePage, InvoiceSummary } from '../../src/model/index.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { signedInAda, signedInAnalytical, signedInMary } from '../helpers/customers.js';
import { deferred } from '../helpers/deferred.js';
import { root, squash, text } from '../helpers/dom.js';
import { date, money } from '../helpers/format.js';

// Finding things the way a customer does: by visible text, roles and states.

/** The invoice rows of the table (not the header row, not skeleton rows). */
function rows(el: PortalInvoices): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>('[role="table"] [role="rowgroup"] [part="row"]')];
}

function rowNumbers(el: PortalInvoices): string[] {
  return rows(el).map((row) => text(row.querySelector('[role="rowheader"] button')));
}

function headers(el: PortalInvoices): string[] {
  return [...root(el).querySelectorAll('[role="columnheader"]')].map((each) => text(each));
}

/** A row's cells by column header, as a screen reader pairs them. */
function cells(el: PortalInvoices, row: HTMLElement): Record<string, string> {
  const names = headers(el);
  const roles = [...row.children].map((cell) => cell.getAttribute('role'));
  expect(roles).to.deep.equal(['rowheader', 'cell', 'cell', 'cell', 'cell', 'cell', 'cell']);
  return Object.fromEntries([...row.children].map((cell, index) => [names[index], text(cell)]));
}

function loadMore(el: PortalInvoices): HTMLButtonElement | null {
  return root(el).querySelector<HTMLButtonElement>('button.load-more');
}

function liveRegion(el: PortalInvoices): string {
  return text(
    [...root(el).querySelector('[part="base"]')!.children].find((e) => e.matches('[role="status"]')),
  );
}

function radio(el: PortalInvoices, label: string): HTMLInputElement {
  const match = [...root(el).querySelectorAll('label')].find((each) => text(each) === label);
  expect(match, `a filter labelled "${label}"`).to.exist;
  return match!.querySelector('input')!;
}

async function settled(el: PortalInvoices): Promise<void> {
  await waitUntil(
    () =>
      !root(el).querySelector('.loading') && !loadMore(el)?.getAttribute('aria-disabled')?.includes('true'),
    'the list finishes loading',
    { timeout: 5000 },
  );
  await el.updateComplete;
}

/** Every invoice of the signed-in customer under `filter`, straight from the adapter. */
async function everything(adapter: PortalAdapter, filter: InvoiceListQuery['filter'] = 'all') {
  const all: InvoiceSummary[] = [];
  let cursor: string | undefined;
  do {
    const page: InvoicePage = await adapter.listInvoices({ filter, limit: 100, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

async function payInFull(adapter: PortalAdapter, invoice: InvoiceSummary): Promise<void> {
  await storeForAdapter(adapter).mutate('payInvoice', {
    invoiceId: invoice.id,
    allocations: [{ paymentMethodId: 'pm_ada_visa', amount: invoice.amountDue }],
    idempotencyKey: `invoices-test-${invoice.id}-0000`,
  });
}

describe('<portal-invoices>', () => {
  it('lists Ada’s invoices and orders newest first, each cell as the backend states it', async () => {
    const adapter = await signedInAda();
    const expected = await everything(adapter);
    const el = await fixture<PortalInvoices>(html`<portal-invoices .adapter=${adapter}></portal-invoices>`);
    await settled(el);
    await expect(el).to.be.accessible();
    expect(el.getAttribute('filter'), 'the filter is reflected').to.equal('all');
    expect(root(el).querySelector('[role="table"]')!.getAttribute('aria-label')).to.equal(
      en.invoices.caption,
    );
    expect(rowNumbers(el)).to.deep.equal(expected.map((invoice) => invoice.number));
    const statuses = new Set(expected.map((invoice) => invoice.status));
    expect([...statuses].sort()).to.deep.equal(
      ['open', 'overdue', 'paid', 'partially_paid', 'refunded', 'void'],
      'the demo has every status',
    );
    expected.forEach((invoice, index) => {
      const row = cells(el, rows(el)[index]);
      expect(row).to.deep.equal({
        Number: invoice.number,
        Type: en.invoiceKind[invoice.kind],
        Issued: date(invoice.issueDate),
        Due: invoice.dueDate ? date(invoice.dueDate) : `—${en.invoiceRef.noDueDate}`,
        Total: money(invoice.total),
        'Amount due': money(invoice.amountDue),
        Status: en.invoiceStatus[invoice.status],
      });
    });
    const dates = expected.map((invoice) => invoice.issueDate);
    expect(dates).to.deep.equal([...dates].sort().reverse(), 'newest first');
    expect(loadMore(el), 'Ada’s nine fit on the first page').to.equal(null);
  });

  for (const [layout, width] of [
    ['table', 1000],
    ['cards', 360],
  ] as const) {
    it(`shows skeleton rows of the real rows’ height while the first page loads (${layout})`, async () => {
      const inner = await signedInAda();
      const pending = deferred<InvoicePage>();
      const { adapter } = countingAdapter(inner, { listInvoices: () => pending.promise });
      // The element itself is sized (its own width drives its container queries). A wrapping <div>
      // fixture would wait for an animation frame, which never comes in a background test page.
      const el = await fixture<PortalInvoices>(html`<portal-invoices .adapter=${adapter}></portal-invoices>`);
      el.style.width = `${width}px`;
      await el.updateComplete;
      const loading = root(el).querySelector('[part="loading"]')!;
      expect(loading.getAttribute('role')).to.equal('status');
      expect(text(loading.querySelector('.visually-hidden'))).to.equal(en.common.loading);
      expect(loading.querySelector('.table')!.getAttribute('aria-hidden')).to.equal('true');
      const skeletonRows = [...loading.querySelectorAll('.skeleton-row')];
      expect(skeletonRows.length).to.equal(10);
      await expect(el).to.be.accessible();
      const skeletonHeight = skeletonRows[0].getBoundingClientRect().height;
      const headerHeight = loading.querySelector('.head')!.getBoundingClientRect().height;
      const filtersBottom = root(el).querySelector('[part="filters"]')!.getBoundingClientRect().bottom;
      pending.resolve(await inner.listInvoices({ filter: 'all', limit: 25 }));
      await settled(el);
      for (const row of rows(el)) expect(row.getBoundingClientRect().height).to.equal(skeletonHeight);
      expect(root(el).querySelector('.head')!.getBoundingClientRect().height).to.equal(headerHeight);
      expect(root(el).querySelector('[part="filters"]')!.getBoundingClientRect().bottom).to.equal(
        filtersBottom,
      );
    });
  }

  it('says what failed, and recovers when retried', async () => {
    const inner = await signedInAda();
    let failures = 1;
    const { adapter, calls } = countingAdapter(inner, {
      listInvoices: (query: InvoiceListQuery) =>
        failures-- > 0 ? Promise.reject(new PortalError('network', 'offline')) : inner.listInvoices(query),
    });
    const el = await fixture<PortalInvoices>(html`<portal-invoices .adapter=${adapter}></portal-invoices>`);
    await settled(el);
    expect(text(root(el).querySelector('[role="alert"]'))).to.contain(en.errors.network);
    await expect(el).to.be.accessible();
    [...root(el).querySelectorAll('button')].find((each) => text(each) === en.common.retry)!.click();
    await waitUntil(() => rows(el).length === 9, 'rows after retry');
    expect(calls.listInvoices).to.equal(2);
  });

  it('says there is nothing, in the words of each filter', async () => {
    const adapter = await signedInMary();
    for (const filter of ['all', 'outstanding', 'paid'] as const) {
      const el = await fixture<PortalInvoices>(
        html`<portal-invoices filter=${filter} .adapter=${adapter}></portal-invoices>`,
      );
      await settled(el);
      expect(text(root(el).querySelector('[part="empty"]')), filter).to.equal(en.invoices.empty[filter]);
      expect(root(el).querySelector('[role="table"]'), filter).to.equal(null);
      await expect(el).to.be.accessible();
    }
  });

  it('changes the filter from the keyboard, re-queries and announces the result, without an event', async () => {
    const inner = await signedInAda();
    const { adapter, inputs } = countingAdapter(inner);
    const outstanding = await everything(inner, 'outstanding');
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    const events: string[] = [];
    const record = (event: Event) => events.push(event.type);
    document.addEventListener('portal-navigate', record);
    document.addEventListener('portal-invoice-select', record);
    try {
      const el = await fixture<PortalInvoices>(html`<portal-invoices .adapter=${adapter}></portal-invoices>`);
      await settled(el);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement, 'Tab reaches the chosen filter').to.equal(radio(el, 'All'));
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => el.filter === 'outstanding' && !root(el).querySelector('.loading'));
      await settled(el);
      expect(el.getAttribute('filter')).to.equal('outstanding');
      expect(radio(el, 'Outstanding').checked).to.equal(true);
      expect(inputs.listInvoices.at(-1)).to.deep.equal({ filter: 'outstanding', limit: 25 });
      expect(rowNumbers(el)).to.deep.equal(outstanding.map((invoice) => invoice.number));
      expect(liveRegion(el)).to.equal(en.invoices.shown(outstanding.length, `${outstanding.length}`));
      expect(events, 'changing the filter emits nothing').to.deep.equal([]);

      await sendKeys({ press: 'Tab' });
      const first = root(el).activeElement as HTMLButtonElement;
      expect(first.dataset.invoiceId, 'Tab moves from the filter to the first row').to.equal(
        outstanding[0].id,
      );
      expect(first.getAttribute('aria-label')).to.equal(`View ${outstanding[0].number}`);
      const selected = oneEvent(el, 'portal-invoice-select');
      await sendKeys({ press: 'Enter' });
      const event = await selected;
      expect(event.detail).to.deep.equal({ invoiceId: outstanding[0].id });
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);

      await sendKeys({ press: 'Tab' });
      const second = root(el).activeElement as HTMLButtonElement;
      const selectedAgain = oneEvent(el, 'portal-invoice-select');
      await sendKeys({ press: ' ' });
      expect((await selectedAgain).detail.invoiceId).to.equal(second.dataset.invoiceId);
      expect(second.dataset.invoiceId).to.equal(outstanding[1].id);
    } finally {
      before.remove();
      document.removeEventListener('portal-navigate', record);
      document.removeEventListener('portal-invoice-select', record);
    }
  });

  it('opens an invoice on click with portal-invoice-select', async () => {
    const adapter = await signedInAda();
    const el = await fixture<PortalInvoices>(html`<portal-invoices .adapter=${adapter}></portal-invoices>`);
    await settled(el);
    const selected = oneEvent(document, 'portal-invoice-select');
    rows(el)[2].querySelector('button')!.click();
    expect((await selected).detail.invoiceId).to.equal((await everything(adapter))[2].id);
  });

  it('pages through every invoice once, newest first; focus and announcement follow each page', async () => {
    const inner = await signedInAda();
    const { adapter, inputs } = countingAdapter(inner);
    const expected = await everything(inner);
    const el = await fixture<PortalInvoices>(
      html`<portal-invoices page-size="2" .adapter=${adapter}></portal-invoices>`,
    );
    await settled(el);
    expect(rows(el).length).to.equal(2);
    let pages = 1;
    while (loadMore(el)) {
      const before = rows(el).length;
      loadMore(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => rows(el).length > before, 'a page appended');
      await settled(el);
      pages += 1;
      const added = rows(el).length - before;
      expect(liveRegion(el)).to.equal(
        `${en.invoices.added(added, `${added}`)} ${en.invoices.shown(rows(el).length, `${rows(el).length}`)}`,
      );
      const focused = root(el).activeElement as HTMLButtonElement;
      expect(focused.dataset.invoiceId, 'focus moves to the first new row').to.equal(expected[before].id);
    }
    const numbers = rowNumbers(el);
    expect(numbers).to.deep.equal(expected.map((invoice) => invoice.number));
    expect(new Set(numbers).size, 'no duplicates').to.equal(numbers.length);
    expect(pages).to.equal(Math.ceil(expected.length / 2));
    expect(inputs.listInvoices.length).to.equal(pages);
    expect(inputs.listInvoices.slice(1).every((query) => (query as InvoiceListQuery).cursor)).to.equal(true);
    expect(text(root(el).querySelector('.count'))).to.equal(`Showing ${expected.length} rows`);
    await expect(el).to.be.accessible();
  });

  it('keeps the rows when a later page fails, with a retry at the bottom that continues', async () => {
    const inner = await signedInAda();
    let failNextPage = true;
    const { adapter } = countingAdapter(inner, {
      listInvoices: (query: InvoiceListQuery) => {
        if (query.cursor && failNextPage) {
          failNextPage = false;
          return Promise.reject(new PortalError('timeout', 'slow'));
        }
        return inner.listInvoices(query);
      },
    });
    const el = await fixture<PortalInvoices>(
      html`<portal-invoices page-size="4" .adapter=${adapter}></portal-invoices>`,
    );
    await settled(el);
    loadMore(el)!.focus();
    await sendKeys({ press: 'Enter' });
    const footer = root(el).querySelector('[part="footer"]')!;
    await waitUntil(() => footer.querySelector('[role="alert"]'), 'an inline error');
    await el.updateComplete;
    expect(rows(el).length, 'the loaded rows stay').to.equal(4);
    expect(text(footer.querySelector('[role="alert"]'))).to.contain(en.errors.timeout);
    expect(loadMore(el), 'the retry takes the place of "Load more"').to.equal(null);
    const retry = footer.querySelector<HTMLButtonElement>('[role="alert"] button')!;
    expect(root(el).activeElement, 'focus moves to the retry').to.equal(retry);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows(el).length === 8, 'the page arrives on retry');
    expect(footer.querySelector('[role="alert"]')).to.equal(null);
    expect(rowNumbers(el)).to.deep.equal((await everything(inner)).slice(0, 8).map((each) => each.number));
  });

  it('renders the first page of 10,000 invoices, and appends the next', async () => {
    const inner = await signedInAda({ extraInvoices: 10_000 });
    const { adapter, inputs } = countingAdapter(inner);
    const el = await fixture<PortalInvoices>(html`<portal-invoices .adapter=${adapter}></portal-invoices>`);
    await settled(el);
    expect(rows(el).length).to.equal(25);
    expect(inputs.listInvoices).to.deep.equal([{ filter: 'all', limit: 25 }]);
    loadMore(el)!.click();
    await waitUntil(() => rows(el).length === 50, 'the next page appended');
    const expected = (await inner.listInvoices({ filter: 'all', limit: 50 })).items;
    expect(rowNumbers(el)).to.deep.equal(expected.map((invoice) => invoice.number));
    expect(loadMore(el), 'more to come').to.exist;
  });

  it('asks at most 100 rows per request', async () => {
    const inner = await signedInAda({ extraInvoices: 300 });
    const { adapter, inputs } = countingAdapter(inner);
    const el = await fixture<PortalInvoices>(
      html`<portal-invoices page-size="500" .adapter=${adapter}></portal-invoices>`,
    );
    await settled(el);
    expect(inputs.listInvoices).to.deep.equal([{ filter: 'all', limit: 100 }]);
    expect(rows(el).length).to.equal(100);
  });

  it('after a payment, refreshes every row shown with one request and keeps focus in place', async () => {
    const inner = await signedInAda();
    const { adapter, calls, inputs } = countingAdapter(inner);
    const el = await fixture<PortalInvoices>(
      html`<portal-invoices page-size="3" .adapter=${adapter}></portal-invoices>`,
    );
    await settled(el);
    loadMore(el)!.click();
    await waitUntil(() => rows(el).length === 6);
    await settled(el);
    const shown = rows(el).length;
    const focused = rows(el)[4].querySelector('button')!;
    focused.focus();
    const requestsBefore = calls.listInvoices;
    const unpaid = (await everything(inner)).find((invoice) => invoice.status === 'open')!;
    await payInFull(adapter, unpaid);
    const index = rowNumbers(el).indexOf(unpaid.number);
    await waitUntil(
      () => cells(el, rows(el)[index]).Status === en.invoiceStatus.paid,
      'the paid invoice shows Paid',
    );
    await settled(el);
    expect(calls.listInvoices - requestsBefore, 'one request').to.equal(1);
    expect(inputs.listInvoices.at(-1)).to.deep.equal({ filter: 'all', limit: shown });
    expect(rows(el).length, 'no row lost').to.equal(shown);
    expect(root(el).activeElement, 'focus stays on the same row').to.equal(focused);
    expect(liveRegion(el)).to.equal(en.invoices.updated);
    expect(loadMore(el), 'the list still continues').to.exist;
    await expect(el).to.be.accessible();
  });

  it('past 100 rows, refreshes the first 100 in one request and continues from there by cursor', async () => {
    const inner = await signedInAda({ extraInvoices: 10_000 });
    const { adapter, calls, inputs } = countingAdapter(inner);
    const el = await fixture<PortalInvoices>(
      html`<portal-invoices page-size="100" .adapter=${adapter}></portal-invoices>`,
    );
    await settled(el);
    loadMore(el)!.click();
    await waitUntil(() => rows(el).length === 200);
    await settled(el);
    rows(el)[150].querySelector('button')!.focus();
    const requestsBefore = calls.listInvoices;
    const unpaid = (await inner.listInvoices({ filter: 'outstanding', limit: 1 })).items[0];
    await payInFull(adapter, unpaid);
    await waitUntil(() => rows(el).length === 100, 'rows past the first 100 are dropped, not shown stale');
    await settled(el);
    expect(calls.listInvoices - requestsBefore, 'one request').to.equal(1);
    expect(inputs.listInvoices.at(-1)).to.deep.equal({ filter: 'all', limit: 100 });
    const focused = root(el).activeElement as HTMLButtonElement;
    expect(focused.dataset.invoiceId, 'focus stays at the end of what is left').to.equal(
      rows(el)[99].querySelector('button')!.dataset.invoiceId,
    );
    loadMore(el)!.click();
    await waitUntil(() => rows(el).length === 200, 'the list continues');
    const expected = (await inner.listInvoices({ filter: 'all', limit: 100 })).items;
    const next = await inner.listInvoices({
      filter: 'all',
      limit: 100,
      cursor: (await inner.listInvoices({ filter: 'all', limit: 100 })).nextCursor!,
    });
    expect(rowNumbers(el)).to.deep.equal([...expected, ...next.items].map((invoice) => invoice.number));
  });

  it('under “outstanding”, a paid invoice leaves the list and focus goes to its neighbour', async () => {
    const inner = await signedInAda();
    const { adapter, calls } = countingAdapter(inner);
    const outstanding = await everything(inner, 'outstanding');
    const el = await fixture<PortalInvoices>(
      html`<portal-invoices filter="outstanding" .adapter=${adapter}></portal-invoices>`,
    );
    await settled(el);
    rows(el)[0].querySelector('button')!.focus();
    const requestsBefore = calls.listInvoices;
    await payInFull(adapter, outstanding[0]);
    await waitUntil(() => rows(el).length === outstanding.length - 1, 'the paid invoice left');
    await el.updateComplete;
    expect(calls.listInvoices - requestsBefore).to.equal(1);
    expect((root(el).activeElement as HTMLButtonElement).dataset.invoiceId).to.equal(outstanding[1].id);
  });

  it('keeps focus on its invoice when a refresh moves the row into another block of rows', async () => {
    const inner = await signedInAda({ extraInvoices: 10_000 });
    const { adapter } = countingAdapter(inner);
    const el = await fixture<PortalInvoices>(
      html`<portal-invoices filter="outstanding" page-size="100" .adapter=${adapter}></portal-invoices>`,
    );
    await settled(el);
    loadMore(el)!.click();
    await waitUntil(() => rows(el).length === 200);
    await settled(el);
    const [first] = (await inner.listInvoices({ filter: 'outstanding', limit: 1 })).items;
    const mover = rows(el)[100].querySelector('button')!;
    const moverId = mover.dataset.invoiceId;
    mover.focus();
    await payInFull(adapter, first);
    await waitUntil(() => rows(el).length === 100 && rowNumbers(el)[0] !== first.number, 'refreshed');
    await el.updateComplete;
    expect(rows(el)[99].querySelector('button')!.dataset.invoiceId, 'the row moved up a block').to.equal(
      moverId,
    );
    expect((root(el).activeElement as HTMLButtonElement | null)?.dataset.invoiceId).to.equal(moverId);
  });

  it('keeps its rows when moved in the page; asks again once if a payment happened while away', async () => {
    const inner = await signedInAda();
    const { adapter, calls, inputs } = countingAdapter(inner);
    const el = await fixture<PortalInvoices>(
      html`<portal-invoices page-size="4" .adapter=${adapter}></portal-invoices>`,
    );
    await settled(el);
    loadMore(el)!.click();
    await waitUntil(() => rows(el).length === 8);
    await settled(el);
    const before = rowNumbers(el);
    const requests = calls.listInvoices;
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    try {
      elsewhere.append(el);
      await settled(el);
      expect(rowNumbers(el), 'the same rows, in the same order').to.deep.equal(before);
      expect(calls.listInvoices, 'nothing changed, nothing asked').to.equal(requests);

      el.remove();
      const unpaid = (await everything(inner)).find((invoice) => invoice.status === 'open')!;
      await payInFull(adapter, unpaid);
      elsewhere.append(el);
      const index = before.indexOf(unpaid.number);
      await waitUntil(() => cells(el, rows(el)[index]).Status === en.invoiceStatus.paid, 'caught up');
      await settled(el);
      expect(calls.listInvoices - requests, 'one request on return').to.equal(1);
      expect(inputs.listInvoices.at(-1)).to.deep.equal({ filter: 'all', limit: 8 });
      expect(rowNumbers(el)).to.deep.equal(before);
    } finally {
      elsewhere.remove();
    }
  });

  it('speaks French and writes euros the French way', async () => {
    const adapter = await signedInAnalytical();
    const [newest] = await everything(adapter);
    const el = await fixture<PortalInvoices>(
      html`<portal-invoices locale="fr-FR" .adapter=${adapter}></portal-invoices>`,
    );
    await settled(el);
    expect(headers(el)).to.deep.equal(Object.values(fr.invoices.columns));
    expect(text(radio(el, fr.invoices.filters.outstanding).parentElement)).to.equal('À régler');
    const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(
      newest.total.amount / 100,
    );
    expect(euros).to.match(/^\d[\d\s\u202f]*,\d\d\s€$/u);
    const first = cells(el, rows(el)[0]);
    expect(first[fr.invoices.columns.total]).to.equal(squash(euros));
    expect(first[fr.invoices.columns.issueDate]).to.equal(date(newest.issueDate, 'fr-FR'));
    expect(first[fr.invoices.columns.status]).to.equal(fr.invoiceStatus[newest.status]);
    await expect(el).to.be.accessible();
  });

  it('stacks rows as cards in a narrow container, still a table with headers for screen readers', async () => {
    const adapter = await signedInAda();
    const el = await fixture<PortalInvoices>(html`<portal-invoices .adapter=${adapter}></portal-invoices>`);
    el.style.width = '360px';
    await settled(el);
    const row = rows(el)[0];
    expect(getComputedStyle(row).gridTemplateColumns.split(' ').length, 'two columns per card').to.equal(2);
    expect(root(el).querySelector('.head')!.getBoundingClientRect().height).to.be.at.most(1);
    expect(headers(el), 'the headers still name the cells').to.deep.equal(Object.values(en.invoices.columns));
    expect(cells(el, row).Number).to.equal(rowNumbers(el)[0]);
    const label = getComputedStyle(row.querySelector('.kind')!, '::before').content;
    expect(label).to.contain(en.invoices.columns.kind);
    expect(el.scrollWidth, 'nothing overflows sideways').to.be.at.most(360);
    await expect(el).to.be.accessible();
  });

  it('lays out right to left with the page’s direction', async () => {
    const adapter = await signedInAda();
    const el = await fixture<PortalInvoices>(
      html`<portal-invoices dir="rtl" .adapter=${adapter}></portal-invoices>`,
    );
    el.style.width = '1000px';
    await settled(el);
    const [row] = rows(el);
    const number = row.querySelector('.number')!.getBoundingClientRect();
    const status = row.querySelector('.status')!.getBoundingClientRect();
    expect(number.left, 'the first column is on the right').to.be.greaterThan(status.left);
    const total = row.querySelector<HTMLElement>('.total')!;
    const amount = total.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(total);
    const textBox = range.getBoundingClientRect();
    expect(Math.round(amount.left + 8), 'amounts align to the end (left) in RTL').to.be.closeTo(
      Math.round(textBox.left),
      1,
    );
    await expect(el).to.be.accessible();
  });

  it('works alone with an api attribute: the store talks to that backend', async () => {
    const el = await fixture<PortalInvoices>(
      html`<portal-invoices api="/no-portal-api-here"></portal-invoices>`,
    );
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'the backend’s answer', {
      timeout: 5000,
    });
    expect(el.store, 'the page-wide store for that backend').to.equal(storeForApi('/no-portal-api-here'));
    const message = text(root(el).querySelector('[role="alert"]'));
    expect(message, 'asked the backend, not misconfigured').not.to.equal(en.errors.misconfigured);
    expect(Object.values(en.errors)).to.include(message.replace(` ${en.common.retry}`, ''));
  });

  it('names what is missing when it has no backend', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      const el = await fixture<PortalInvoices>(html`<portal-invoices></portal-invoices>`);
      expect(text(root(el).querySelector('[role="alert"]'))).to.equal(en.errors.misconfigured);
      expect(errors.join()).to.contain('<portal-invoices> has no backend');
      await expect(el).to.be.accessible();
    } finally {
      console.error = original;
    }
  });
});
