import { html, nothing, type TemplateResult } from 'lit';
import * as z from 'zod/mini';
import { PortalError, isOutcomeUnknown } from '../../contract/errors.js';
import { NewBankAccount } from '../../model/index.js';
import { renderField } from '../../ui/form/field.js';
import { type FieldSpec, bankAccountFields } from '../../ui/form/specs.js';
import { checkForm, fieldForPath, messageFor, valueOf } from '../../ui/form/validate.js';
import { actionDescribedBy, actionDisabled, errorMessage, renderBusy } from '../../ui/states.js';
import type { PortalPaymentMethods } from './portal-payment-methods.js';
import { canChangeDefault } from './standing.js';
import { renderCancel, renderMakeDefault } from './form-parts.js';

/**
 * Adding a bank account: holder, routing number (its checksum comes from the model's schema), the
 * account number typed twice, checking or savings. Problems show at their fields, the first focused.
 */

/** The form's request: the bank details under `bankAccount`, as the shared bank fields name them. */
const BankForm = z.object({ bankAccount: NewBankAccount });

export function bankFields(host: PortalPaymentMethods): FieldSpec[] {
  const t = host.t.paymentMethods;
  const fields = bankAccountFields(host.t);
  const at = fields.findIndex((field) => field.path === 'bankAccount.accountNumber');
  const number = fields[at];
  const again: FieldSpec = {
    ...number,
    path: 'bankAccount.accountNumberAgain',
    label: t.accountNumberAgain,
    sameAs: { path: number.path, message: t.accountNumbersDiffer },
  };
  return [...fields.slice(0, at + 1), again, ...fields.slice(at + 1)];
}

function fieldId(host: PortalPaymentMethods, path: string): string {
  return `${host.uid}-${path.replace(/\./g, '-')}`;
}

export function renderAddBank(host: PortalPaymentMethods): TemplateResult {
  const t = host.t.paymentMethods;
  const settings = host.settings;
  const busy = host.form.busy === 'addBankAccount';
  const headingId = `${host.uid}-bank-heading`;
  const onInput = (event: Event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement) || !target.name) return;
    if (target.type === 'checkbox') return;
    host.bankValues = { ...host.bankValues, [target.name]: target.value };
    host.form.edited(target.name);
  };
  const onBlur = (event: Event) => {
    const target = event.target as HTMLInputElement;
    if (target.name) host.form.touch(target.name);
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    host.submitBank();
  };
  return html`<form
    class="panel"
    part="form"
    aria-labelledby=${headingId}
    novalidate
    @submit=${submit}
    @input=${onInput}
    @change=${onInput}
  >
    <h3 id=${headingId} tabindex="-1">${t.bankHeading}</h3>
    ${bankFields(host).map((field) =>
      renderField(field, {
        id: fieldId(host, field.path),
        value: valueOf(field, host.bankValues),
        error: host.form.errorFor(field.path, host.bankProblems.get(field.path)),
        t: host.t,
        locale: host.resolvedLocale,
        onBlur,
      }),
    )}
    ${settings ? renderMakeDefault(host, settings) : nothing}
    <div role="alert">
      ${host.problem ? html`<p class="alert error" part="error">${host.problem}</p>` : nothing}
    </div>
    <div class="actions">
      <button
        type="submit"
        class="button primary"
        aria-disabled=${actionDisabled(host.readOnly, host.form.busy)}
        aria-describedby=${actionDescribedBy(host.readOnly)}
      >
        ${busy ? renderBusy(host.t.common.saving) : t.saveBankAccount}
      </button>
      ${renderCancel(host, busy)}
    </div>
  </form>`;
}

/** Shows the problems at their fields and focuses the first. */
function showProblems(host: PortalPaymentMethods, problems: ReadonlyMap<string, string>): void {
  host.bankProblems = problems;
  const first = [...problems.keys()][0];
  if (first) host.focusing.focusAfterUpdate(fieldId(host, first));
}

export async function submitBank(host: PortalPaymentMethods): Promise<void> {
  const settings = host.settings;
  if (!settings || host.form.busy) return;
  const fields = bankFields(host);
  host.form.reset();
  const checked = checkForm(host.t, BankForm, fields, host.bankValues, host.resolvedLocale);
  if (!checked.ok) {
    host.form.showAllErrors();
    host.problem = checked.errors.size === 0 ? host.t.errors.validation : null;
    showProblems(host, checked.errors);
    return;
  }
  host.bankProblems = new Map();
  const makeDefault = host.makeDefault && canChangeDefault(settings);
  const input = { ...checked.value.bankAccount, ...(makeDefault ? { makeDefault } : {}) };
  const pending = host.request('addBankAccount', host.t.common.saving, (store) =>
    store.mutate('addBankAccount', input),
  );
  if (!pending) return;
  const result = await pending;
  if (!(result instanceof PortalError)) {
    host.added(result, makeDefault);
    return;
  }
  if (isOutcomeUnknown(result)) {
    host.panel = 'list';
    host.tell(host.failureNotice(result));
    host.focusing.focusAfterUpdate(`${host.uid}-notice`);
    return;
  }
  const unplaced = host.form.placeServerErrors(result.fieldErrors, (fieldError) => {
    const field = fieldForPath(fields, `bankAccount.${fieldError.path}`);
    return field ? { id: field.path, message: messageFor(host.t, field, fieldError.code) } : null;
  });
  host.problem =
    result.code !== 'validation' || unplaced.length > 0 || host.form.serverErrors.size === 0
      ? errorMessage(host.t, result)
      : null;
  const first = [...host.form.serverErrors.keys()][0];
  if (first) host.focusing.focusAfterUpdate(fieldId(host, first));
}
