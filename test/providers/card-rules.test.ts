import { expect } from '@open-wc/testing';
import { parseTestCardToken } from '../../src/rules/test-cards.js';
import {
  brandOf,
  checkCard,
  findTestCard,
  formatExpiry,
  formatNumber,
  luhnValid,
  needsChallenge,
  tokenFor,
} from '../../src/providers/test-mode/card-rules.js';

const TODAY = new Date(2026, 10, 29); // 29 November 2026

describe('test-mode card rules', () => {
  it('accepts every public test number the issue lists, and knows each brand', () => {
    const numbers = {
      '4242424242424242': 'visa',
      '5555555555554444': 'mastercard',
      '378282246310005': 'amex',
      '6011111111111117': 'discover',
      '4000056655665556': 'visa',
      '4000000000000002': 'visa',
      '4000000000009995': 'visa',
      '4000000000000119': 'visa',
      '4000002760003184': 'visa',
    };
    for (const [number, brand] of Object.entries(numbers)) {
      expect(luhnValid(number), number).to.equal(true);
      expect(findTestCard(number)?.brand, number).to.equal(brand);
      expect(brandOf(number), number).to.equal(brand);
    }
    expect(findTestCard('4111111111111111')).to.equal(undefined);
    expect(needsChallenge('4000002760003184')).to.equal(true);
    expect(needsChallenge('4242424242424242')).to.equal(false);
  });

  it('checks Luhn', () => {
    expect(luhnValid('4242424242424241')).to.equal(false);
    expect(luhnValid('79927398713')).to.equal(true);
    expect(luhnValid('')).to.equal(false);
  });

  it('formats numbers by brand and expiry as MM / YY', () => {
    expect(formatNumber('4242424242424242')).to.equal('4242 4242 4242 4242');
    expect(formatNumber('378282246310005')).to.equal('3782 822463 10005');
    expect(formatNumber('37828')).to.equal('3782 8');
    expect(formatExpiry('1')).to.equal('1');
    expect(formatExpiry('4')).to.equal('04 / ');
    expect(formatExpiry('12')).to.equal('12 / ');
    expect(formatExpiry('12', true)).to.equal('12');
    expect(formatExpiry('1228')).to.equal('12 / 28');
  });

  it('takes a card through the last day of its expiry month, not a day longer', () => {
    const card = (expiry: string) =>
      checkCard({ number: '4242 4242 4242 4242', expiry, cvc: '123' }, TODAY).errors;
    expect(card('11 / 26')).to.deep.equal({});
    expect(card('10 / 26')).to.deep.equal({ expiry: 'expiry_past' });
    expect(card('13 / 27')).to.deep.equal({ expiry: 'expiry_invalid' });
    expect(card('1 / 2')).to.deep.equal({ expiry: 'expiry_incomplete' });
  });

  it('wants the CVC length of the brand', () => {
    const cvc = (number: string, value: string) =>
      checkCard({ number, expiry: '12 / 30', cvc: value }, TODAY).errors.cvc;
    expect(cvc('378282246310005', '1234')).to.equal(undefined);
    expect(cvc('378282246310005', '123')).to.equal('cvc_incomplete');
    expect(cvc('4242424242424242', '123')).to.equal(undefined);
    expect(cvc('4242424242424242', '1234')).to.equal('cvc_invalid');
  });

  it('issues tokens the backends read back, for the cards the gateway table lists', () => {
    const token = tokenFor({ number: '5555 5555 5555 4444', expiry: '03 / 29', cvc: '123' }, TODAY);
    expect(token).to.deep.equal({
      token: 'tok_mastercard_032029',
      brand: 'mastercard',
      last4: '4444',
      expMonth: 3,
      expYear: 2029,
    });
    expect(parseTestCardToken(token!.token)).to.include({ last4: '4444', expMonth: 3, expYear: 2029 });
    // Every accepted card's token has the shape the backends' parser reads (model/test-cards.ts).
    for (const number of ['4242424242424242', '378282246310005', '4000056655665556', '4000002760003184']) {
      const cvc = number.startsWith('37') ? '1234' : '123';
      const issued = tokenFor({ number, expiry: '03 / 29', cvc }, TODAY);
      expect(issued?.token, number).to.match(/^tok_[a-z_]+_032029$/);
    }
    expect(tokenFor({ number: '4242 4242 4242 4241', expiry: '03 / 29', cvc: '123' }, TODAY)).to.equal(null);
  });
});
