import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEMO_PASSWORD, createDemoData } from '../../src/adapters/demo/demo-data.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { PortalEvent } from '../../src/core/events.js';
import '../../src/define.js';
import type { PortalInvoices } from '../../src/elements/portal-invoices/portal-invoices.js';
import type { PortalRoot } from '../../src/elements/portal-root/portal-root.js';
import type { PortalSummary } from '../../src/elements/portal-summary/portal-summary.js';
import { changeSettings, signedInAda } from '../helpers/customers.js';
import { root, text } from '../helpers/dom.js';

// Paying straight from the list and from the overview's overdue warning (issue 10).

function payButtons(el: PortalInvoices): HTMLButtonElement[] {
  return [...root(el).querySelectorAll<HTMLButtonElement>('button.pay')];
}

async function listed(el: PortalInvoices): Promise<void> {
  await waitUntil(() => root(el).querySelector('[part="row"]'), 'the rows', { timeout: 5000 });
  await el.updateComplete;
}

async function shown(el: PortalRoot, selector: string): Promise<Element> {
  let found: Element | null = null;
  await waitUntil(
    () => {
      found = findDeep(el, selector);
      return found;
    },
    `${selector} in the root`,
    { timeout: 5000 },
  );
  return found!;
}

/** The first match in `el`'s shadow tree, looking into nested shadow roots. */
function findDeep(el: Element, selector: string): Element | null {
  const scope = el.shadowRoot ?? el;
  const direct = scope.querySelector(selector);
  if (direct) return direct;
  for (const child of scope.querySelectorAll('*')) {
    if (child.shadowRoot) {
      const found = findDeep(child, selector);
      if (found) return found;
    }
  }
  return null;
}

describe('Pay from the list', () => {
  it('offers Pay on every due row, in the row of its invoice, and nowhere else', async () => {
    const adapter = await signedInAda();
    const due = (await adapter.listInvoices({ filter: 'outstanding', limit: 100 })).items;
    const el = await fixture<PortalInvoices>(html`<portal-invoices .adapter=${adapter}></portal-invoices>`);
    await listed(el);
    await waitUntil(() => payButtons(el).length > 0, 'Pay buttons once the settings are known');
    expect(payButtons(el).map((each) => each.getAttribute('aria-label'))).to.deep.equal(due.map(() => 'Pay'));
    expect(payButtons(el).map((each) => text(each.closest('[role="rowheader"]')))).to.deep.equal(
      due.map((invoice) => invoice.number),
    );
    expect(getComputedStyle(payButtons(el)[0], '::before').content).to.equal('"Pay"');
    await expect(el).to.be.accessible();
  });

  it('asks to open the pay flow with the keyboard: portal-navigate with pay', async () => {
    const adapter = await signedInAda();
    const el = await fixture<PortalInvoices>(html`<portal-invoices .adapter=${adapter}></portal-invoices>`);
    await listed(el);
    await waitUntil(() => payButtons(el).length > 0, 'Pay buttons');
    const pay = payButtons(el).find((each) => text(each.closest('[role="rowheader"]')) === 'INV-1008')!;
    // Tab goes row to row; → from the number reaches the row's Pay, ← goes back.
    const number = pay.parentElement!.querySelector<HTMLButtonElement>('.open')!;
    number.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(root(el).activeElement).to.equal(pay);
    await sendKeys({ press: 'ArrowLeft' });
    expect(root(el).activeElement).to.equal(number);
    await sendKeys({ press: 'ArrowRight' });
    const asked = oneEvent<PortalEvent<'portal-navigate'>>(el, 'portal-navigate');
    await sendKeys({ press: 'Enter' });
    const event = await asked;
    expect(event.detail).to.deep.equal({
      section: 'invoices',
      invoiceId: pay.dataset.payInvoiceId,
      pay: true,
    });
    expect(event.cancelable).to.equal(true);
  });

  it('offers no Pay when the merchant turned paying off', async () => {
    const adapter = await signedInAda();
    await changeSettings(adapter, (settings) => {
      settings.invoices.payInvoices = false;
    });
    const el = await fixture<PortalInvoices>(html`<portal-invoices .adapter=${adapter}></portal-invoices>`);
    await listed(el);
    expect(payButtons(el)).to.have.length(0);
  });

  it('opens the pay flow of INV-1008 inside <portal-root> from its row', async () => {
    const adapter = await signedInAda();
    const el = await fixture<PortalRoot>(html`<portal-root .adapter=${adapter}></portal-root>`);
    await shown(el, 'nav');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('nav button')]
      .find((each) => text(each) === 'Invoices')!
      .click();
    const list = (await shown(el, 'portal-invoices')) as PortalInvoices;
    await listed(list);
    await waitUntil(() => payButtons(list).length > 0, 'Pay buttons');
    payButtons(list)
      .find((each) => text(each.closest('[role="rowheader"]')) === 'INV-1008')!
      .click();
    const pay = await shown(el, 'portal-pay-invoice');
    await waitUntil(
      () => !(pay as HTMLElement).hidden && pay.shadowRoot?.querySelector('h2'),
      'the pay flow',
    );
    expect(text(pay.shadowRoot!.querySelector('h2'))).to.contain('INV-1008');
  });
});

describe('"Pay now" on the overdue warning', () => {
  it('opens the one overdue invoice’s pay flow', async () => {
    const adapter = await signedInAda();
    const overdue = (await adapter.listInvoices({ filter: 'outstanding', limit: 100 })).items.filter(
      (each) => each.status === 'overdue',
    );
    expect(overdue, 'Ada has one overdue invoice').to.have.length(1);
    const el = await fixture<PortalSummary>(
      html`<portal-summary navigable .adapter=${adapter}></portal-summary>`,
    );
    await waitUntil(() => root(el).querySelector('.pay-now'), '"Pay now"', { timeout: 5000 });
    const asked = oneEvent<PortalEvent<'portal-navigate'>>(el, 'portal-navigate');
    (root(el).querySelector('.pay-now') as HTMLButtonElement).click();
    expect((await asked).detail).to.deep.equal({ section: 'invoices', invoiceId: overdue[0].id, pay: true });
    await expect(el).to.be.accessible();
  });

  it('opens the outstanding list when several are overdue', async () => {
    // Every open invoice of Ada's fell due long ago: several are overdue.
    const data = createDemoData();
    for (const invoice of data.invoices) if (invoice.dueDate) invoice.dueDate = '2001-01-01';
    const adapter = new MemoryAdapter({ data });
    await adapter.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
    expect((await adapter.getBillingSummary()).overdueCount).to.be.greaterThan(1);
    const el = await fixture<PortalSummary>(
      html`<portal-summary navigable .adapter=${adapter}></portal-summary>`,
    );
    await waitUntil(() => root(el).querySelector('.pay-now'), '"Pay now"', { timeout: 5000 });
    const asked = oneEvent<PortalEvent<'portal-navigate'>>(el, 'portal-navigate');
    (root(el).querySelector('.pay-now') as HTMLButtonElement).click();
    expect((await asked).detail).to.deep.equal({ section: 'invoices', filter: 'outstanding' });
  });
});
