import { expect } from '@open-wc/testing';
import { en as commonEn } from '../../src/core/i18n/en.js';
import {
  formatterFor,
  inheritedLang,
  loadMessages,
  messagesFor,
  readyMessages,
  resolveLocale,
} from '../../src/core/i18n/index.js';
import { summaryMessages } from '../../src/elements/portal-summary/messages.js';
import { money } from '../../src/model/money.js';
import { en, es, fr } from '../helpers/messages.js';

function shape(value: unknown): unknown {
  if (typeof value === 'function') return `fn/${value.length}`;
  if (typeof value === 'string') return 'string';
  return Object.fromEntries(Object.entries(value as object).map(([key, inner]) => [key, shape(inner)]));
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return [String((value as (...a: unknown[]) => string)('X', 'Y'))];
  return Object.values(value as object).flatMap(strings);
}

describe('i18n', () => {
  it('ships French and Spanish catalogs with every English message, common and per element', () => {
    expect(shape(fr)).to.deep.equal(shape(en));
    expect(shape(es)).to.deep.equal(shape(en));
    for (const text of [...strings(fr), ...strings(es)])
      expect(text.trim(), 'no empty message').not.to.equal('');
  });

  it('chooses the locale attribute, then the portal, then the page, then English', () => {
    expect(resolveLocale('fr-CA', 'es', 'en')).to.equal('fr-CA');
    expect(resolveLocale(undefined, 'es', 'en')).to.equal('es');
    expect(resolveLocale('not a locale!!', null, 'es-MX')).to.equal('es-MX');
    expect(resolveLocale(null, undefined, '')).to.equal('en');
    expect(messagesFor('ja')).to.equal(commonEn);
    expect(readyMessages('ja'), 'a language we do not ship is English at once').to.equal(commonEn);
  });

  it('fetches a catalog once, when first needed', async () => {
    const [first, second] = await Promise.all([loadMessages('fr-CA'), loadMessages('fr')]);
    expect(first).to.equal(second);
    expect(first.common.retry).to.equal(fr.common.retry);
    expect(readyMessages('fr-BE')).to.equal(first);
    expect(messagesFor('fr-CA')).to.equal(first);
  });

  it("gives an element the common catalog plus its own namespace, and no other element's", async () => {
    const english = readyMessages('en', summaryMessages);
    expect(english?.summary).to.equal(summaryMessages.en);
    expect(english?.common).to.equal(commonEn.common);
    const french = await loadMessages('fr', summaryMessages);
    expect(french.summary.outstanding).to.equal(fr.summary.outstanding);
    expect(french.errors.network).to.equal(fr.errors.network);
    expect(Object.keys(french).sort()).to.deep.equal([...Object.keys(commonEn), 'summary'].sort());
    expect(readyMessages('fr-CA', summaryMessages), 'the same object on every render').to.equal(french);
  });

  it('finds the nearest lang across shadow roots', () => {
    const outer = document.createElement('div');
    outer.lang = 'es';
    const host = document.createElement('div');
    outer.append(host);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(outer);
    try {
      expect(inheritedLang(inner)).to.equal('es');
    } finally {
      outer.remove();
    }
  });

  it('formats euros the French way and dates without shifting the day', async () => {
    await loadMessages('fr');
    const format = formatterFor('fr-FR');
    expect(format.money(money(123456, 'EUR')).replace(/\s/g, ' ')).to.equal('1 234,56 €');
    expect(format.date('2026-03-01')).to.equal('1 mars 2026');
    expect(formatterFor('en-US').date('2026-03-01')).to.equal('Mar 1, 2026');
    expect(formatterFor('es').money(money(5000, 'USD')).replace(/\s/g, ' ')).to.match(/50,00 US\$/);
  });
});
