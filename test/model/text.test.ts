import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { fieldErrorsFrom } from '../../src/contract/errors.js';
import {
  Address,
  Email,
  Id,
  IdempotencyKey,
  NewInvoiceNote,
  Password,
  RequiredText,
  ShortText,
  SignUp,
  isStorableText,
} from '../../src/model/index.js';
import { HOSTILE_TEXT } from '../fixtures/hostile-text.js';

/** Every text schema a person or a path fills in, with a value it accepts (the suffix is appended). */
const TEXT_SCHEMAS: { name: string; schema: z.core.$ZodType; valid: string }[] = [
  { name: 'Id', schema: Id, valid: 'inv_ada_1001' },
  { name: 'ShortText', schema: ShortText, valid: 'Lovelace Ltd' },
  { name: 'RequiredText', schema: RequiredText, valid: 'Ada Lovelace' },
  { name: 'Password', schema: Password, valid: 'correct horse' },
  { name: 'IdempotencyKey', schema: IdempotencyKey, valid: 'key-0123456789abcdef' },
  { name: 'Email', schema: Email, valid: 'ada@example.com' },
];

const UNSTORABLE = [
  { what: 'NUL', text: '\u0000' },
  { what: 'a lone high surrogate', text: '\uD800' },
  { what: 'a lone low surrogate', text: '\uDC00' },
  { what: 'a reversed pair', text: '\uDE00\uD83D' },
];

describe('text schemas: NUL and lone surrogates', () => {
  for (const { name, schema, valid } of TEXT_SCHEMAS) {
    for (const { what, text } of UNSTORABLE) {
      it(`${name} refuses ${what} anywhere in the value`, () => {
        expect(z.safeParse(schema, valid).success, 'the valid value').to.equal(true);
        for (const value of [
          `${text}${valid}`,
          `${valid.slice(0, 3)}${text}${valid.slice(3)}`,
          `${valid}${text}`,
        ]) {
          expect(z.safeParse(schema, value).success, JSON.stringify(value)).to.equal(false);
        }
      });
    }
  }

  it('accepts well-formed text, astral characters (a surrogate pair) included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (text) => {
        const value = text.replaceAll('\u0000', '');
        expect(isStorableText(value)).to.equal(true);
        expect(z.safeParse(ShortText, value).success).to.equal(true);
      }),
    );
    expect(z.safeParse(ShortText, 'Ada \u{1F4B3} \u{1D54F}').success).to.equal(true);
  });

  it('refuses any string that is not well formed, and only those with NUL besides', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        // UTF-8 cannot carry a lone surrogate: a round trip through it changes exactly those strings.
        const wellFormed = new TextDecoder().decode(new TextEncoder().encode(text)) === text;
        const expected = wellFormed && !text.includes('\u0000');
        expect(isStorableText(text), JSON.stringify(text)).to.equal(expected);
      }),
    );
  });

  it('keeps every payload of the hostile-text corpus acceptable: refusing it is the renderer’s job, not ours', () => {
    for (const { name, text } of HOSTILE_TEXT) {
      expect(isStorableText(text), name).to.equal(true);
    }
  });

  it('reports the refusal at the field, as invalid', () => {
    const note = z.safeParse(NewInvoiceNote, { body: 'Paid by cheque\u0000' });
    expect(note.success).to.equal(false);
    expect(fieldErrorsFrom(note.error!)).to.deep.equal([{ path: 'body', code: 'invalid' }]);

    const address = z.safeParse(Address, { line1: '1 Rue\uD800', city: 'Paris', country: 'FR' });
    expect(fieldErrorsFrom(address.error!)).to.deep.equal([{ path: 'line1', code: 'invalid' }]);

    const signUp = z.safeParse(SignUp, { name: '\uDC00Ada', email: 'ada@example.com' });
    expect(fieldErrorsFrom(signUp.error!).map((each) => each.path)).to.include('name');
  });
});
