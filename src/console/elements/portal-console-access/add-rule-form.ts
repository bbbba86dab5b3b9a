import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import * as z from 'zod/mini';
import { PortalError, isOutcomeUnknown } from '../../../contract/errors.js';
import { NewAccessRule } from '../../../model/index.js';
import { overlappingRule } from '../../../rules/access.js';
import { renderChoice } from '../../../ui/form/choice.js';
import { errorMessage, renderBusy } from '../../../ui/states.js';
import type { PortalConsoleAccess } from './portal-console-access.js';

/** The form's fields, by the request path the backend's field errors use. */
export type RuleField = 'customerId' | 'value';

/** What is wrong with the form as typed, by field; empty when the request may go. */
export function problemsOf(host: PortalConsoleAccess): Map<RuleField, string> {
  const t = host.t.consoleAccess;
  const problems = new Map<RuleField, string>();
  const parsed = z.safeParse(NewAccessRule, host.draftRequest());
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    const path = issue.path[0];
    if (path === 'customerId' && !problems.has('customerId')) problems.set('customerId', t.accountRequired);
    if (path === 'value' && !problems.has('value')) {
      problems.set('value', host.draft.kind === 'domain' ? t.domainInvalid : t.emailInvalid);
    }
  }
  return problems;
}

/** The message naming the rule the backend said the new one overlaps (read from the fresh list). */
function overlapMessage(host: PortalConsoleAccess): string {
  const t = host.t.consoleAccess;
  const parsed = z.safeParse(NewAccessRule, host.draftRequest());
  const rules = host.rules.status === 'ready' ? host.rules.rules : [];
  const other = parsed.success ? overlappingRule(rules, parsed.data) : undefined;
  return other ? t.overlaps(t.kindNames[other.kind], other.value, other.customerCode) : t.overlapsUnknown;
}

/** Sends the new rule; refusals land at their field, an overlap names the rule it overlaps. */
export async function submitRule(host: PortalConsoleAccess): Promise<void> {
  const t = host.t.consoleAccess;
  host.problem = null;
  const parsed = z.safeParse(NewAccessRule, host.draftRequest());
  if (!parsed.success) {
    host.form.showAllErrors();
    host.focusFirstProblem();
    return;
  }
  const rule = parsed.data;
  const account = host.accountFor(rule.customerId);
  if (host.form.busy) return;
  host.liveRegion.announce(t.adding);
  const pending = host.change(host.form, 'adminAddAccessRule', (adapter) => adapter.adminAddAccessRule(rule));
  if (!pending) return;
  const result = await pending;
  if (result instanceof PortalError && !isOutcomeUnknown(result)) {
    if (result.code === 'conflict') {
      await host.loadRules();
      host.form.placeServerErrors([{ path: 'value', code: 'taken' }], () => ({
        id: 'value',
        message: overlapMessage(host),
      }));
      host.focusField('value');
      return;
    }
    const unplaced = host.form.placeServerErrors(result.fieldErrors, (fieldError) =>
      fieldError.path === 'customerId' || fieldError.path === 'value'
        ? {
            id: fieldError.path,
            message: problemsOf(host).get(fieldError.path) ?? errorMessage(host.t, result),
          }
        : null,
    );
    if (result.fieldErrors.length === 0 || unplaced.length > 0) host.problem = errorMessage(host.t, result);
    else host.focusField(result.fieldErrors[0].path as RuleField);
    return;
  }
  void host.loadRules();
  if (result instanceof PortalError) {
    host.problem = t.unknownOutcome;
    host.liveRegion.announce(t.unknownOutcome);
    return;
  }
  host.ruleAdded(t.added(result.value, account?.customerCode ?? rule.customerId));
}

