import { expect } from '@open-wc/testing';
import { DEMO_PASSWORD, createDemoData } from '../../src/adapters/demo/demo-data.js';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { addDays } from '../../src/rules/dates.js';

const TODAY = '2027-01-10';
// Ada's Espresso Club trial ends on day +10; her Roaster's Choice (2 × $24.00, auto-pay) renews on day +12.
const TRIAL_END = addDays(TODAY, 10);
const RENEWAL = addDays(TODAY, 12);

async function adaOn(data = createDemoData(TODAY)): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter({ today: TODAY, data });
  await adapter.signIn({ email: 'ada@example.com', password: DEMO_PASSWORD });
  return adapter;
}

async function subscription(adapter: MemoryAdapter, id: string) {
  const found = (await adapter.listSubscriptions()).find((each) => each.id === id);
  if (!found) throw new Error(`no subscription ${id}`);
  return found;
}

describe('MemoryAdapter.runBillingCycle', () => {
  it('issues and charges each period once as its today moves, and the summary follows', async () => {
    const adapter = await adaOn();
    const before = (await adapter.listInvoices({})).items.length;
    expect(adapter.runBillingCycle()).to.deep.equal({ invoices: 0, declined: 0, canceled: 0 });
    expect(adapter.runBillingCycle(RENEWAL)).to.deep.equal({ invoices: 2, declined: 0, canceled: 0 });
    expect(adapter.runBillingCycle(RENEWAL).invoices, 'the same day again').to.equal(0);
    expect(adapter.runBillingCycle(TODAY).invoices, 'time never goes back').to.equal(0);

    const page = await adapter.listInvoices({});
    expect(page.items).to.have.length(before + 2);
    const renewals = page.items.filter((item) => item.issueDate === TRIAL_END || item.issueDate === RENEWAL);
    expect(renewals.map((item) => [item.total.amount, item.status])).to.have.deep.members([
      [3900, 'paid'],
      [4800, 'paid'],
    ]);
    const espresso = await subscription(adapter, 'sub_ada_espresso');
    expect(espresso.status).to.equal('active');
    expect(espresso.nextBillingDate).to.equal('2027-02-20');
    expect((await subscription(adapter, 'sub_ada_roasters')).currentPeriodEnd).to.equal('2027-02-22');
    expect((await adapter.getBillingSummary()).nextBillingDate).to.equal('2027-02-20');
  });

  it('makes a declined renewal past due with a dunning email, and paying it makes it active again', async () => {
    const data = createDemoData(TODAY);
    const visa = data.paymentMethods.find((method) => method.id === 'pm_ada_visa');
    if (visa?.type !== 'card') throw new Error('the demo Visa is missing');
    visa.last4 = '0002'; // the test gateway's declining card
    const adapter = await adaOn(data);
    expect(adapter.runBillingCycle(RENEWAL)).to.deep.equal({ invoices: 2, declined: 2, canceled: 0 });
    expect((await subscription(adapter, 'sub_ada_roasters')).status).to.equal('past_due');
    const dunning = adapter.outbox.filter((mail) => mail.subject.includes('declined'));
    expect(dunning).to.have.length(2);
    expect(dunning.some((mail) => mail.text.includes('$48.00'))).to.equal(true);

    const invoice = (await adapter.listInvoices({})).items.find(
      (item) => item.issueDate === RENEWAL && item.amountDue.amount === 4800,
    );
    if (!invoice) throw new Error('the renewal invoice is missing');
    const receipt = await adapter.payInvoice({
      invoiceId: invoice.id,
      allocations: [{ paymentMethodId: 'pm_ada_mastercard', amount: invoice.amountDue }],
      idempotencyKey: 'pay-the-renewal-0001',
    });
    expect(receipt.status).to.equal('succeeded');
    expect((await subscription(adapter, 'sub_ada_roasters')).status).to.equal('active');
    expect((await subscription(adapter, 'sub_ada_espresso')).status, 'still owes').to.equal('past_due');
  });

  it('emails an invoice left open to pay once, with a link to paying it, and none that auto-pay settles', async () => {
    const data = createDemoData(TODAY);
    const ada = data.customers.find((customer) => customer.email === 'ada@example.com');
    if (!ada) throw new Error('Ada is missing');
    ada.autoPay = false;
    const adapter = await adaOn(data);
    expect(adapter.runBillingCycle(RENEWAL).invoices).to.equal(2);
    expect(adapter.runBillingCycle(RENEWAL).invoices, 'the same day again').to.equal(0);
    const invoiceMails = adapter.outbox.filter((mail) => mail.subject.includes(' invoice '));
    expect(invoiceMails).to.have.length(2);
    const renewal = (await adapter.listInvoices({})).items.find(
      (item) => item.issueDate === RENEWAL && item.amountDue.amount === 4800,
    );
    if (!renewal) throw new Error('the renewal invoice is missing');
    const mail = invoiceMails.find((each) => each.text.includes(renewal.number));
    if (!mail) throw new Error(`no email for ${renewal.number}`);
    expect(mail.text).to.include('$48.00');
    expect(mail.text).to.include(`portal-task=pay-invoice&portal-task-invoice=${renewal.id}`);

    const paidByAutoPay = await adaOn();
    paidByAutoPay.runBillingCycle(RENEWAL);
    expect(paidByAutoPay.outbox.filter((each) => each.subject.includes(' invoice '))).to.have.length(0);
  });

  it('sends only the dunning email for a declined auto-pay renewal', async () => {
    const data = createDemoData(TODAY);
    const visa = data.paymentMethods.find((method) => method.id === 'pm_ada_visa');
    if (visa?.type !== 'card') throw new Error('the demo Visa is missing');
    visa.last4 = '0002';
    const adapter = await adaOn(data);
    adapter.runBillingCycle(RENEWAL);
    expect(adapter.outbox.filter((mail) => mail.subject.includes('declined'))).to.have.length(2);
    expect(adapter.outbox.filter((mail) => mail.subject.includes(' invoice '))).to.have.length(0);
  });

  it('invoices and charges, once, the new period a customer resumes into after the paid one ended', async () => {
    const adapter = await adaOn();
    const resumeOn = addDays(RENEWAL, 20);
    await adapter.pauseSubscription({ subscriptionId: 'sub_ada_roasters', resumeOn });
    const back = addDays(RENEWAL, 5);
    expect(adapter.runBillingCycle(back).invoices, 'only the trial end: nothing while paused').to.equal(1);
    const before = (await adapter.listInvoices({})).items.length;

    const resumed = await adapter.resumeSubscription({ subscriptionId: 'sub_ada_roasters' });
    expect(resumed.status).to.equal('active');
    expect(resumed.currentPeriodEnd).to.equal(addDays(back, 31));
    const page = await adapter.listInvoices({});
    expect(page.items).to.have.length(before + 1);
    const invoice = page.items.find((item) => item.issueDate === back);
    expect([invoice?.total.amount, invoice?.status]).to.deep.equal([4800, 'paid']);
    expect(adapter.runBillingCycle(back).invoices, 'the same day again').to.equal(0);
    expect(adapter.runBillingCycle(resumeOn).invoices, 'the old pause date bills nothing').to.equal(0);
  });
});
