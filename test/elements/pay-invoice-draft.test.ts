import { expect } from '@open-wc/testing';
import {
  type SplitRow,
  allocatedSoFar,
  checkAmount,
  checkSplit,
  chosenMethod,
  evenSplit,
  freshValues,
  restFor,
  tidyAmount,
} from '../../src/elements/portal-pay-invoice/draft.js';
import { type PaymentMethod, money } from '../../src/model/index.js';

/**
 * The payment form's maths, apart from the element: typed amounts read in the customer's locale into
 * integer minor units, splits checked against the amount due, and the rows a split starts with.
 */

const card = (id: string, isDefault = false): PaymentMethod => ({
  id,
  type: 'card',
  brand: 'visa',
  last4: '4242',
  expMonth: 8,
  expYear: 2099,
  isDefault,
  verified: true,
});
const VISA = card('pm_visa', true);
const MASTERCARD = card('pm_mastercard');
const BANK: PaymentMethod = {
  id: 'pm_bank',
  type: 'bank_account',
  last4: '6789',
  accountType: 'checking',
  holderName: 'Ada Lovelace',
  isDefault: false,
};
const USABLE = [VISA, MASTERCARD, BANK];
const DUE = money(7199, 'USD');

const row = (key: number, methodId: string, amountText: string): SplitRow => ({ key, methodId, amountText });

