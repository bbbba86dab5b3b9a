import * as z from 'zod/mini';
import type { FieldErrorCode } from '../../contract/errors.js';
import type { ElementMessages } from '../../core/i18n/index.js';
import type { loginMessages } from './messages.js';
import { type Address, Email, type PortalSettings, type SignUp } from '../../model/index.js';
import { type CountryOption, countryOptions, localeCountry } from './countries.js';

/** `t` as `<portal-login>` sees it: the common messages plus `login`. */
type Messages = ElementMessages<typeof loginMessages>;

/** How a value is checked beyond "required"; also picks the clearest message for a backend's code. */
export type FieldRule = 'email' | 'newPassword' | 'confirmPassword' | 'routingNumber' | 'accountNumber';

/**
 * One field of a form. `path` is the input's `name`, the key of its value and the path the backend
 * uses in field errors (`billingAddress.line1`), so client and server errors land on the same field.
 */
export interface FieldSpec {
  path: string;
  label: string;
  kind: 'input' | 'password' | 'select';
  type?: 'email' | 'text' | 'tel';
  autocomplete?: string;
  inputMode?: 'numeric';
  required: boolean;
  readonly?: boolean;
  rule?: FieldRule;
  hint?: string;
  options?: readonly CountryOption[];
  /** The value before the customer chose one (a select's first sensible option). */
  initial?: string;
}

/** A group of fields; a legend makes it a fieldset (an address, a bank account). */
export interface FieldSection {
  legend?: string;
  /** What the section holds in the sign-up request. */
  group?: 'billingAddress' | 'shippingAddress' | 'bankAccount';
  fields: FieldSpec[];
}

export type Values = Readonly<Record<string, string>>;

const MIN_PASSWORD = 8;
const MAX_PASSWORD = 256;

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
    rule: readonly ? undefined : 'email',
  };
}

export function currentPasswordField(t: Messages): FieldSpec {
  return {
    path: 'password',
    label: t.fields.password,
    kind: 'password',
    autocomplete: 'current-password',
    required: true,
  };
}

/** A new password and its confirmation; `path` is what the backend calls the new password. */
export function newPasswordFields(t: Messages, path: string, withConfirmation: boolean): FieldSpec[] {
  const fields: FieldSpec[] = [
    {
      path,
      label: withConfirmation ? t.fields.newPassword : t.fields.password,
      kind: 'password',
      autocomplete: 'new-password',
      required: true,
      rule: 'newPassword',
      hint: t.login.passwordHint,
    },
  ];
  if (withConfirmation) {
    fields.push({
      path: 'confirmPassword',
      label: t.fields.confirmPassword,
      kind: 'password',
      autocomplete: 'new-password',
      required: true,
      rule: 'confirmPassword',
    });
  }
  return fields;
}

function addressFields(
  t: Messages,
  locale: string,
  group: 'billingAddress' | 'shippingAddress',
): FieldSpec[] {
  // "billing address-line1", "shipping postal-code": the section token tells autofill which address.
  const section = group === 'billingAddress' ? 'billing' : 'shipping';
  const text = (name: string, label: string, token: string, required: boolean): FieldSpec => ({
    path: `${group}.${name}`,
    label,
    kind: 'input',
    type: 'text',
    autocomplete: `${section} ${token}`,
    required,
  });
  return [
    text('line1', t.fields.line1, 'address-line1', true),
    text('line2', t.fields.line2, 'address-line2', false),
    text('city', t.fields.city, 'address-level2', true),
    text('region', t.fields.region, 'address-level1', false),
    text('postalCode', t.fields.postalCode, 'postal-code', false),
    {
      path: `${group}.country`,
      label: t.fields.country,
      kind: 'select',
      autocomplete: `${section} country`,
      required: true,
      options: [{ value: '', label: t.login.chooseCountry }, ...countryOptions(locale)],
      initial: localeCountry(locale) ?? '',
    },
  ];
}

function bankAccountFields(t: Messages): FieldSpec[] {
  return [
    {
      path: 'bankAccount.holderName',
      label: t.login.bankHolder,
      kind: 'input',
      type: 'text',
      required: true,
    },
    {
      path: 'bankAccount.routingNumber',
      label: t.login.routingNumber,
      kind: 'input',
      type: 'text',
      inputMode: 'numeric',
      // Bank numbers are not something the browser should remember and offer on other sites.
      autocomplete: 'off',
      required: true,
      rule: 'routingNumber',
      hint: t.login.routingHint,
    },
    {
      path: 'bankAccount.accountNumber',
      label: t.login.accountNumber,
      kind: 'input',
      type: 'text',
      inputMode: 'numeric',
      autocomplete: 'off',
      required: true,
      rule: 'accountNumber',
    },
    {
      path: 'bankAccount.accountType',
      label: t.login.accountType,
      kind: 'select',
      required: true,
      options: [
        { value: 'checking', label: t.login.checking },
        { value: 'savings', label: t.login.savings },
      ],
      initial: 'checking',
    },
  ];
}

/**
 * The sign-up form: who the customer is, then each detail the merchant requires. The shipping address
 * is asked for only when it differs from the billing one (WCAG 3.3.7, no redundant entry).
 */
