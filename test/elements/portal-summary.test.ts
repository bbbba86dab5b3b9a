import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import { storeForAdapter } from '../../src/core/connect.js';
import { PortalError } from '../../src/contract/errors.js';
import type { PortalEvent } from '../../src/core/events.js';
import { en, fr } from '../helpers/messages.js';
import '../../src/elements/portal-invoices/define.js';
import '../../src/elements/portal-root/define.js';
import '../../src/elements/portal-summary/define.js';
import type { PortalSummary } from '../../src/elements/portal-summary/portal-summary.js';
import type { BillingSummary, InvoiceSummary } from '../../src/model/index.js';
import { countingAdapter } from '../helpers/counting-adapter.js';
import { signedInAda, signedInAnalytical, signedInMary } from '../helpers/customers.js';
import { deferred } from '../helpers/deferred.js';
import { root, squash, text } from '../helpers/dom.js';
import { date, money } from '../helpers/format.js';

// Finding things the way a customer does: by visible text, roles and states.

function buttonNamed(el: PortalSummary, name: string): HTMLButtonElement | undefined {
  return [...root(el).querySelectorAll('button')].find((each) => text(each) === name);
}

function button(el: PortalSummary, name: string): HTMLButtonElement {
  const found = buttonNamed(el, name);
  expect(found, `a button "${name}"`).to.exist;
  return found!;
}

/** The value shown under a figure's label ("Outstanding balance" → "$1,234.56"). */
function figure(el: PortalSummary, label: string): string {
  const term = [...root(el).querySelectorAll('dt')].find((each) => text(each) === label);
  expect(term, `a figure labelled "${label}"`).to.exist;
  return text(term!.nextElementSibling?.querySelector('.value'));
}

function figureDetail(el: PortalSummary, label: string): string {
  const term = [...root(el).querySelectorAll('dt')].find((each) => text(each) === label);
  return text(term!.nextElementSibling?.querySelector('.detail'));
}

/** The element's own live region (the skeleton has a status role of its own while loading). */
function liveRegion(el: PortalSummary): string {
  return text([...root(el).children].find((each) => each.getAttribute('role') === 'status'));
}

async function loaded(el: PortalSummary): Promise<void> {
  await waitUntil(
    () => !root(el).querySelector('.loading') && root(el).querySelector('.figures, .paid-up, [role="alert"]'),
    'the summary finishes loading',
    { timeout: 3000 },
  );
  await el.updateComplete;
}

async function allOutstanding(adapter: PortalAdapter): Promise<InvoiceSummary[]> {
  return (await adapter.listInvoices({ filter: 'outstanding', limit: 100 })).items;
}

async function payInFull(adapter: PortalAdapter, invoice: InvoiceSummary, key: string): Promise<void> {
  await storeForAdapter(adapter).mutate('payInvoice', {
    invoiceId: invoice.id,
    allocations: [{ paymentMethodId: 'pm_ada_visa', amount: invoice.amountDue }],
    idempotencyKey: `summary-test-${key}-000000`,
  });
}

