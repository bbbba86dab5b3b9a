import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { storeForAdapter } from '../../src/core/connect.js';
import { PortalError } from '../../src/contract/errors.js';
import type { PortalEvent } from '../../src/core/events.js';
import { en, fr } from '../helpers/messages.js';
import { keys } from '../../src/core/store.js';
import '../../src/elements/portal-invoice/define.js';
import type { PortalInvoice } from '../../src/elements/portal-invoice/portal-invoice.js';
import '../../src/elements/portal-root/define.js';
import type { PortalPayInvoice } from '../../src/elements/portal-pay-invoice/portal-pay-invoice.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { ADA, changeSettings, signedInAda } from '../helpers/customers.js';
import { deferred } from '../helpers/deferred.js';
import {
  buttonsNamed,
  describedBy,
  expectFocus,
  focused,
  heading,
  root,
  text,
  type,
} from '../helpers/dom.js';

const MERCHANT = 'Northwind Coffee Roasters';

function visible(node: Element | null): boolean {
  return !!node && node.getClientRects().length > 0;
}

function button(el: Element, name: string): HTMLButtonElement {
  const found = buttonsNamed(el, name).filter(visible);
  expect(found.length, `exactly one visible button "${name}"`).to.equal(1);
  return found[0];
}

function hasButton(el: Element, name: string): boolean {
  return buttonsNamed(el, name).some(visible);
}

/** Rows of a table as text, cell by cell. */
function rows(table: Element | null): string[][] {
  return [...(table?.querySelectorAll('tr') ?? [])].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => text(cell)),
  );
}

function noteArea(el: PortalInvoice): HTMLTextAreaElement {
  const label = [...root(el).querySelectorAll('label')].find((each) => text(each) === en.invoice.replyLabel);
  expect(label, 'the note field is labelled').to.exist;
  return root(el).getElementById(label!.htmlFor) as HTMLTextAreaElement;
}

async function mount(
  adapter: PortalAdapter,
  invoiceId = 'inv_ada_1009',
  locale = 'en-US',
): Promise<PortalInvoice> {
  const el = await fixture<PortalInvoice>(
    html`<portal-invoice .adapter=${adapter} invoice-id=${invoiceId} locale=${locale}></portal-invoice>`,
  );
  await waitUntil(
    () => root(el).querySelector('h2') || root(el).querySelector('[part~="error"]'),
    'the invoice did not load',
  );
  return el;
}

function payElement(el: PortalInvoice): PortalPayInvoice {
  const pay = root(el).querySelector('portal-pay-invoice');
  expect(pay, 'the payment element').to.exist;
  return pay!;
}

/** The payment flow's heading, or '' while it is not there (safe inside waitUntil). */
function payHeading(el: PortalInvoice): string {
  const pay = root(el).querySelector('portal-pay-invoice');
  return pay?.shadowRoot ? text(pay.shadowRoot.querySelector('h2')) : '';
}

