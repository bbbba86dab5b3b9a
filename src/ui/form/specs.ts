import type { FieldErrorCode } from '../../contract/errors.js';
import type { Messages } from '../../core/i18n/index.js';
import { ADDRESS_FORMATS } from '../../model/index.js';
import { type CountryOption, countryOptions, localeCountry } from './countries.js';

/**
 * One field of a form, described once and drawn by `renderField`. `path` is the input's `name`, the
 * key of its value and the path the request and the backend's field errors use
 * (`billingAddress.line1`), so client and server problems land on the same field. What a valid value
 * is comes from the model's schema for that path (see validate.ts), never from the spec.
 */
export interface FieldSpec {
  path: string;
  label: string;
  kind: 'input' | 'password' | 'select' | 'money';
  type?: 'email' | 'text' | 'tel' | 'number' | 'date';
  /** The bounds of a number or date field, as the input's `min` and `max`. */
  min?: string;
  max?: string;
  autocomplete?: string;
  inputMode?: 'numeric' | 'decimal';
  /** Marks the label and the control; the schema is what refuses a blank value. */
  required: boolean;
  readonly?: boolean;
  hint?: string;
  options?: readonly CountryOption[];
  /** The value before the customer chose one (a select's first sensible option). */
  initial?: string;
  /** This field's wording for an error code, where the catalog's generic one would be vague. */
  messages?: Partial<Record<FieldErrorCode, string>>;
  /** What the request carries for the typed text; by default the text trimmed. */
  normalize?: (text: string) => string;
  /** A confirmation: the value must equal the one at `path`, else `message`. */
  sameAs?: { path: string; message: string };
  /** The currency of a `money` field. */
  currency?: string;
}

/** A group of fields; a legend makes it a fieldset (an address, a bank account). */
export interface FieldSection {
  legend?: string;
  /** What the section holds in the request. */
  group?: string;
  fields: FieldSpec[];
}

/** What the customer typed, by field path. */
export type Values = Readonly<Record<string, string>>;

/** Passwords are checked and sent exactly as typed (no trimming, ASVS 6.2.8). */
const asTyped = (text: string): string => text;

/** Bank numbers are often copied with spaces or dashes; the request carries the digits. */
export const digitsOnly = (text: string): string => text.replace(/[\s-]/g, '');

export function emailField(t: Messages, readonly = false): FieldSpec {
  return {
    path: 'email',
    label: t.fields.email,
    kind: 'input',
    type: 'email',
    // The email is the username: password managers save and fill the pair by this token.
    autocomplete: 'username',
    required: !readonly,
    readonly,
    messages: { invalid: t.fields.emailInvalid, taken: t.fields.emailTaken },
  };
}

export function currentPasswordField(t: Messages): FieldSpec {
  return {
    path: 'password',
    label: t.fields.password,
    kind: 'password',
    autocomplete: 'current-password',
    required: true,
    normalize: asTyped,
  };
}

/**
 * A new password, and its confirmation when `withConfirmation`; `path` is what the request calls the
 * new password (`password` at sign-up, `newPassword` elsewhere).
 */
export function newPasswordFields(t: Messages, path: string, withConfirmation: boolean): FieldSpec[] {
  const fields: FieldSpec[] = [
    {
      path,
      label: withConfirmation ? t.fields.newPassword : t.fields.password,
      kind: 'password',
      autocomplete: 'new-password',
      required: true,
      hint: t.fields.passwordHint,
      normalize: asTyped,
      messages: { too_short: t.fields.passwordTooShort },
    },
  ];
  if (withConfirmation) {
    fields.push({
      path: 'confirmPassword',
      label: t.fields.confirmPassword,
      kind: 'password',
      autocomplete: 'new-password',
      required: true,
      normalize: asTyped,
      sameAs: { path, message: t.fields.passwordsDiffer },
    });
  }
  return fields;
}

/** The labels a country gives its region and postal code; the generic ones where we do not know it. */
function addressLabels(t: Messages, country: string): { region: string | null; postalCode: string } {
  const format = ADDRESS_FORMATS[country];
  if (!format) return { region: t.fields.region, postalCode: t.fields.postalCode };
  const region = {
    state: t.fields.regionState,
    province: t.fields.regionProvince,
    county: t.fields.regionCounty,
  };
  const postalCode = {
    zip: t.fields.postalCodeZip,
    postcode: t.fields.postalCodePostcode,
    postal: t.fields.postalCode,
  };
  return {
    region: format.region ? region[format.region] : null,
    postalCode: postalCode[format.postalCode],
  };
}