describe('<portal-summary>', () => {
  it('shows Ada’s figures exactly as the backend states them, accessibly', async () => {
    const adapter = await signedInAda();
    const expected: BillingSummary = await adapter.getBillingSummary();
    const el = await fixture<PortalSummary>(html`<portal-summary .adapter=${adapter}></portal-summary>`);
    await loaded(el);
    await expect(el).to.be.accessible();
    expect(expected.outstanding.amount, 'the demo has something owed').to.be.greaterThan(0);
    expect(figure(el, 'Outstanding balance')).to.equal(money(expected.outstanding));
    expect(figureDetail(el, 'Outstanding balance')).to.equal(`${expected.outstandingCount} invoices`);
    expect(figure(el, 'Next billing date')).to.equal(date(expected.nextBillingDate!));
    expect(expected.billingFrequency).to.deep.equal({ interval: 'month', intervalCount: 1 });
    expect(figure(el, 'Billing frequency')).to.equal('Monthly');
    expect(figure(el, 'Auto-pay')).to.equal('On');
    expect(figureDetail(el, 'Auto-pay'), 'the method, named in the customer’s language').to.equal(
      'Visa ending in 4242',
    );
  });

  it('warns about what is overdue in a static box, not an interrupting alert', async () => {
    const adapter = await signedInAda();
    const expected = await adapter.getBillingSummary();
    const el = await fixture<PortalSummary>(html`<portal-summary .adapter=${adapter}></portal-summary>`);
    await loaded(el);
    const warning = root(el).querySelector('[part~="warning"]');
    expect(warning, 'the overdue warning').to.exist;
    expect(warning!.getAttribute('role')).to.equal(null);
    expect(warning!.closest('[aria-live], [role="alert"], [role="status"]')).to.equal(null);
    const count = expected.overdueCount;
    expect(text(warning!.querySelector('p'))).to.equal(
      en.summary.overdue(money(expected.overdue), count, `${count}`),
    );
  });

  it('shows a skeleton with the content’s footprint while loading, announced once', async () => {
    const pending = deferred<BillingSummary>();
    const inner = await signedInAda();
    const { adapter } = countingAdapter(inner, { getBillingSummary: () => pending.promise });
    // The element itself is sized (its own width drives its container queries). A wrapping <div>
    // fixture would wait for an animation frame, which never comes in a background test page.
    const el = await fixture<PortalSummary>(html`<portal-summary .adapter=${adapter}></portal-summary>`);
    el.style.width = '800px';
    await el.updateComplete;
    const skeleton = root(el).querySelector('.loading');
    expect(skeleton, 'skeleton').to.exist;
    expect(skeleton!.getAttribute('role')).to.equal('status');
    expect(text(skeleton!.querySelector('.visually-hidden'))).to.equal('Loading…');
    expect(skeleton!.querySelector('dl')!.getAttribute('aria-hidden'), 'placeholders are not read').to.equal(
      'true',
    );
    await expect(el).to.be.accessible();
    const before = root(el).querySelector('.figures')!.getBoundingClientRect().height;
    pending.resolve(await inner.getBillingSummary());
    await loaded(el);
    const after = root(el).querySelector('.figures')!.getBoundingClientRect().height;
    expect(after, 'the figures take the skeleton’s place exactly').to.equal(before);
  });

  it('says what failed, and recovers when retried', async () => {
    const inner = await signedInAda();
    let failures = 1;
    const { adapter, calls } = countingAdapter(inner, {
      getBillingSummary: () =>
        failures-- > 0 ? Promise.reject(new PortalError('unavailable', 'down')) : inner.getBillingSummary(),
    });
    const el = await fixture<PortalSummary>(html`<portal-summary .adapter=${adapter}></portal-summary>`);
    await loaded(el);
    const alert = root(el).querySelector('[role="alert"]');
    expect(text(alert)).to.contain(en.errors.unavailable);
    await expect(el).to.be.accessible();
    button(el, 'Try again').click();
    await waitUntil(() => root(el).querySelector('.figures'), 'content after retry');
    expect(calls.getBillingSummary).to.equal(2);
    expect(figure(el, 'Outstanding balance')).to.equal(money((await inner.getBillingSummary()).outstanding));
  });

  it('tells a customer with nothing owed and nothing scheduled that they are all paid up', async () => {
    const el = await fixture<PortalSummary>(
      html`<portal-summary .adapter=${await signedInMary()}></portal-summary>`,
    );
    await loaded(el);
    const empty = root(el).querySelector('[part~="empty"]');
    expect(text(empty)).to.equal(`${en.summary.paidUp} ${en.summary.emptyDetail}`);
    expect(root(el).querySelector('.figures')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('opens what makes up the balance with Enter: one store read, summing exactly to the balance', async () => {
    const inner = await signedInAda();
    const { adapter, calls, inputs } = countingAdapter(inner);
    const expected = await inner.getBillingSummary();
    const outstanding = await allOutstanding(inner);
    const el = await fixture<PortalSummary>(html`<portal-summary .adapter=${adapter}></portal-summary>`);
    await loaded(el);
    expect(calls.listInvoices ?? 0, 'nothing asked before the disclosure opens').to.equal(0);
    const toggle = button(el, en.summary.balanceBreakdown);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    const panel = root(el).getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(panel.hidden).to.equal(true);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => panel.querySelector('li'), 'the breakdown lists invoices');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(panel.hidden).to.equal(false);
    expect(calls.listInvoices).to.equal(1);
    expect(inputs.listInvoices[0]).to.deep.equal({ filter: 'outstanding', limit: 100 });
    const items = [...panel.querySelectorAll('li')];
    expect(items.map((item) => text(item.querySelector('button')))).to.deep.equal(
      outstanding.map((invoice) => invoice.number),
    );
    const sum = outstanding.reduce((total, invoice) => total + invoice.amountDue.amount, 0);
    expect(sum, 'the breakdown adds up to the balance').to.equal(expected.outstanding.amount);
    expect(items.length).to.equal(expected.outstandingCount);
    outstanding.forEach((invoice, index) => {
      const row = text(items[index]);
      expect(row).to.contain(money(invoice.amountDue));
      expect(row).to.contain(en.invoiceStatus[invoice.status]);
      if (invoice.dueDate) expect(row).to.contain(`Due ${date(invoice.dueDate)}`);
    });
    expect(panel.querySelector('ul')!.getAttribute('aria-labelledby')).to.equal(toggle.id);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(panel.hidden).to.equal(true);
  });

  it('says how many are left out when more than 100 invoices make up the balance', async () => {
    const adapter = await signedInAda({ extraInvoices: 10_000 });
    const expected = await adapter.getBillingSummary();
    expect(expected.outstandingCount, 'the big history owes on more than a page').to.be.greaterThan(100);
    const el = await fixture<PortalSummary>(
      html`<portal-summary navigable .adapter=${adapter}></portal-summary>`,
    );
    await loaded(el);
    button(el, en.summary.balanceBreakdown).click();
    const panel = root(el).getElementById('breakdown-outstanding')!;
    await waitUntil(() => panel.querySelector('li'), 'the first 100 listed');
    expect(panel.querySelectorAll('li').length).to.equal(100);
    const missing = expected.outstandingCount - 100;
    expect(text(panel.querySelector('.more'))).to.equal(
      en.summary.notShown(missing, new Intl.NumberFormat('en-US').format(missing)),
    );
    expect(buttonNamed(el, en.summary.seeAllOutstanding), 'the way to the rest').to.exist;
    await expect(el).to.be.accessible();
  });

  it('lists only the overdue invoices under the warning, summing to the overdue amount', async () => {
    const adapter = await signedInAda();
    const expected = await adapter.getBillingSummary();
    const overdue = (await allOutstanding(adapter)).filter((invoice) => invoice.status === 'overdue');
    const el = await fixture<PortalSummary>(html`<portal-summary .adapter=${adapter}></portal-summary>`);
    await loaded(el);
    button(el, en.summary.overdueBreakdown).click();
    const panel = root(el).getElementById('breakdown-overdue')!;
    await waitUntil(() => panel.querySelector('li'), 'overdue invoices listed');
    const numbers = [...panel.querySelectorAll('li button')].map((each) => text(each));
    expect(numbers).to.deep.equal(overdue.map((invoice) => invoice.number));
    expect(overdue.reduce((total, invoice) => total + invoice.amountDue.amount, 0)).to.equal(
      expected.overdue.amount,
    );
    await expect(el).to.be.accessible();
  });

  it('opens an invoice from the breakdown with a cancelable, composed portal-invoice-select', async () => {
    const adapter = await signedInAda();
    const [first] = await allOutstanding(adapter);
    const el = await fixture<PortalSummary>(html`<portal-summary .adapter=${adapter}></portal-summary>`);
    await loaded(el);
    button(el, en.summary.balanceBreakdown).click();
    await waitUntil(() => root(el).querySelector('#breakdown-outstanding li'));
    const control = root(el).querySelector<HTMLButtonElement>('#breakdown-outstanding li button')!;
    expect(control.getAttribute('aria-label')).to.equal(`View ${first.number}`);
    const selected = oneEvent<PortalEvent<'portal-invoice-select'>>(document, 'portal-invoice-select');
    control.focus();
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.detail).to.deep.equal({ invoiceId: first.id });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
  });

  it('offers the other sections only when something handles them', async () => {
    const adapter = await signedInAda();
    const alone = await fixture<PortalSummary>(html`<portal-summary .adapter=${adapter}></portal-summary>`);
    await loaded(alone);
    for (const name of [
      en.summary.seeAllOutstanding,
      en.summary.manageSubscriptions,
      en.summary.managePaymentMethods,
    ]) {
      expect(buttonNamed(alone, name), `"${name}" hidden without a handler`).to.equal(undefined);
    }

    const el = await fixture<PortalSummary>(
      html`<portal-summary navigable .adapter=${adapter}></portal-summary>`,
    );
    await loaded(el);
    const expectations: [string, object][] = [
      [en.summary.seeAllOutstanding, { section: 'invoices', filter: 'outstanding' }],
      [en.summary.manageSubscriptions, { section: 'subscriptions' }],
      [en.summary.managePaymentMethods, { section: 'paymentMethods' }],
    ];
    for (const [name, detail] of expectations) {
      const navigated = oneEvent(el, 'portal-navigate');
      button(el, name).click();
      const event = await navigated;
      expect(event.detail, name).to.deep.equal(detail);
      expect(event.bubbles && event.composed && event.cancelable, name).to.equal(true);
    }
    await expect(el).to.be.accessible();
  });

  it('inside <portal-root>, leads to the invoices the root can show, filtered to what is outstanding', async () => {
    const adapter = await signedInAda();
    const portal = await fixture(html`<portal-root .adapter=${adapter}></portal-root>`);
    await waitUntil(
      () => portal.shadowRoot!.querySelector('portal-summary'),
      'the overview shows the summary',
      {
        timeout: 3000,
      },
    );
    const el = portal.shadowRoot!.querySelector('portal-summary')!;
    await loaded(el);
    // The root has an invoices section, but no subscriptions or payment methods sections in this build.
    expect(buttonNamed(el, en.summary.manageSubscriptions)).to.equal(undefined);
    expect(buttonNamed(el, en.summary.managePaymentMethods)).to.equal(undefined);
    const navigated = oneEvent(el, 'portal-navigate');
    button(el, en.summary.seeAllOutstanding).click();
    expect((await navigated).detail).to.deep.equal({ section: 'invoices', filter: 'outstanding' });
  });

  it('refreshes after a payment with one request, shows the new figures and announces them', async () => {
    const inner = await signedInAda();
    const { adapter, calls } = countingAdapter(inner);
    const el = await fixture<PortalSummary>(html`<portal-summary .adapter=${adapter}></portal-summary>`);
    await loaded(el);
    expect(calls.getBillingSummary).to.equal(1);
    expect(liveRegion(el), 'nothing announced on the first load').to.equal('');
    const overdue = (await allOutstanding(inner)).find((invoice) => invoice.status === 'overdue')!;
    await payInFull(adapter, overdue, 'overdue');
    const after = await inner.getBillingSummary();
    await waitUntil(
      () => figure(el, 'Outstanding balance') === money(after.outstanding),
      'new balance shown',
    );
    expect(calls.getBillingSummary, 'one request for the refresh').to.equal(2);
    expect(root(el).querySelector('[part~="warning"]'), 'nothing overdue any more').to.equal(null);
    expect(liveRegion(el)).to.equal(en.summary.updated(money(after.outstanding)));
    await expect(el).to.be.accessible();
  });

  it('shows “all paid up” on the balance once everything is paid, while subscriptions continue', async () => {
    const adapter = await signedInAda();
    const el = await fixture<PortalSummary>(html`<portal-summary .adapter=${adapter}></portal-summary>`);
    await loaded(el);
    button(el, en.summary.balanceBreakdown).click();
    await waitUntil(() => root(el).querySelector('#breakdown-outstanding li'));
    let n = 0;
    for (const invoice of await allOutstanding(adapter)) await payInFull(adapter, invoice, `all-${n++}`);
    await waitUntil(() => figureDetail(el, 'Outstanding balance') === en.summary.paidUp, 'paid up');
    expect(figure(el, 'Outstanding balance')).to.equal(money({ amount: 0, currency: 'USD' }));
    expect(buttonNamed(el, en.summary.balanceBreakdown), 'nothing to break down').to.equal(undefined);
    expect(figure(el, 'Next billing date')).not.to.equal(en.summary.nothingScheduled);
    await expect(el).to.be.accessible();
  });

  it('speaks French and writes euros the French way', async () => {
    const adapter = await signedInAnalytical();
    const expected = await adapter.getBillingSummary();
    const el = await fixture<PortalSummary>(
      html`<portal-summary locale="fr-FR" .adapter=${adapter}></portal-summary>`,
    );
    await loaded(el);
    const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(
      expected.outstanding.amount / 100,
    );
    expect(figure(el, fr.summary.outstanding)).to.equal(squash(euros));
    expect(euros).to.match(/^\d[\d\s\u202f]*,\d\d\s€$/u);
    expect(figure(el, fr.summary.billingFrequency)).to.equal('Annuelle');
    expect(figure(el, fr.summary.autoPay)).to.equal('Désactivé');
    expect(figure(el, fr.summary.nextBilling)).to.equal(date(expected.nextBillingDate!, 'fr-FR'));
    await expect(el).to.be.accessible();

    const ada = await fixture<PortalSummary>(
      html`<portal-summary locale="fr-FR" .adapter=${await signedInAda()}></portal-summary>`,
    );
    await loaded(ada);
    expect(figure(ada, fr.summary.autoPay)).to.equal('Activé');
    expect(figureDetail(ada, fr.summary.autoPay)).to.equal(
      fr.paymentMethod.card(fr.paymentMethod.brands.visa, '4242'),
    );
  });

  it('names what is missing when it has no backend', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      const el = await fixture<PortalSummary>(html`<portal-summary></portal-summary>`);
      expect(text(root(el).querySelector('[role="alert"]'))).to.equal(en.errors.misconfigured);
      expect(errors.join()).to.contain('<portal-summary> has no backend');
      await expect(el).to.be.accessible();
    } finally {
      console.error = original;
    }
  });
});
