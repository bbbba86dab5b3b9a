import { expect } from '@open-wc/testing';
import { cardLastDay, expiryReminderDay, isExpiryReminderDue } from '../../src/rules/expiry-reminders.js';
import { cardExpiryReminderMail } from '../../src/rules/mail.js';

const FEB_2027 = { expMonth: 2, expYear: 2027 };

describe('rules/expiry-reminders', () => {
  it('a card expires at the end of its month; the reminder is due 30 days before', () => {
    expect(cardLastDay(FEB_2027)).to.equal('2027-02-28');
    expect(cardLastDay({ expMonth: 2, expYear: 2028 })).to.equal('2028-02-29');
    expect(expiryReminderDay(FEB_2027)).to.equal('2027-01-29');
    expect(expiryReminderDay({ expMonth: 12, expYear: 2026 })).to.equal('2026-12-01');
  });

  it('is due from that day until the card has expired, so a missed day is caught up', () => {
    expect(isExpiryReminderDue(FEB_2027, '2027-01-28')).to.equal(false);
    expect(isExpiryReminderDue(FEB_2027, '2027-01-29')).to.equal(true);
    expect(isExpiryReminderDue(FEB_2027, '2027-02-28')).to.equal(true);
    expect(isExpiryReminderDue(FEB_2027, '2027-03-01'), 'expired').to.equal(false);
  });

  it('names the card by brand, last four digits and expiry, and says where to add another', () => {
    const mail = cardExpiryReminderMail({
      merchant: 'Northwind',
      card: {
        id: 'pm_1',
        customerId: 'cus_1',
        type: 'card',
        brand: 'mastercard',
        last4: '4444',
        ...FEB_2027,
        verified: true,
      },
      portalUrl: 'https://shop.example/account',
    });
    expect(mail.kind).to.equal('card_expiry_reminder');
    expect(mail.subject).to.include('Mastercard •••• 4444').and.include('Northwind');
    expect(mail.text).to.include('Mastercard •••• 4444').and.include('02/2027');
    expect(mail.text.split('\n')).to.include('https://shop.example/account');
  });
});