/**
 * A postal address under `group` (`billingAddress`), shaped by the chosen `country`: its region and
 * postal code are named the way that country names them ("State", "ZIP code"; "Postcode"), a country
 * whose addresses have no region line gets none, and a postal code of the wrong shape is refused with
 * an example of the right one. With no country chosen yet, the country the locale names is offered.
 */
export function addressFields(
  t: Messages,
  locale: string,
  group: string,
  country: string | undefined,
): FieldSpec[] {
  // "billing address-line1", "shipping postal-code": the section token tells autofill which address.
  const section = group === 'shippingAddress' ? 'shipping ' : group === 'billingAddress' ? 'billing ' : '';
  const initialCountry = localeCountry(locale) ?? '';
  const chosen = country ?? initialCountry;
  const labels = addressLabels(t, chosen);
  const example = ADDRESS_FORMATS[chosen]?.postalExample;
  const text = (name: string, label: string, token: string, required: boolean): FieldSpec => ({
    path: `${group}.${name}`,
    label,
    kind: 'input',
    type: 'text',
    autocomplete: `${section}${token}`,
    required,
  });
  return [
    text('line1', t.fields.line1, 'address-line1', true),
    text('line2', t.fields.line2, 'address-line2', false),
    text('city', t.fields.city, 'address-level2', true),
    ...(labels.region ? [text('region', labels.region, 'address-level1', false)] : []),
    {
      ...text('postalCode', labels.postalCode, 'postal-code', false),
      ...(example ? { messages: { invalid: t.fields.postalCodeInvalid(example) } } : {}),
    },
    {
      path: `${group}.country`,
      label: t.fields.country,
      kind: 'select',
      autocomplete: `${section}country`,
      required: true,
      options: [{ value: '', label: t.fields.chooseCountry }, ...countryOptions(locale)],
      initial: initialCountry,
    },
  ];
}

/** A US bank account for ACH debits, under `bankAccount` as the model's `BankAccountDetails`. */
export function bankAccountFields(t: Messages): FieldSpec[] {
  return [
    {
      path: 'bankAccount.holderName',
      label: t.fields.bankHolder,
      kind: 'input',
      type: 'text',
      required: true,
    },
    {
      path: 'bankAccount.routingNumber',
      label: t.fields.routingNumber,
      kind: 'input',
      type: 'text',
      inputMode: 'numeric',
      // Bank numbers are not something the browser should remember and offer on other sites.
      autocomplete: 'off',
      required: true,
      hint: t.fields.routingHint,
      normalize: digitsOnly,
      messages: { invalid: t.fields.routingInvalid },
    },
    {
      path: 'bankAccount.accountNumber',
      label: t.fields.accountNumber,
      kind: 'input',
      type: 'text',
      inputMode: 'numeric',
      autocomplete: 'off',
      required: true,
      normalize: digitsOnly,
      messages: { invalid: t.fields.accountNumberInvalid },
    },
    {
      path: 'bankAccount.accountType',
      label: t.fields.accountType,
      kind: 'select',
      required: true,
      options: [
        { value: 'checking', label: t.fields.checking },
        { value: 'savings', label: t.fields.savings },
      ],
      initial: 'checking',
    },
  ];
}

/**
 * An amount of money typed in the customer's locale ("1 234,56" in French), read into integer minor
 * units of `currency` and drawn by `renderMoneyInput` with the currency sign where the locale puts it.
 */
export function moneyAmountField(options: {
  path: string;
  label: string;
  currency: string;
  required?: boolean;
  hint?: string;
  messages?: Partial<Record<FieldErrorCode, string>>;
}): FieldSpec {
  return {
    path: options.path,
    label: options.label,
    kind: 'money',
    inputMode: 'decimal',
    autocomplete: 'off',
    required: options.required ?? true,
    currency: options.currency,
    ...(options.hint ? { hint: options.hint } : {}),
    ...(options.messages ? { messages: options.messages } : {}),
  };
}