export function signUpSections(
  t: Messages,
  locale: string,
  required: PortalSettings['accountCreation']['required'],
  shipToBilling: boolean,
): FieldSection[] {
  const sections: FieldSection[] = [
    {
      fields: [
        {
          path: 'name',
          label: t.fields.name,
          kind: 'input',
          type: 'text',
          autocomplete: 'name',
          required: true,
        },
        emailField(t),
        {
          path: 'company',
          label: t.fields.company,
          kind: 'input',
          type: 'text',
          autocomplete: 'organization',
          required: false,
        },
        {
          path: 'phone',
          label: t.fields.phone,
          kind: 'input',
          type: 'tel',
          autocomplete: 'tel',
          required: false,
        },
        ...newPasswordFields(t, 'password', false),
      ],
    },
  ];
  if (required.billingAddress) {
    sections.push({
      legend: t.login.billingAddress,
      group: 'billingAddress',
      fields: addressFields(t, locale, 'billingAddress'),
    });
  }
  if (required.shippingAddress) {
    sections.push({
      legend: t.login.shippingAddress,
      group: 'shippingAddress',
      fields: required.billingAddress && shipToBilling ? [] : addressFields(t, locale, 'shippingAddress'),
    });
  }
  if (required.bankAccount) {
    sections.push({ legend: t.login.bankAccount, group: 'bankAccount', fields: bankAccountFields(t) });
  }
  return sections;
}

/** Bank numbers are often copied with spaces or dashes; the backend wants the digits. */
function digits(value: string): string {
  return value.replace(/[\s-]/g, '');
}

function ruleMessage(t: Messages, rule: FieldRule, value: string, values: Values): string | null {
  switch (rule) {
    case 'email':
      return z.safeParse(Email, value.trim()).success ? null : t.login.emailInvalid;
    case 'newPassword':
      if (value.length < MIN_PASSWORD) return t.login.passwordTooShort;
      return value.length > MAX_PASSWORD ? t.fieldErrors.too_long : null;
    case 'confirmPassword': {
      const newPassword = values.newPassword ?? '';
      return value === newPassword ? null : t.login.passwordsDiffer;
    }
    case 'routingNumber':
      return /^\d{9}$/.test(digits(value)) ? null : t.login.routingInvalid;
    case 'accountNumber':
      return /^\d{4,17}$/.test(digits(value)) ? null : t.login.accountNumberInvalid;
  }
}

/**
 * Checks what the customer typed before anything is sent: field path → message, in form order, so
 * the first entry is the field to focus. Passwords are checked as typed (no trimming, ASVS 6.2.8).
 */
export function validate(t: Messages, fields: readonly FieldSpec[], values: Values): Map<string, string> {
  const errors = new Map<string, string>();
  for (const field of fields) {
    if (field.readonly) continue;
    const value = values[field.path] ?? '';
    const blank = field.kind === 'password' ? value === '' : value.trim() === '';
    if (blank) {
      if (field.required) errors.set(field.path, t.fieldErrors.required);
      continue;
    }
    const message = field.rule ? ruleMessage(t, field.rule, value, values) : null;
    if (message) errors.set(field.path, message);
  }
  return errors;
}

/**
 * The clearest text for a code the backend gave one field: the login's own wording where it exists
 * ("Use at least 8 characters"), else the catalog's generic one.
 */
export function backendFieldMessage(t: Messages, field: FieldSpec, code: FieldErrorCode): string {
  if (field.path === 'email' && code === 'taken') return t.login.emailTaken;
  if (field.rule === 'newPassword' && code === 'too_short') return t.login.passwordTooShort;
  if (code === 'invalid') {
    if (field.rule === 'email') return t.login.emailInvalid;
    if (field.rule === 'routingNumber') return t.login.routingInvalid;
    if (field.rule === 'accountNumber') return t.login.accountNumberInvalid;
  }
  return t.fieldErrors[code] ?? t.fieldErrors.invalid;
}

/** The field a backend path belongs to: itself, or the first field of a group (`billingAddress`). */
export function fieldForPath(fields: readonly FieldSpec[], path: string): FieldSpec | undefined {
  return (
    fields.find((field) => field.path === path) ?? fields.find((field) => field.path.startsWith(`${path}.`))
  );
}

function optionalText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function addressFrom(values: Values, group: string): Address {
  const text = (name: string) => optionalText(values[`${group}.${name}`]);
  const line2 = text('line2');
  const region = text('region');
  const postalCode = text('postalCode');
  return {
    line1: text('line1') ?? '',
    ...(line2 ? { line2 } : {}),
    city: text('city') ?? '',
    ...(region ? { region } : {}),
    ...(postalCode ? { postalCode } : {}),
    country: values[`${group}.country`] ?? '',
  };
}

/** The sign-up request from the form's values; only the details the merchant asked for are sent. */
export function signUpRequest(
  values: Values,
  required: PortalSettings['accountCreation']['required'],
  shipToBilling: boolean,
): SignUp {
  const company = optionalText(values.company);
  const phone = optionalText(values.phone);
  const billingAddress = required.billingAddress ? addressFrom(values, 'billingAddress') : undefined;
  const shippingAddress = !required.shippingAddress
    ? undefined
    : required.billingAddress && shipToBilling
      ? billingAddress
      : addressFrom(values, 'shippingAddress');
  const accountType = values['bankAccount.accountType'] === 'savings' ? 'savings' : 'checking';
  return {
    email: (values.email ?? '').trim(),
    password: values.password ?? '',
    name: (values.name ?? '').trim(),
    ...(company ? { company } : {}),
    ...(phone ? { phone } : {}),
    ...(billingAddress ? { billingAddress } : {}),
    ...(shippingAddress ? { shippingAddress } : {}),
    ...(required.bankAccount
      ? {
          bankAccount: {
            holderName: (values['bankAccount.holderName'] ?? '').trim(),
            routingNumber: digits(values['bankAccount.routingNumber'] ?? ''),
            accountNumber: digits(values['bankAccount.accountNumber'] ?? ''),
            accountType,
          },
        }
      : {}),
  };
}
