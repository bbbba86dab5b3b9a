import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  currencyExponent,
  formatAmountInput,
  formatMoney,
  money,
  parseAmountInput,
  remaining,
  splitEvenly,
  sum,
} from '../../src/model/money.js';

const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD', 'GBP'];
const currency = fc.constantFrom(...CURRENCIES);
const amount = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
const LOCALES = ['en-US', 'fr-FR', 'de-DE', 'es-ES', 'en-IN', 'ar-EG'];

describe('money', () => {
  it('takes minor-unit digits from Intl', () => {
    expect(currencyExponent('USD')).to.equal(2);
    expect(currencyExponent('JPY')).to.equal(0);
    expect(currencyExponent('KWD')).to.equal(3);
  });

  it('refuses fractional minor units and mixed currencies', () => {
    expect(() => money(1.5, 'USD')).to.throw(RangeError);
    expect(() => sum([money(1, 'USD'), money(1, 'EUR')], 'USD')).to.throw(RangeError);
  });

  it('splits evenly without losing or inventing a minor unit', () => {
    fc.assert(
      fc.property(amount, currency, fc.integer({ min: 1, max: 12 }), (value, code, parts) => {
        const shares = splitEvenly(money(value, code), parts);
        expect(shares).to.have.length(parts);
        expect(sum(shares, code).amount).to.equal(value);
        const sizes = shares.map((share) => Math.abs(share.amount));
        expect(Math.max(...sizes) - Math.min(...sizes)).to.be.at.most(1);
        for (const share of shares) expect(Number.isInteger(share.amount)).to.equal(true);
      }),
    );
  });

  it('remaining plus allocations is the total', () => {
    fc.assert(
      fc.property(amount, fc.array(amount, { maxLength: 6 }), currency, (total, parts, code) => {
        const allocations = parts.map((part) => money(part, code));
        expect(remaining(money(total, code), allocations).amount + sum(allocations, code).amount).to.equal(
          total,
        );
      }),
    );
  });

  it('formats the currency’s own digits in the locale', () => {
    expect(formatMoney(money(123456, 'USD'), 'en-US')).to.equal('$1,234.56');
    expect(formatMoney(money(1234, 'JPY'), 'ja-JP')).to.match(/1,234/);
    expect(formatMoney(money(1234567, 'KWD'), 'en-US')).to.contain('1,234.567');
    expect(formatMoney(money(123456, 'EUR'), 'fr-FR').replace(/\s/g, ' ')).to.equal('1 234,56 €');
  });

  it('reads back what it writes for an input, in every locale and currency', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        currency,
        fc.constantFrom(...LOCALES),
        (value, code, locale) => {
          const typed = formatAmountInput(money(value, code), locale);
          const parsed = parseAmountInput(typed, code, locale);
          expect(parsed).to.deep.equal({ ok: true, value: money(value, code) });
        },
      ),
    );
  });

  it('never reads a decimal dot as grouping: "12.50" in Spanish is twelve euros fifty', () => {
    const eur = (text: string, locale: string) => parseAmountInput(text, 'EUR', locale);
    for (const locale of ['es-ES', 'de-DE']) {
      expect(eur('12.50', locale), locale).to.deep.equal({ ok: true, value: money(1250, 'EUR') });
      expect(eur('12.5', locale), locale).to.deep.equal({ ok: true, value: money(1250, 'EUR') });
      expect(eur('1.250', locale), `${locale}: grouping`).to.deep.equal({
        ok: true,
        value: money(125000, 'EUR'),
      });
      expect(eur('1.234.567,89', locale)).to.deep.equal({ ok: true, value: money(123456789, 'EUR') });
      expect(eur('12,50', locale)).to.deep.equal({ ok: true, value: money(1250, 'EUR') });
      expect(eur('1.25.0', locale).ok, `${locale}: broken grouping`).to.equal(false);
      expect(eur('12.5000', locale).ok, `${locale}: not grouping, too precise`).to.equal(false);
      expect(eur('1.250.5', locale).ok).to.equal(false);
      expect(eur('1,250.50', locale).ok, `${locale}: another locale's grouping`).to.equal(false);
    }
    expect(parseAmountInput('12.50', 'JPY', 'es-ES').ok, 'yen have no decimals to mean').to.equal(false);
    expect(parseAmountInput('1,23,456.50', 'INR', 'en-IN')).to.deep.equal({
      ok: true,
      value: money(12345650, 'INR'),
    });
    expect(parseAmountInput('1,234.50', 'USD', 'en-US')).to.deep.equal({
      ok: true,
      value: money(123450, 'USD'),
    });
    expect(parseAmountInput('12.50', 'EUR', 'fr-FR')).to.deep.equal({ ok: true, value: money(1250, 'EUR') });
    expect(parseAmountInput('12.505', 'EUR', 'fr-FR')).to.deep.equal({ ok: false, reason: 'precision' });
  });

  it('parses what customers type', () => {
    expect(parseAmountInput('1,234.50', 'USD', 'en-US')).to.deep.equal({
      ok: true,
      value: money(123450, 'USD'),
    });
    expect(parseAmountInput('1 234,5', 'EUR', 'fr-FR')).to.deep.equal({
      ok: true,
      value: money(123450, 'EUR'),
    });
    expect(parseAmountInput('12.5', 'EUR', 'fr-FR')).to.deep.equal({ ok: true, value: money(1250, 'EUR') });
    expect(parseAmountInput('12', 'JPY', 'ja-JP')).to.deep.equal({ ok: true, value: money(12, 'JPY') });
    expect(parseAmountInput('', 'USD', 'en-US')).to.deep.equal({ ok: false, reason: 'empty' });
    expect(parseAmountInput('12.345', 'USD', 'en-US')).to.deep.equal({ ok: false, reason: 'precision' });
    expect(parseAmountInput('12.5', 'JPY', 'ja-JP')).to.deep.equal({ ok: false, reason: 'precision' });
    expect(parseAmountInput('-5', 'USD', 'en-US')).to.deep.equal({ ok: false, reason: 'invalid' });
    expect(parseAmountInput('1e3', 'USD', 'en-US')).to.deep.equal({ ok: false, reason: 'invalid' });
    expect(parseAmountInput('12,50.1', 'EUR', 'fr-FR')).to.deep.equal({ ok: false, reason: 'invalid' });
  });
});
