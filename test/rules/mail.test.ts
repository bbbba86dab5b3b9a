import { expect } from '@open-wc/testing';
import {
  cancellationNoticeMail,
  invoiceIssuedMail,
  lockedAccountResetMail,
  magicLinkMail,
  passwordResetMail,
  unlockMail,
} from '../../src/rules/mail.js';

const LINK = 'https://shop.example/account?portal-magic-token=abc';

describe('rules/mail', () => {
  it('puts each link on a line of its own, with how long it lasts', () => {
    for (const mail of [
      magicLinkMail('Northwind', LINK, 10),
      passwordResetMail('Northwind', LINK, 60),
      unlockMail('Northwind', LINK, 60),
    ]) {
      expect(mail.text.split('\n'), mail.kind).to.include(LINK);
      expect(mail.subject, mail.kind).to.include('Northwind');
    }
    expect(magicLinkMail('Northwind', LINK, 10).text).to.include('expires in 10 minutes');
    expect(unlockMail('Northwind', LINK, 60).text).to.include('Your account has been unlocked.');
  });

  it('tells a locked account whom to contact, and sends no link', () => {
    expect(lockedAccountResetMail('Northwind', 'help@northwind.example').text).to.include(
      'help@northwind.example',
    );
    expect(lockedAccountResetMail('Northwind', undefined).text).to.include('contact Northwind');
  });

  it('gives the merchant the reason and the comment of a cancellation', () => {
    const mail = cancellationNoticeMail({
      customer: { name: 'Ada', code: 'CUST-0001' },
      planName: 'Espresso Club',
      subscriptionId: 'sub_1',
      cancel: { when: 'period_end', reason: 'too_expensive', comment: 'Back in spring.' },
    });
    expect(mail.subject).to.equal('Subscription cancelled by Ada (CUST-0001)');
    expect(mail.text).to.equal(
      'Ada cancelled Espresso Club (sub_1), at the end of the period.\nReason: too_expensive\nComment: Back in spring.',
    );
  });

  it('names a listed cancellation reason in the merchant’s words', () => {
    const mail = cancellationNoticeMail({
      customer: { name: 'Ada', code: 'CUST-0001' },
      planName: 'Espresso Club',
      subscriptionId: 'sub_1',
      cancel: { when: 'immediately', reason: 'too_expensive' },
      reasonLabel: 'It costs too much',
    });
    expect(mail.text).to.equal(
      'Ada cancelled Espresso Club (sub_1), effective immediately.\nReason: It costs too much (too_expensive)',
    );
  });

  it('tells of an invoice to pay: number, amount, due date, and a link straight to paying it', () => {
    const mail = invoiceIssuedMail({
      merchant: 'Northwind',
      planName: 'Espresso Club',
      invoiceNumber: 'INV-1042',
      amount: { amount: 4800, currency: 'USD' },
      dueDate: '2027-02-21',
      portalUrl: 'https://shop.example/account#billing',
      invoiceId: 'inv_ada_1042',
    });
    expect(mail.kind).to.equal('invoice_issued');
    expect(mail.subject).to.equal('Your Northwind invoice INV-1042');
    expect(mail.text).to.include('Invoice INV-1042');
    expect(mail.text).to.include('$48.00');
    expect(mail.text).to.include('due on February 21, 2027');
    expect(mail.text.split('\n')).to.include(
      'https://shop.example/account?portal-task=pay-invoice&portal-task-invoice=inv_ada_1042',
    );
  });
});
