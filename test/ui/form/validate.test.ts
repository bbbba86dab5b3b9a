import { expect } from '@open-wc/testing';
import { en } from '../../../src/core/i18n/en.js';
import { MagicLinkRequest, PasswordReset, PasswordSignIn, SignUp, money } from '../../../src/model/index.js';
import * as z from 'zod/mini';
import {
  addressFields,
  bankAccountFields,
  currentPasswordField,
  emailField,
  moneyAmountField,
  newPasswordFields,
} from '../../../src/ui/form/specs.js';
import { checkForm, messageFor, requestFrom } from '../../../src/ui/form/validate.js';

const t = en;

describe('ui/form validate: checks derived from the model schemas', () => {
  it('refuses blank required fields with "required" and a malformed email with the field\'s own words', () => {
    const fields = [emailField(t), currentPasswordField(t)];
    const blank = checkForm(t, PasswordSignIn, fields, {}, 'en');
    expect(blank.ok).to.be.false;
    expect(!blank.ok && [...blank.errors]).to.deep.equal([
      ['email', t.fieldErrors.required],
      ['password', t.fieldErrors.required],
    ]);
    const malformed = checkForm(
      t,
      PasswordSignIn,
      fields,
      { email: 'ada-at-example.com', password: 'x' },
      'en',
    );
    expect(!malformed.ok && malformed.errors.get('email')).to.equal(t.fields.emailInvalid);
  });

  it('returns the parsed request: email trimmed, password exactly as typed', () => {
    const fields = [emailField(t), currentPasswordField(t)];
    const result = checkForm(
      t,
      PasswordSignIn,
      fields,
      { email: ' ada@example.com ', password: ' secret ' },
      'en',
    );
    expect(result.ok && result.value).to.deep.equal({ email: 'ada@example.com', password: ' secret ' });
  });

  it('takes the new-password length from the model, not from the form', () => {
    const fields = newPasswordFields(t, 'newPassword', true);
    const extra = { token: 'a-reset-token-of-the-right-shape' };
    const short = checkForm(
      t,
      PasswordReset,
      fields,
      { newPassword: 'short', confirmPassword: 'short' },
      'en',
      extra,
    );
    expect(!short.ok && short.errors.get('newPassword')).to.equal(t.fields.passwordTooShort);
    // The boundary is wherever the schema puts it: exactly what NewPassword accepts passes.
    const eight = 'x'.repeat(8);
    expect(z.safeParse(PasswordReset, { ...extra, newPassword: eight }).success).to.be.true;
    const ok = checkForm(
      t,
      PasswordReset,
      fields,
      { newPassword: eight, confirmPassword: eight },
      'en',
      extra,
    );
    expect(ok.ok && ok.value).to.deep.equal({ ...extra, newPassword: eight });
  });

  it('checks a confirmation against the field it confirms', () => {
    const fields = newPasswordFields(t, 'newPassword', true);
    const extra = { token: 'a-reset-token-of-the-right-shape' };
    const differ = checkForm(
      t,
      PasswordReset,
      fields,
      { newPassword: 'a-long-secret', confirmPassword: 'another-secret' },
      'en',
      extra,
    );
    expect(!differ.ok && [...differ.errors]).to.deep.equal([['confirmPassword', t.fields.passwordsDiffer]]);
    const blank = checkForm(t, PasswordReset, fields, { newPassword: 'a-long-secret' }, 'en', extra);
    expect(!blank.ok && blank.errors.get('confirmPassword')).to.equal(t.fieldErrors.required);
  });

  it('reports what belongs to no field instead of dropping it', () => {
    const result = checkForm(t, MagicLinkRequest, [emailField(t)], { email: 'ada@example.com' }, 'en', {
      returnUrl: 'javascript:alert(1)',
    });
    expect(!result.ok && result.errors.size).to.equal(0);
    expect(!result.ok && result.unplaced.map((each) => each.path)).to.deep.equal(['returnUrl']);
  });

  it('refuses each blank field of a required address and a routing number the model refuses', () => {
    const fields = [
      emailField(t),
      ...newPasswordFields(t, 'password', false),
      { path: 'name', label: t.fields.name, kind: 'input' as const, required: true },
      ...addressFields(t, 'en', 'billingAddress', undefined),
      ...bankAccountFields(t),
    ];
    const values = {
      email: 'lin@example.org',
      password: 'a-long-enough-secret',
      name: 'Lin Chen',
      'bankAccount.holderName': 'Lin Chen',
      'bankAccount.routingNumber': '12345',
      'bankAccount.accountNumber': '0001 2345 6789',
    };
    const result = checkForm(t, SignUp, fields, values, 'en');
    expect(!result.ok && [...result.errors]).to.deep.equal([
      ['billingAddress.line1', t.fieldErrors.required],
      ['billingAddress.city', t.fieldErrors.required],
      ['billingAddress.country', t.fieldErrors.required],
      ['bankAccount.routingNumber', t.fields.routingInvalid],
    ]);
    const fixed = checkForm(
      t,
      SignUp,
      fields,
      {
        ...values,
        'billingAddress.line1': '1 Harbour Street',
        'billingAddress.city': 'Halifax',
        'billingAddress.country': 'CA',
        'bankAccount.routingNumber': '110-000-000',
      },
      'en',
    );
    expect(fixed.ok && fixed.value.billingAddress).to.deep.equal({
      line1: '1 Harbour Street',
      city: 'Halifax',
      country: 'CA',
    });
    expect(fixed.ok && fixed.value.bankAccount).to.deep.equal({
      holderName: 'Lin Chen',
      routingNumber: '110000000',
      accountNumber: '000123456789',
      accountType: 'checking',
    });
  });

  it('refuses a postal code of the wrong shape for its country, with an example of the right one', () => {
    const schema = z.object({ billingAddress: SignUp.shape.billingAddress });
    const base = { 'billingAddress.line1': '1 Main St', 'billingAddress.city': 'Springfield' };
    const us = addressFields(t, 'en', 'billingAddress', 'US');
    const wrong = checkForm(
      t,
      schema,
      us,
      { ...base, 'billingAddress.country': 'US', 'billingAddress.postalCode': 'SW1A 1AA' },
      'en',
    );
    expect(!wrong.ok && [...wrong.errors]).to.deep.equal([
      ['billingAddress.postalCode', t.fields.postalCodeInvalid('94103')],
    ]);
    const right = checkForm(
      t,
      schema,
      us,
      { ...base, 'billingAddress.country': 'US', 'billingAddress.postalCode': '94103-1234' },
      'en',
    );
    expect(right.ok).to.be.true;
    // A country the table does not know takes any postal code.
    const other = addressFields(t, 'en', 'billingAddress', 'JP');
    const anyShape = checkForm(
      t,
      schema,
      other,
      { ...base, 'billingAddress.country': 'JP', 'billingAddress.postalCode': '100-0001' },
      'en',
    );
    expect(anyShape.ok).to.be.true;
  });

  it('reads a money amount in the customer locale into minor units, and refuses text that is no amount', () => {
    const field = moneyAmountField({ path: 'amount', label: 'Amount', currency: 'EUR' });
    const schema = z.object({ amount: z.object({ amount: z.int(), currency: z.string() }) });
    expect(requestFrom([field], { amount: '1 234,50' }, 'fr-FR')).to.deep.equal({
      amount: money(123450, 'EUR'),
    });
    const unreadable = checkForm(t, schema, [field], { amount: '12,3,4' }, 'fr-FR');
    expect(!unreadable.ok && unreadable.errors.get('amount')).to.equal(t.fieldErrors.invalid);
    const blank = checkForm(t, schema, [field], { amount: '' }, 'fr-FR');
    expect(!blank.ok && blank.errors.get('amount')).to.equal(t.fieldErrors.required);
  });

  it('words a backend code the way the field words it, else with the catalog', () => {
    expect(messageFor(t, emailField(t), 'taken')).to.equal(t.fields.emailTaken);
    expect(messageFor(t, emailField(t), 'too_long')).to.equal(t.fieldErrors.too_long);
    expect(messageFor(t, undefined, 'invalid')).to.equal(t.fieldErrors.invalid);
  });
});
