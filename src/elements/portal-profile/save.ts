import { PortalError, isOutcomeUnknown } from '../../contract/errors.js';
import { type Customer, ProfileUpdate, type TaxIdsUpdate, taxIdsUpdateFor } from '../../model/index.js';
import type { FieldSpec, Values } from '../../ui/form/specs.js';
import { checkForm, fieldForPath, messageFor, valueOf } from '../../ui/form/validate.js';
import { errorMessage } from '../../ui/states.js';
import { OPTIONAL_GROUPS, addressFieldList, addressSections, detailsFields, taxFields } from './fields.js';
import type { PortalProfile } from './portal-profile.js';
import type { FormName } from './fields.js';

/**
 * Saving the profile's forms: the typed values are checked against the request's own schema (the rules
 * the backend applies), problems land on their fields, and nothing typed is lost on a refusal; only a
 * saved form goes back to showing the account.
 */

type SavedForm = Exclude<FormName, 'email'>;

function groupOf(path: string): string | undefined {
  const group = path.split('.')[0];
  return OPTIONAL_GROUPS.includes(group) && path.includes('.') ? group : undefined;
}

/** Groups whose every field is blank: left out of the check, and removed where the account had one. */
function blankGroups(fields: readonly FieldSpec[], values: Values): Set<string> {
  const groups = new Set(fields.map((field) => groupOf(field.path)).filter((g): g is string => !!g));
  for (const field of fields) {
    const group = groupOf(field.path);
    if (group && field.kind !== 'select' && valueOf(field, values).trim() !== '') groups.delete(group);
  }
  return groups;
}

/** The fields a form shows now. */
export function formFields(host: PortalProfile, form: SavedForm): FieldSpec[] {
  const account = host.account;
  const typed = host.values[form] ?? {};
  if (form === 'details') return detailsFields(host.t, account);
  if (form === 'tax') return taxFields(host.t, account, typed, host.customer?.billingAddress?.country);
  return addressFieldList(addressSections(host.t, host.resolvedLocale, account, typed, host.shipToBilling));
}

/** Text fields left blank clear what the account had (an empty string is "clear" in the contract). */
function clearBlanks(request: Record<string, unknown>, paths: readonly string[], customer: Customer): void {
  for (const path of paths) {
    if (request[path] === undefined && customer[path as keyof Customer] !== undefined) request[path] = '';
  }
}

type Checked =
  { ok: true; request: ProfileUpdate | TaxIdsUpdate } | { ok: false; errors: ReadonlyMap<string, string> };

function check(host: PortalProfile, form: SavedForm, customer: Customer): Checked {
  const fields = formFields(host, form);
  const values = host.values[form] ?? {};
  const locale = host.resolvedLocale;
  if (form === 'tax') {
    const schema = taxIdsUpdateFor(customer.billingAddress?.country);
    const result = checkForm(host.t, schema, fields, values, locale);
    if (!result.ok) return { ok: false, errors: result.errors };
    const request: Record<string, unknown> = { ...result.value };
    clearBlanks(request, ['poNumber', 'vatNumber', 'registrationNumber'], customer);
    return { ok: true, request: request as TaxIdsUpdate };
  }
  const blank = blankGroups(fields, values);
  const checked = fields.filter((field) => !blank.has(groupOf(field.path) ?? ''));
  const result = checkForm(host.t, ProfileUpdate, checked, values, locale);
  if (!result.ok) return { ok: false, errors: result.errors };
  const request: Record<string, unknown> = { ...result.value };
  if (form === 'details') clearBlanks(request, ['company', 'phone'], customer);
  for (const group of blank) {
    if (group !== 'billingAddress' && customer[group as keyof Customer]) request[group] = null;
  }
  if (form === 'addresses' && host.shipToBilling) {
    const billing = request.billingAddress ?? customer.billingAddress;
    if (billing) request.shippingAddress = billing;
  }
  return { ok: true, request: request as ProfileUpdate };
}

/** Shows problems at their fields and focuses the first. */
function showProblems(host: PortalProfile, form: SavedForm, problems: ReadonlyMap<string, string>): void {
  host.problems = { ...host.problems, [form]: problems };
  const first = [...problems.keys()][0];
  if (first) host.focusing.focusAfterUpdate(host.fieldId(first));
}

export async function saveForm(host: PortalProfile, form: SavedForm): Promise<void> {
  const customer = host.customer;
  if (!customer || host.form.busy) return;
  host.form.reset();
  host.problems = { ...host.problems, [form]: new Map() };
  const checked = check(host, form, customer);
  if (!checked.ok) {
    host.form.showAllErrors();
    host.tellIn(form, checked.errors.size === 0 ? { tone: 'error', text: host.t.errors.validation } : null);
    showProblems(host, form, checked.errors);
    return;
  }
  const operation = form === 'tax' ? 'updateTaxIds' : 'updateProfile';
  const pending = host.request(operation, form, (store) =>
    form === 'tax'
      ? store.mutate('updateTaxIds', checked.request as TaxIdsUpdate)
      : store.mutate('updateProfile', checked.request as ProfileUpdate),
  );
  if (!pending) return;
  const result = await pending;
  if (!(result instanceof PortalError)) {
    host.saved(form, result);
    return;
  }
  if (isOutcomeUnknown(result)) {
    host.tellIn(form, { tone: 'warning', text: host.t.profile.unknownOutcome });
    return;
  }
  const fields = formFields(host, form);
  const unplaced = host.form.placeServerErrors(result.fieldErrors, (fieldError) => {
    const field = fieldForPath(fields, fieldError.path);
    return field ? { id: field.path, message: messageFor(host.t, field, fieldError.code) } : null;
  });
  const placed = result.code === 'validation' && unplaced.length === 0 && host.form.serverErrors.size > 0;
  host.tellIn(form, placed ? null : { tone: 'error', text: errorMessage(host.t, result) });
  const first = [...host.form.serverErrors.keys()][0];
  host.focusing.focusAfterUpdate(first ? host.fieldId(first) : `${host.uid}-${form}-notice`);
}