function renderAccountPicker(host: PortalConsoleAccess): TemplateResult {
  const t = host.t.consoleAccess;
  const searchId = `${host.uid}-account-search`;
  const selectId = `${host.uid}-customerId`;
  const error = host.form.errorFor('customerId', problemsOf(host).get('customerId'));
  const accounts = host.accounts;
  const options = accounts.status === 'ready' ? accounts.items : [];
  return html`<div class="field">
      <label for=${searchId}>${t.findAccount}</label>
      <span class="hint" id=${`${searchId}-hint`}>${t.findAccountHint}</span>
      <input
        id=${searchId}
        type="search"
        autocomplete="off"
        aria-describedby=${`${searchId}-hint`}
        aria-controls=${selectId}
        .value=${live(host.accountSearch)}
        @input=${(event: Event) => host.searchAccounts((event.target as HTMLInputElement).value)}
        @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && event.preventDefault()}
      />
    </div>
    <div class="field">
      <label for=${selectId}>${t.account}</label>
      ${
        accounts.status === 'error'
          ? html`<span class="hint" id=${`${selectId}-hint`}>${errorMessage(host.t, accounts.error)}</span>`
          : accounts.status === 'ready' && options.length === 0
            ? html`<span class="hint" id=${`${selectId}-hint`}>${t.noAccounts}</span>`
            : nothing
      }
      <select
        id=${selectId}
        name="customerId"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${[accounts.status === 'error' || (accounts.status === 'ready' && options.length === 0) ? `${selectId}-hint` : '', error ? `${selectId}-error` : ''].filter(Boolean).join(' ') || nothing}
        aria-busy=${accounts.status === 'loading' ? 'true' : 'false'}
        @change=${(event: Event) => host.edit('customerId', (event.target as HTMLSelectElement).value)}
        @blur=${() => host.form.touch('customerId')}
      >
        <option value="" .selected=${host.draft.customerId === ''}>${t.chooseAccount}</option>
        ${options.map(
          (customer) =>
            html`<option
              value=${customer.customerId}
              .selected=${host.draft.customerId === customer.customerId}
            >
              ${t.accountOption(customer.customerCode, customer.name)}
            </option>`,
        )}
      </select>
      ${error ? html`<span class="error" id=${`${selectId}-error`}>${error}</span>` : nothing}
    </div>`;
}

function renderKind(host: PortalConsoleAccess): TemplateResult {
  const t = host.t.consoleAccess;
  return html`<fieldset class="choices">
    <legend>${t.kind}</legend>
    ${(['domain', 'email'] as const).map((kind) =>
      renderChoice({
        name: 'kind',
        value: kind,
        checked: host.draft.kind === kind,
        label: t.kinds[kind],
        onChange: () => host.edit('kind', kind),
      }),
    )}
  </fieldset>`;
}

function renderValue(host: PortalConsoleAccess): TemplateResult {
  const t = host.t.consoleAccess;
  const id = `${host.uid}-value`;
  const domain = host.draft.kind === 'domain';
  const error = host.form.errorFor('value', problemsOf(host).get('value'));
  const describedBy = [domain ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${id}>${domain ? t.domainValue : t.emailValue}</label>
    ${domain ? html`<span class="hint" id=${`${id}-hint`}>${t.domainHint}</span>` : nothing}
    <input
      id=${id}
      name="value"
      type=${domain ? 'text' : 'email'}
      autocomplete="off"
      spellcheck="false"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      .value=${live(host.draft.value)}
      @input=${(event: Event) => host.edit('value', (event.target as HTMLInputElement).value)}
      @blur=${() => host.form.touch('value')}
    />
    ${error ? html`<span class="error" id=${`${id}-error`}>${error}</span>` : nothing}
  </div>`;
}

/** The form that grants access: the account (searchable), the kind, the domain or address. */
export function renderAddForm(host: PortalConsoleAccess): TemplateResult {
  const t = host.t.consoleAccess;
  const busy = host.form.busy === 'adminAddAccessRule';
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void submitRule(host);
  };
  return html`<form
    class="panel"
    part="form"
    novalidate
    aria-labelledby=${`${host.uid}-add-heading`}
    @submit=${submit}
  >
    <h3 id=${`${host.uid}-add-heading`}>${t.addHeading}</h3>
    <div role="alert">
      ${host.problem ? html`<p class="alert error" part="error">${host.problem}</p>` : nothing}
    </div>
    ${renderAccountPicker(host)} ${renderKind(host)} ${renderValue(host)}
    <div class="actions">
      <button type="submit" class="button primary" aria-disabled=${host.form.busy ? 'true' : 'false'}>
        ${busy ? renderBusy(t.adding) : t.add}
      </button>
    </div>
  </form>`;
}