describe('portal-pay-invoice draft.ts', () => {
  describe('checkAmount', () => {
    it('reads an amount between one minor unit and the amount due, both included', () => {
      expect(checkAmount('12.50', DUE, 'en-US')).to.deep.equal({ ok: true, value: money(1250, 'USD') });
      expect(checkAmount('0.01', DUE, 'en-US')).to.deep.equal({ ok: true, value: money(1, 'USD') });
      expect(checkAmount('71.99', DUE, 'en-US')).to.deep.equal({ ok: true, value: DUE });
    });

    it('names what is wrong: empty, unreadable, too precise, zero, more than is due', () => {
      const problem = (text: string) => {
        const checked = checkAmount(text, DUE, 'en-US');
        return checked.ok ? null : checked.problem;
      };
      expect(problem('')).to.equal('empty');
      expect(problem('   ')).to.equal('empty');
      expect(problem('twelve')).to.equal('invalid');
      expect(problem('12.345')).to.equal('precision');
      expect(problem('0')).to.equal('zero');
      expect(problem('0.00')).to.equal('zero');
      expect(problem('72.00')).to.equal('too_large');
      expect(problem('71.991')).to.equal('precision');
    });

    it('reads the customer’s locale and the currency’s precision', () => {
      const euros = money(97200, 'EUR');
      expect(checkAmount('12,50', euros, 'fr-FR')).to.deep.equal({ ok: true, value: money(1250, 'EUR') });
      expect(checkAmount('1 234,56', money(500000, 'EUR'), 'fr-FR')).to.deep.equal({
        ok: true,
        value: money(123456, 'EUR'),
      });
      const yen = money(5000, 'JPY');
      expect(checkAmount('1200', yen, 'ja-JP')).to.deep.equal({ ok: true, value: money(1200, 'JPY') });
      const decimals = checkAmount('12.5', yen, 'ja-JP');
      expect(decimals.ok ? null : decimals.problem, 'yen has no minor unit').to.equal('precision');
    });
  });

  describe('tidyAmount', () => {
    it('rewrites a valid amount in the locale’s own form and leaves anything else as typed', () => {
      expect(tidyAmount('12.5', DUE, 'en-US')).to.equal('12.50');
      expect(tidyAmount('12,5', money(97200, 'EUR'), 'fr-FR')).to.equal('12,50');
      expect(tidyAmount('twelve', DUE, 'en-US')).to.equal('twelve');
      expect(tidyAmount('72', DUE, 'en-US'), 'too large stays as typed, to be fixed').to.equal('72');
      expect(tidyAmount('', DUE, 'en-US')).to.equal('');
    });
  });

  describe('allocatedSoFar and restFor', () => {
    it('adds up the rows that read as amounts, ignoring the rest', () => {
      const rows = [row(1, 'pm_visa', '20.00'), row(2, 'pm_bank', 'abc'), row(3, 'pm_mastercard', '5')];
      expect(allocatedSoFar(rows, 'USD', 'en-US')).to.deep.equal(money(2500, 'USD'));
      expect(allocatedSoFar([], 'USD', 'en-US')).to.deep.equal(money(0, 'USD'));
    });

    it('gives a row what the other rows leave of the amount due, never less than nothing', () => {
      const rows = [row(1, 'pm_visa', '50.00'), row(2, 'pm_mastercard', '99')];
      expect(restFor(rows, 2, DUE, 'en-US'), 'its own amount does not count').to.deep.equal(
        money(2199, 'USD'),
      );
      expect(restFor(rows, 1, DUE, 'en-US'), 'the others already ask for more').to.deep.equal(
        money(0, 'USD'),
      );
    });
  });

  describe('checkSplit', () => {
    const check = (rows: SplitRow[], partialAllowed = true) =>
      checkSplit({ rows, due: DUE, usable: USABLE, locale: 'en-US', partialAllowed });

    it('turns a split of the whole amount into allocations, in row order', () => {
      const split = check([row(1, 'pm_visa', '50.00'), row(2, 'pm_mastercard', '21.99')]);
      expect(split.allocations).to.deep.equal([
        { paymentMethodId: 'pm_visa', amount: money(5000, 'USD') },
        { paymentMethodId: 'pm_mastercard', amount: money(2199, 'USD') },
      ]);
      expect(split.left).to.deep.equal(money(0, 'USD'));
      expect(split.amounts.size + split.missingMethod.size + split.repeatedMethod.size).to.equal(0);
    });

    it('never sends more than is due: the excess shows as a negative remainder', () => {
      const split = check([row(1, 'pm_visa', '40.00'), row(2, 'pm_mastercard', '40.00')]);
      expect(split.allocations).to.equal(null);
      expect(split.left).to.deep.equal(money(-801, 'USD'));
    });

    it('sends less than is due only when the merchant allows partial payments', () => {
      const rows = [row(1, 'pm_visa', '10'), row(2, 'pm_mastercard', '5')];
      expect(check(rows, true).allocations?.length).to.equal(2);
      expect(check(rows, true).left).to.deep.equal(money(5699, 'USD'));
      expect(check(rows, false).allocations).to.equal(null);
      expect(check(rows, false).left).to.deep.equal(money(5699, 'USD'));
    });

    it('reports each row’s problem on that row, by key', () => {
      const split = check([row(7, 'pm_visa', '0'), row(9, 'pm_mastercard', '1.234')]);
      expect([...split.amounts]).to.deep.equal([
        [7, 'zero'],
        [9, 'precision'],
      ]);
      expect(split.allocations).to.equal(null);
    });

    it('refuses a method that cannot pay, and a method used twice on the later row only', () => {
      const gone = check([row(1, 'pm_expired', '50.00'), row(2, 'pm_mastercard', '21.99')]);
      expect([...gone.missingMethod]).to.deep.equal([1]);
      expect(gone.allocations).to.equal(null);
      const twice = check([row(1, 'pm_visa', '50.00'), row(2, 'pm_visa', '21.99')]);
      expect([...twice.repeatedMethod]).to.deep.equal([2]);
      expect(twice.allocations).to.equal(null);
    });
  });

  describe('the form’s starting point', () => {
    it('starts with the amount due, nothing typed, on the given method or none', () => {
      expect(freshValues()).to.deep.equal({
        amountMode: 'full',
        partText: '',
        methodId: null,
        splitting: false,
        rows: [],
      });
      expect(freshValues('pm_bank').methodId).to.equal('pm_bank');
    });

    it('pays with the chosen method if it can pay, else the default, else the first', () => {
      expect(chosenMethod(USABLE, 'pm_bank')).to.equal(BANK);
      expect(chosenMethod(USABLE, null)).to.equal(VISA);
      expect(chosenMethod(USABLE, 'pm_expired'), 'a method that cannot pay is not chosen').to.equal(VISA);
      expect(chosenMethod([MASTERCARD, BANK], null), 'no default: the first').to.equal(MASTERCARD);
      expect(chosenMethod([], 'pm_visa')).to.equal(undefined);
    });

    it('splits evenly between two methods, the odd minor unit on the first row', () => {
      expect(evenSplit(DUE, ['pm_visa', 'pm_mastercard'], [3, 4], 'en-US')).to.deep.equal([
        { key: 3, methodId: 'pm_visa', amountText: '36.00' },
        { key: 4, methodId: 'pm_mastercard', amountText: '35.99' },
      ]);
      expect(
        evenSplit(money(97200, 'EUR'), ['a', 'b'], [1, 2], 'fr-FR').map((each) => each.amountText),
      ).to.deep.equal(['486,00', '486,00']);
    });

    it('leaves a share of nothing blank for the customer to fill', () => {
      expect(evenSplit(money(1, 'USD'), ['pm_visa', 'pm_bank'], [1, 2], 'en-US')).to.deep.equal([
        { key: 1, methodId: 'pm_visa', amountText: '0.01' },
        { key: 2, methodId: 'pm_bank', amountText: '' },
      ]);
    });
  });
});
