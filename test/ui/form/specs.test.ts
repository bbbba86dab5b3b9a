import { expect } from '@open-wc/testing';
import { en } from '../../../src/core/i18n/en.js';
import { SignUp } from '../../../src/model/index.js';
import {
  addressFields,
  bankAccountFields,
  emailField,
  newPasswordFields,
} from '../../../src/ui/form/specs.js';
import { checkForm } from '../../../src/ui/form/validate.js';

const t = en;
const labels = (country: string | undefined, locale = 'en') =>
  addressFields(t, locale, 'billingAddress', country).map((field) => field.label);

describe('ui/form specs', () => {
  it('names region and postal code the way each country does, with a generic fallback', () => {
    expect(labels('US')).to.include.members([t.fields.regionState, t.fields.postalCodeZip]);
    expect(labels('CA')).to.include.members([t.fields.regionProvince, t.fields.postalCode]);
    expect(labels('GB')).to.include.members([t.fields.regionCounty, t.fields.postalCodePostcode]);
    for (const country of ['FR', 'DE']) {
      expect(labels(country), `${country} has no region line`).not.to.include.members([t.fields.region]);
      expect(labels(country)).to.have.length(5);
      expect(labels(country)).to.include(t.fields.postalCode);
    }
    expect(labels('JP')).to.include.members([t.fields.region, t.fields.postalCode]);
    expect(labels(undefined)).to.include.members([t.fields.region, t.fields.postalCode]);
  });

  it('offers the country a locale names, and follows it until the customer picks another', () => {
    const country = addressFields(t, 'en-US', 'billingAddress', undefined).find((f) =>
      f.path.endsWith('country'),
    );
    expect(country?.initial).to.equal('US');
    expect(labels(undefined, 'en-US')).to.include(t.fields.postalCodeZip);
    expect(labels('', 'en-US'), 'no country chosen: generic labels').to.include(t.fields.postalCode);
  });

  it('keeps the autofill section tokens of billing and shipping addresses', () => {
    const tokens = (group: string) => addressFields(t, 'en', group, 'US').map((field) => field.autocomplete);
    expect(tokens('billingAddress')).to.include.members(['billing address-line1', 'billing postal-code']);
    expect(tokens('shippingAddress')).to.include.members(['shipping address-line1', 'shipping country']);
  });

  it('marks as required exactly the fields the model refuses to leave blank', () => {
    const fields = [
      emailField(t),
      ...newPasswordFields(t, 'password', false),
      { path: 'name', label: t.fields.name, kind: 'input' as const, required: true },
      ...addressFields(t, 'en', 'billingAddress', 'US'),
      ...bankAccountFields(t),
    ];
    // Selects start on a choice; with nothing chosen at all, the blank-refusing fields are the required ones.
    const nothingChosen = Object.fromEntries(fields.map((field) => [field.path, '']));
    const result = checkForm(t, SignUp, fields, nothingChosen, 'en');
    const refused = result.ok ? [] : [...result.errors.keys()];
    expect(refused).to.deep.equal(fields.filter((field) => field.required).map((field) => field.path));
  });
});
