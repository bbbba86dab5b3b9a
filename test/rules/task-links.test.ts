import { expect } from '@open-wc/testing';
import { cardExpiryReminderMail, renewalDeclinedMail } from '../../src/rules/mail.js';
import { readTaskParams, taskLink, withoutTaskParams } from '../../src/rules/task-links.js';

describe('single-task links', () => {
  it('carry the task and its one id on the merchant’s portal page, and read back the same', () => {
    const link = taskLink('https://shop.example/account?lang=fr#top', { task: 'pay-invoice', id: 'inv_1' });
    const url = new URL(link);
    expect(url.pathname).to.equal('/account');
    expect(url.hash).to.equal('');
    expect(url.searchParams.get('lang')).to.equal('fr');
    expect(readTaskParams(url.searchParams)).to.deep.equal({ task: 'pay-invoice', id: 'inv_1' });
    expect(withoutTaskParams(link)).to.equal('https://shop.example/account?lang=fr');
    const add = new URL(taskLink('https://shop.example/', { task: 'add-payment-method', id: '' }));
    expect(readTaskParams(add.searchParams)).to.deep.equal({ task: 'add-payment-method', id: '' });
  });

  it('read nothing from an unknown task, a missing id or one not shaped like an id', () => {
    const read = (query: string) => readTaskParams(new URLSearchParams(query));
    expect(read('portal-task=open-the-vault')).to.equal(null);
    expect(read('portal-task=pay-invoice')).to.equal(null);
    expect(read('portal-task=pay-invoice&portal-task-invoice=%3Cimg%3E')).to.equal(null);
    expect(read('portal-task=cancel-subscription&portal-task-invoice=inv_1')).to.equal(null);
    expect(read('')).to.equal(null);
  });

  it('are what the dunning and expiry emails link to', () => {
    const dunning = renewalDeclinedMail({
      merchant: 'Northwind',
      planName: 'Monthly',
      invoiceNumber: 'INV-1',
      amount: { amount: 6000, currency: 'USD' },
      method: {
        id: 'pm_1',
        customerId: 'cus_1',
        type: 'card',
        brand: 'visa',
        last4: '0002',
        expMonth: 1,
        expYear: 2030,
        verified: true,
      },
      portalUrl: 'https://shop.example/account',
      invoiceId: 'inv_1',
    });
    expect(dunning.text.split('\n')).to.include(
      'https://shop.example/account?portal-task=pay-invoice&portal-task-invoice=inv_1',
    );
    const reminder = cardExpiryReminderMail({
      merchant: 'Northwind',
      card: {
        id: 'pm_1',
        customerId: 'cus_1',
        type: 'card',
        brand: 'mastercard',
        last4: '4444',
        expMonth: 2,
        expYear: 2027,
        verified: true,
      },
      portalUrl: 'https://shop.example/account',
      taskLink: true,
    });
    expect(reminder.text.split('\n')).to.include(
      'https://shop.example/account?portal-task=replace-payment-method&portal-task-payment-method=pm_1',
    );
  });
});
