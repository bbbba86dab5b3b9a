import type { Customer } from '../../model/index.js';
import { vatExample } from '../../model/index.js';
import { type FieldSpec, type Values, addressFields } from '../../ui/form/specs.js';
import type { ProfileT } from './messages.js';

/**
 * The fields of each of the element's forms, described once and drawn by the shared field renderer. Each
 * field's `initial` is what the account holds now, so an untouched form shows the account and a value the
 * customer typed wins over it until it is saved.
 */

export type FormName = 'details' | 'addresses' | 'email' | 'tax';
/** Each form's notice and busy state: the four above, choosing the default, confirming a link. */
export type Slot = FormName | 'default' | 'confirm';

/** Groups that may stay wholly blank: then they are not sent (or removed, where the account had one). */
export const OPTIONAL_GROUPS = ['billingAddress', 'shippingAddress', 'billingContact', 'shippingContact'];

/** The account's values by field path (`billingAddress.city`), as the forms name them. */
export function accountValues(customer: Customer): Values {
  const values: Record<string, string> = {};
  const put = (path: string, value: unknown) => {
    if (typeof value === 'string' && value !== '') values[path] = value;
  };
  for (const key of ['name', 'company', 'phone', 'poNumber', 'vatNumber', 'registrationNumber'] as const) {
    put(key, customer[key]);
  }
  for (const group of OPTIONAL_GROUPS) {
    const object = customer[group as keyof Customer];
    if (object && typeof object === 'object') {
      for (const [key, value] of Object.entries(object)) put(`${group}.${key}`, value);
    }
  }
  return values;
}

function text(path: string, label: string, autocomplete: string, type: 'text' | 'tel' | 'email' = 'text') {
  return { path, label, kind: 'input' as const, type, autocomplete, required: false };
}

/** Starts each field at the account's value (the country at the account's, else the locale's). */
function fromAccount(fields: FieldSpec[], account: Values): FieldSpec[] {
  return fields.map((field) => {
    const value = account[field.path];
    return value === undefined ? field : { ...field, initial: value };
  });
}

export function detailsFields(t: ProfileT, account: Values): FieldSpec[] {
  return fromAccount(
    [
      { ...text('name', t.fields.name, 'name'), required: true },
      text('company', t.fields.company, 'organization'),
      text('phone', t.fields.phone, 'tel', 'tel'),
    ],
    account,
  );
}

function contactFields(t: ProfileT, group: string): FieldSpec[] {
  // Autofill must not put the customer's own name into someone else's contact: no personal tokens.
  return [
    { ...text(`${group}.name`, t.profile.contactName, 'off'), required: true },
    {
      ...text(`${group}.email`, t.profile.contactEmail, 'off', 'email'),
      messages: { invalid: t.fields.emailInvalid },
    },
    text(`${group}.phone`, t.profile.contactPhone, 'off', 'tel'),
  ];
}

export interface AddressSections {
  billingAddress: FieldSpec[];
  billingContact: FieldSpec[];
  shippingAddress: FieldSpec[];
  shippingContact: FieldSpec[];
}

/**
 * Billing and shipping addresses, each shaped by the country chosen in it (typed, else the account's),
 * and their contacts. With "ship to the billing address" the shipping address has no fields: it is sent
 * as a copy of the billing one.
 */
export function addressSections(
  t: ProfileT,
  locale: string,
  account: Values,
  typed: Values,
  shipToBilling: boolean,
): AddressSections {
  const address = (group: string) => {
    const country = typed[`${group}.country`] ?? account[`${group}.country`];
    return fromAccount(addressFields(t, locale, group, country), account);
  };
  return {
    billingAddress: address('billingAddress'),
    billingContact: fromAccount(contactFields(t, 'billingContact'), account),
    shippingAddress: shipToBilling ? [] : address('shippingAddress'),
    shippingContact: fromAccount(contactFields(t, 'shippingContact'), account),
  };
}

export function addressFieldList(sections: AddressSections): FieldSpec[] {
  return [
    ...sections.billingAddress,
    ...sections.billingContact,
    ...sections.shippingAddress,
    ...sections.shippingContact,
  ];
}

export function emailFields(t: ProfileT): FieldSpec[] {
  return [
    {
      ...text('newEmail', t.profile.newEmail, 'email', 'email'),
      required: true,
      hint: t.profile.newEmailHint,
      messages: { invalid: t.fields.emailInvalid, taken: t.profile.emailTaken },
    },
  ];
}

/** The VAT number is judged for the billing country; its example follows what is typed. */
export function taxFields(t: ProfileT, account: Values, typed: Values, billingCountry?: string): FieldSpec[] {
  const vat = typed.vatNumber ?? account.vatNumber ?? '';
  const hintExample = vatExample('', billingCountry);
  const example = vatExample(vat, billingCountry);
  return fromAccount(
    [
      text('poNumber', t.profile.poNumber, 'off'),
      {
        ...text('vatNumber', t.profile.vatNumber, 'off'),
        ...(hintExample ? { hint: t.profile.vatHint(hintExample) } : {}),
        messages: { invalid: example ? t.profile.vatInvalid(example) : t.profile.vatInvalidGeneric },
      },
      text('registrationNumber', t.profile.registrationNumber, 'off'),
    ],
    account,
  );
}