describe('<portal-invoice>', () => {
  describe('states, each accessible', () => {
    it('each kind and status of Ada’s demo invoices', async () => {
      const ada = await signedInAda();
      const cases: [string, string, string][] = [
        ['inv_ada_1009', 'Invoice INV-1009', en.invoiceStatus.open],
        ['inv_ada_1008', 'Invoice INV-1008', en.invoiceStatus.overdue],
        ['inv_ada_1007', 'Invoice INV-1007', en.invoiceStatus.partially_paid],
        ['ord_ada_2004', 'Order ORD-2004', en.invoiceStatus.paid],
        ['inv_ada_1005', 'Invoice INV-1005', en.invoiceStatus.void],
      ];
      for (const [id, title, status] of cases) {
        const el = await mount(ada, id);
        expect(heading(el)).to.equal(title);
        expect(text(root(el).querySelector('[part~="status"]'))).to.equal(status);
        await expect(el).to.be.accessible();
      }
    });

    it('loading: a skeleton about the size of an invoice, announced', async () => {
      const ada = await signedInAda();
      const { adapter } = countingAdapter(ada, { getInvoice: () => new Promise(() => undefined) });
      const el = await fixture<PortalInvoice>(
        html`<portal-invoice .adapter=${adapter} invoice-id="inv_ada_1009"></portal-invoice>`,
      );
      const loading = root(el).querySelector('[part="loading"]');
      expect(loading?.getAttribute('role')).to.equal('status');
      expect(loading!.getBoundingClientRect().height).to.be.at.least(400);
      await expect(el).to.be.accessible();
    });

    it('error: the reason and a retry that loads it', async () => {
      const ada = await signedInAda();
      let fail = true;
      const counted = countingAdapter(ada, {
        getInvoice: (input: { id: string }) =>
          fail ? Promise.reject(new PortalError('network', 'offline')) : ada.getInvoice(input),
      });
      const el = await mount(counted.adapter);
      expect(text(root(el).querySelector('[role="alert"]'))).to.include(en.errors.network);
      await expect(el).to.be.accessible();
      fail = false;
      button(el, en.common.retry).click();
      await waitUntil(() => heading(el) === 'Invoice INV-1009');
    });

    it('not found: another customer’s invoice reads like an unknown one, with no retry', async () => {
      const ada = await signedInAda();
      for (const id of ['inv_analytical_301', 'inv_does_not_exist']) {
        const el = await mount(ada, id);
        expect(heading(el)).to.equal(en.invoiceRef.notFoundHeading);
        expect(text(root(el).querySelector('[role="alert"]'))).to.equal(en.invoiceRef.notFound);
        expect(hasButton(el, en.common.retry)).to.be.false;
        await expect(el).to.be.accessible();
      }
    });

    it('empty: no invoice chosen yet', async () => {
      const el = await fixture<PortalInvoice>(
        html`<portal-invoice .adapter=${await signedInAda()}></portal-invoice>`,
      );
      expect(text(root(el).querySelector('[part="empty"]'))).to.equal(en.invoice.noneSelected);
      await expect(el).to.be.accessible();
    });
  });

  describe('content', () => {
    it('INV-1009: header, lines, the sales tax as a percent, totals', async () => {
      const el = await mount(await signedInAda());
      const facts = text(root(el).querySelector('.facts'));
      expect(facts).to.match(/^Issued .+ Due .+ Total \$71\.99 Amount due \$71\.99$/);
      const table = root(el).querySelector('table[part="lines"]');
      expect(rows(table)).to.deep.equal([
        [en.invoice.description, en.invoice.quantity, en.invoice.unitPrice, en.invoice.amount],
        ["Roaster's Choice, 340 g", '2', '$24.00', '$48.00'],
        ['Burr grinder cleaning tablets', '1', '$18.50', '$18.50'],
        [en.invoice.subtotal, '$66.50'],
        ['Sales tax (8.25%)', '$5.49'],
        [en.invoice.total, '$71.99'],
      ]);
      expect(table!.querySelectorAll('th[scope="col"]').length).to.equal(4);
      expect(table!.querySelectorAll('tbody th[scope="row"]').length).to.equal(2);
      expect(text(root(el).querySelector('[part="payments"]'))).to.include(en.invoice.noPayments);
      expect(hasButton(el, en.invoice.pay.invoice)).to.be.true;
      expect(hasButton(el, en.invoice.downloadPdf)).to.be.true;
    });

    it('INV-1008: no tax line, so the tax row says nothing was taxed; overdue', async () => {
      const el = await mount(await signedInAda(), 'inv_ada_1008');
      expect(rows(root(el).querySelector('table[part="lines"]')).slice(1)).to.deep.equal([
        ['Espresso machine descaling service', '1', '$142.50', '$142.50'],
        [en.invoice.subtotal, '$142.50'],
        [en.invoice.tax, '$0.00'],
        [en.invoice.total, '$142.50'],
      ]);
    });

    it('INV-1007: the payment made, what was paid and what is due', async () => {
      const el = await mount(await signedInAda(), 'inv_ada_1007');
      const payments = root(el).querySelector('[part="payments"]')!;
      const [head, payment] = rows(payments.querySelector('table'));
      expect(head).to.deep.equal([en.invoice.paidAt, en.invoice.method, en.invoice.amount]);
      expect(payment.slice(1)).to.deep.equal(['Visa ending in 4242', '$100.00']);
      expect(payment[0]).to.match(/\d{4}.*\d{1,2}:\d{2}/);
      expect(payments.querySelector('time')?.getAttribute('datetime')).to.match(/^\d{4}-\d{2}-\d{2}T/);
      expect(text(payments.querySelector('dl'))).to.equal(
        `${en.invoice.amountPaid} $100.00 ${en.invoice.amountDue} $133.82`,
      );
      expect(text(root(el).querySelector('tfoot'))).to.include(`${en.invoice.total} $233.82`);
    });

    it('ORD-2004: the merchant’s tracking note, and no Pay button on a paid order', async () => {
      const el = await mount(await signedInAda(), 'ord_ada_2004');
      const notes = [...root(el).querySelectorAll('.note')];
      expect(notes.length).to.equal(1);
      expect(text(notes[0].querySelector('.note-body'))).to.equal(
        'Shipped with UPS, tracking number 1Z999AA10123456784.',
      );
      expect(text(notes[0].querySelector('.author'))).to.equal(MERCHANT);
      expect(text(notes[0])).to.include(en.invoice.fromMerchant);
      expect(notes[0].querySelector('time')?.getAttribute('datetime')).to.match(/^\d{4}-\d{2}-\d{2}T/);
      expect(hasButton(el, en.invoice.pay.order)).to.be.false;
      expect(text(root(el).querySelector('.facts'))).to.include(`${en.invoice.amountDue} $0.00`);
    });

    it('void INV-1005: nothing to pay, the merchant’s note says why', async () => {
      const el = await mount(await signedInAda(), 'inv_ada_1005');
      expect(hasButton(el, en.invoice.pay.invoice)).to.be.false;
      expect(text(root(el).querySelector('.note-body'))).to.equal(
        'The workshop was cancelled; this invoice is void.',
      );
    });

    it('in French: words, dates, euros-style numbers and the tax rate', async () => {
      const el = await mount(await signedInAda(), 'inv_ada_1009', 'fr-FR');
      const nbsp = (value: string) => value.replace(/[\u00a0\u202f]/g, ' ');
      expect(heading(el)).to.equal('Facture INV-1009');
      expect(text(root(el).querySelector('[part~="status"]'))).to.equal(fr.invoiceStatus.open);
      const table = rows(root(el).querySelector('table[part="lines"]')).map((row) => row.map(nbsp));
      expect(table[0]).to.deep.equal([
        fr.invoice.description,
        fr.invoice.quantity,
        fr.invoice.unitPrice,
        fr.invoice.amount,
      ]);
      expect(table[1]).to.deep.equal(["Roaster's Choice, 340 g", '2', '24,00 $US', '48,00 $US']);
      expect(table[4]).to.deep.equal(['Sales tax (8,25 %)', '5,49 $US']);
      expect(table[5]).to.deep.equal([fr.invoice.total, '71,99 $US']);
      expect(text(root(el).querySelector('.facts'))).to.match(/Émise le \d{1,2} \S+ \d{4}/);
      expect(hasButton(el, fr.invoice.pay.invoice)).to.be.true;
      expect(hasButton(el, fr.invoice.downloadPdf)).to.be.true;
      expect(text(root(el).querySelector('label'))).to.equal(fr.invoice.replyLabel);
    });

    it('follows a change of invoice id', async () => {
      const el = await mount(await signedInAda());
      el.invoiceId = 'inv_ada_1008';
      await waitUntil(() => heading(el) === 'Invoice INV-1008');
    });

    it('takes its backend from an enclosing <portal-root>', async () => {
      const ada = await signedInAda();
      const portal = await fixture(
        html`<portal-root .adapter=${ada}
          ><portal-invoice invoice-id="inv_ada_1009"></portal-invoice
        ></portal-root>`,
      );
      const el = portal.querySelector('portal-invoice')!;
      await waitUntil(() => heading(el) === 'Invoice INV-1009', 'the invoice did not load through context');
      expect(el.adapter, 'no adapter of its own').to.equal(undefined);
    });
  });

  describe('notes', () => {
    it('sends a reply, shown after the merchant’s note, with its author and time; the field empties', async () => {
      const ada = await signedInAda();
      const el = await mount(ada, 'ord_ada_2004');
      const area = noteArea(el);
      expect(area.maxLength).to.equal(2000);
      expect(area.required).to.be.true;
      expect(describedBy(el, area, 'counter')).to.equal(en.invoice.charactersLeft(2000, '2,000'));
      expect(describedBy(el, area, 'hint')).to.equal(en.invoice.replyHint(MERCHANT));
      type(area, 'Thank you! Could it be left with the neighbour?');
      await el.updateComplete;
      expect(describedBy(el, area, 'counter')).to.equal(en.invoice.charactersLeft(1953, '1,953'));

      button(el, en.invoice.sendNote).click();
      await waitUntil(() => root(el).querySelectorAll('.note').length === 2, 'the new note did not appear');
      const [merchant, reply] = [...root(el).querySelectorAll('.note')];
      expect(text(merchant.querySelector('.author'))).to.equal(MERCHANT);
      expect(text(reply.querySelector('.note-body'))).to.equal(
        'Thank you! Could it be left with the neighbour?',
      );
      expect(text(reply.querySelector('.author'))).to.equal('Ada Lovelace');
      expect(text(reply)).to.include(en.invoice.fromCustomer);
      expect(noteArea(el).value).to.equal('');
      expect(text(root(el).querySelector('.content > [role="status"]'))).to.equal(en.invoice.noteSent);
      const stored = await ada.getInvoice({ id: 'ord_ada_2004' });
      expect(stored.notes.map((note) => note.author)).to.deep.equal(['merchant', 'customer']);
      await expect(el).to.be.accessible();
    });

    it('asks for text before sending, and sends one note however often it is pressed', async () => {
      const ada = await signedInAda();
      const hold = deferred<void>();
      const counted = countingAdapter(ada, {
        addInvoiceNote: async (input: { id: string; body: string }) => {
          await hold.promise;
          return ada.addInvoiceNote(input);
        },
      });
      const el = await mount(counted.adapter, 'ord_ada_2004');
      button(el, en.invoice.sendNote).click();
      await el.updateComplete;
      const area = noteArea(el);
      expect(describedBy(el, area, 'error')).to.equal(en.invoice.noteRequired);
      expect(area.getAttribute('aria-invalid')).to.equal('true');
      expectFocus(area);
      expect(counted.calls.addInvoiceNote ?? 0).to.equal(0);

      type(area, 'Please ring the bell.');
      const send = button(el, en.invoice.sendNote);
      send.click();
      send.click();
      await el.updateComplete;
      expect(send.getAttribute('aria-disabled')).to.equal('true');
      expect(text(send)).to.equal(en.invoice.sendingNote);
      send.click();
      expect(counted.calls.addInvoiceNote).to.equal(1);
      hold.resolve();
      await waitUntil(() => root(el).querySelectorAll('.note').length === 2);
      expect(counted.calls.addInvoiceNote).to.equal(1);
    });

    it('keeps the text when sending fails, and says why next to the field', async () => {
      const ada = await signedInAda();
      let fail = true;
      const counted = countingAdapter(ada, {
        addInvoiceNote: (input: { id: string; body: string }) =>
          fail ? Promise.reject(new PortalError('network', 'offline')) : ada.addInvoiceNote(input),
      });
      const el = await mount(counted.adapter, 'ord_ada_2004');
      type(noteArea(el), 'Is there a tracking link?');
      const failed = oneEvent<PortalEvent<'portal-error'>>(el, 'portal-error');
      button(el, en.invoice.sendNote).click();
      expect((await failed).detail.operation).to.equal('addInvoiceNote');
      await el.updateComplete;
      const area = noteArea(el);
      expect(area.value).to.equal('Is there a tracking link?');
      expect(describedBy(el, area, 'error')).to.equal(en.errors.network);
      expect(area.getAttribute('aria-invalid')).to.equal('true');
      await waitUntil(() => focused() === area, 'focus back on the note');
      await expect(el).to.be.accessible();
      fail = false;
      button(el, en.invoice.sendNote).click();
      await waitUntil(() => root(el).querySelectorAll('.note').length === 2);
    });

    it('is refused when the merchant turned notes off meanwhile, keeping the text; no form once off', async () => {
      const ada = await signedInAda();
      const el = await mount(ada, 'ord_ada_2004');
      await changeSettings(ada, (settings) => {
        settings.invoices.customerNotes = false;
      });
      type(noteArea(el), 'Hello?');
      button(el, en.invoice.sendNote).click();
      await waitUntil(() => describedBy(el, noteArea(el), 'error') === en.invoice.notesOff);
      expect(noteArea(el).value).to.equal('Hello?');

      const fresh = new MemoryAdapter();
      await fresh.signIn(ADA);
      await changeSettings(fresh, (settings) => {
        settings.invoices.customerNotes = false;
      });
      const off = await mount(fresh, 'ord_ada_2004');
      expect(!!root(off).querySelector('textarea'), 'no reply form').to.be.false;
      expect(root(off).querySelectorAll('.note').length, 'the merchant’s notes still show').to.equal(1);
    });
  });

  describe('PDF', () => {
    const originalClick = HTMLAnchorElement.prototype.click;
    const originalRevoke = URL.revokeObjectURL.bind(URL);
    let clicked: { href: string; download: string; connected: boolean }[] = [];
    let revoked: string[] = [];

    beforeEach(() => {
      clicked = [];
      revoked = [];
      // The download itself is the browser's business; the test sees the link and what is revoked.
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push({ href: this.href, download: this.download, connected: this.isConnected });
      };
      URL.revokeObjectURL = (url: string) => {
        revoked.push(url);
      };
    });
    afterEach(() => {
      HTMLAnchorElement.prototype.click = originalClick;
      URL.revokeObjectURL = originalRevoke;
      revoked.forEach(originalRevoke);
    });

    it('downloads a real PDF through a link, then revokes the object URL', async () => {
      const ada = await signedInAda();
      const hold = deferred<void>();
      const counted = countingAdapter(ada, {
        getInvoicePdf: async (input: { id: string }) => {
          await hold.promise;
          return ada.getInvoicePdf(input);
        },
      });
      const el = await mount(counted.adapter);
      const download = button(el, en.invoice.downloadPdf);
      download.click();
      await el.updateComplete;
      expect(download.getAttribute('aria-disabled')).to.equal('true');
      expect(text(download)).to.equal(en.invoice.preparingPdf);
      download.click();
      hold.resolve();
      await waitUntil(() => clicked.length === 1, 'the download link was not followed');
      expect(counted.calls.getInvoicePdf, 'one document for one press').to.equal(1);
      const [link] = clicked;
      expect(link.href).to.match(/^blob:/);
      expect(link.download).to.equal('INV-1009.pdf');
      expect(link.connected, 'clicked while in the page').to.be.true;
      const bytes = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 5))).to.equal('%PDF-');
      await waitUntil(() => revoked.includes(link.href), 'the object URL was not revoked', { timeout: 3000 });
      expect(text(root(el).querySelector('.content > [role="status"]'))).to.equal(en.invoice.pdfStarted);
      expect(!!root(el).querySelector('a[download]'), 'no link left behind').to.be.false;
    });

    it('says when the PDF cannot be prepared, and tries again on the next press', async () => {
      const ada = await signedInAda();
      let fail = true;
      const counted = countingAdapter(ada, {
        getInvoicePdf: (input: { id: string }) =>
          fail ? Promise.reject(new PortalError('unavailable', 'down')) : ada.getInvoicePdf(input),
      });
      const el = await mount(counted.adapter);
      const failed = oneEvent<PortalEvent<'portal-error'>>(el, 'portal-error');
      button(el, en.invoice.downloadPdf).click();
      expect((await failed).detail.operation).to.equal('getInvoicePdf');
      await el.updateComplete;
      expect(text(root(el).querySelector('[part="header"] [role="alert"]'))).to.equal(
        en.invoice.pdfFailed(en.errors.unavailable),
      );
      await expect(el).to.be.accessible();
      fail = false;
      button(el, en.invoice.downloadPdf).click();
      await waitUntil(() => clicked.length === 1);
      await el.updateComplete;
      expect(text(root(el).querySelector('[part="header"] [role="alert"]'))).to.equal('');
    });

    it('refuses a document link that is not a safe URL', async () => {
      const ada = await signedInAda();
      const counted = countingAdapter(ada, {
        getInvoicePdf: () => Promise.resolve({ url: 'javascript:alert(1)', fileName: 'INV-1009.pdf' }),
      });
      const el = await mount(counted.adapter);
      button(el, en.invoice.downloadPdf).click();
      await waitUntil(() => text(root(el).querySelector('[part="header"] [role="alert"]')) !== '');
      expect(clicked.length).to.equal(0);
      expect(text(root(el).querySelector('[part="header"] [role="alert"]'))).to.equal(
        en.invoice.pdfFailed(en.errors.invalid_response),
      );
    });

    it('has no PDF button when the merchant turned downloads off', async () => {
      const ada = await signedInAda();
      await changeSettings(ada, (settings) => {
        settings.invoices.downloadPdf = false;
      });
      const el = await mount(ada);
      expect(hasButton(el, en.invoice.downloadPdf)).to.be.false;
      expect(hasButton(el, en.invoice.pay.invoice)).to.be.true;
    });
  });

  describe('paying', () => {
    it('opens the payment in place, and comes back to the invoice', async () => {
      const el = await mount(await signedInAda());
      button(el, en.invoice.pay.invoice).click();
      await waitUntil(() => payHeading(el) === en.pay.heading('INV-1009'), 'the payment form');
      expect(visible(root(el).querySelector('article')), 'the invoice gives way').to.be.false;
      await waitUntil(
        () => focused() === root(payElement(el)).querySelector('h2'),
        'focus on the pay heading',
      );
      await expect(el).to.be.accessible();
      button(el, en.invoice.backTo('INV-1009')).click();
      await el.updateComplete;
      expect(visible(root(el).querySelector('article'))).to.be.true;
      expect(visible(payElement(el))).to.be.false;
      await waitUntil(() => focused() === root(el).querySelector('h2'), 'focus on the invoice heading');
    });

    it('pays in full, shows the receipt, then the refreshed invoice as paid; lists and summary refresh', async () => {
      const ada = await signedInAda();
      const store = storeForAdapter(ada);
      await store.read('getBillingSummary', undefined);
      await store.read('listInvoices', { filter: 'outstanding' });
      const el = await mount(ada);
      let bubbled: PortalEvent<'portal-payment'> | undefined;
      document.addEventListener(
        'portal-payment',
        (event) => (bubbled = event as PortalEvent<'portal-payment'>),
        {
          once: true,
        },
      );

      button(el, en.invoice.pay.invoice).click();
      await waitUntil(() => payHeading(el) === en.pay.heading('INV-1009'));
      const pay = payElement(el);
      button(pay, en.pay.review).click();
      await waitUntil(() => payHeading(el) === en.pay.reviewHeading);
      button(pay, en.pay.confirm('$71.99')).click();
      await waitUntil(() => payHeading(el) === en.pay.receiptHeading.succeeded, 'the receipt');
      expect(bubbled?.detail.receipt.status, 'portal-payment reaches the page').to.equal('succeeded');
      expect(store.isFresh(keys.summary), 'the billing summary is asked for again').to.be.false;
      expect(store.isFresh(keys.invoices({ filter: 'outstanding' })), 'so are invoice lists').to.be.false;

      button(pay, en.common.done).click();
      await waitUntil(() => visible(root(el).querySelector('article')), 'back to the invoice');
      await waitUntil(
        () => text(root(el).querySelector('[part~="status"]')) === en.invoiceStatus.paid,
        'the refreshed invoice',
      );
      await waitUntil(() => focused() === root(el).querySelector('h2'), 'focus on the invoice heading');
      expect(text(root(el).querySelector('.facts'))).to.include(`${en.invoice.amountDue} $0.00`);
      const payments = rows(root(el).querySelector('[part="payments"] table'));
      expect(payments[1].slice(1)).to.deep.equal(['Visa ending in 4242', '$71.99']);
      expect(hasButton(el, en.invoice.pay.invoice), 'nothing left to pay').to.be.false;
    });

    it('keeps a payment whose outcome is unknown when the customer steps back to the invoice', async () => {
      const ada = await signedInAda();
      let dropped = false;
      const counted = countingAdapter(ada, {
        payInvoice: async (input: Parameters<MemoryAdapter['payInvoice']>[0]) => {
          const receipt = await ada.payInvoice(input);
          if (!dropped) {
            dropped = true;
            throw new PortalError('network', 'dropped');
          }
          return receipt;
        },
      });
      const el = await mount(counted.adapter, 'inv_ada_1007');
      button(el, en.invoice.pay.invoice).click();
      await waitUntil(() => payHeading(el) === en.pay.heading('INV-1007'));
      const pay = payElement(el);
      root(pay).querySelector<HTMLInputElement>('input[name="amount-mode"][value="part"]')!.click();
      await pay.updateComplete;
      const amount = root(pay).querySelector<HTMLInputElement>('input[inputmode="decimal"]')!;
      type(amount, '10');
      button(pay, en.pay.review).click();
      await waitUntil(() => payHeading(el) === en.pay.reviewHeading);
      button(pay, en.pay.confirm('$10.00')).click();
      await waitUntil(() => payHeading(el) === en.pay.unknownHeading);

      button(el, en.invoice.backTo('INV-1007')).click();
      await waitUntil(() => visible(root(el).querySelector('article')));
      // The charge went through; the invoice shows what the backend says, not what the element guesses.
      await waitUntil(() =>
        text(root(el).querySelector('.facts')).includes(`${en.invoice.amountDue} $123.82`),
      );
      button(el, en.invoice.pay.invoice).click();
      await el.updateComplete;
      expect(payHeading(el), 'the unknown outcome is still there to check').to.equal(en.pay.unknownHeading);
      button(pay, en.common.checkAgain).click();
      await waitUntil(() => payHeading(el) === en.pay.receiptHeading.succeeded);
      const [first, again] = (counted.inputs.payInvoice ?? []) as { idempotencyKey: string }[];
      expect(again.idempotencyKey).to.equal(first.idempotencyKey);
      expect((await ada.getInvoice({ id: 'inv_ada_1007' })).amountPaid.amount).to.equal(11000);
    });

    it('offers no Pay button when the merchant turned payments off', async () => {
      const ada = await signedInAda();
      await changeSettings(ada, (settings) => {
        settings.invoices.payInvoices = false;
      });
      const el = await mount(ada);
      expect(hasButton(el, en.invoice.pay.invoice)).to.be.false;
      expect(hasButton(el, en.invoice.downloadPdf)).to.be.true;
    });
  });
});
