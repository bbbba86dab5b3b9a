import { html, nothing, type TemplateResult } from 'lit';
import type { CustomerAccessState, CustomerPortalState } from '../../../model/index.js';
import { sentence, userText } from '../../../ui/user-text.js';
import { renderPagedTable } from '../../people-table.js';
import type { PortalConsoleCustomers } from './portal-console-customers.js';

/** Each portal state's badge colour. */
const STATE_TONES: Record<CustomerPortalState, string> = {
  active: 'success',
  must_change_password: 'warning',
  locked: 'danger',
  never_activated: 'neutral',
};

/** The search box: always in the page, so typing in it keeps focus while results come and go. */
export function renderSearch(host: PortalConsoleCustomers): TemplateResult {
  const t = host.t.consoleCustomers;
  const id = `${host.uid}-search`;
  return html`<form class="search" role="search" @submit=${(event: SubmitEvent) => host.searchNow(event)}>
    <div class="field">
      <label for=${id}>${t.search}</label>
      <span class="hint" id=${`${id}-hint`}>${t.searchHint}</span>
      <input
        id=${id}
        type="search"
        name="search"
        autocomplete="off"
        aria-describedby=${`${id}-hint`}
        .value=${host.searchText}
        @input=${(event: Event) => host.typed((event.target as HTMLInputElement).value)}
      />
    </div>
  </form>`;
}

function renderActions(host: PortalConsoleCustomers, customer: CustomerAccessState): TemplateResult {
  const t = host.t.consoleCustomers;
  const busy = host.form.busy !== null;
  const id = (action: string) => `${host.uid}-${action}-${customer.customerId}`;
  const problem = host.rowProblem?.customerId === customer.customerId ? host.rowProblem.text : null;
  const canActivate = customer.state === 'never_activated' || customer.state === 'must_change_password';
  const button = (action: string, label: string, run: () => void) =>
    html`<button
      type="button"
      class="button"
      id=${id(action)}
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${run}
    >
      ${label}
    </button>`;
  return html`<div class="row-actions" role="group" aria-label=${t.actionsFor(customer.name)}>
      ${canActivate ? button('activation', t.sendActivation, () => host.ask('activation', customer)) : nothing}
      ${
        customer.locked
          ? button('resetUnlock', t.resetUnlock, () => host.ask('resetUnlock', customer))
          : button('lock', t.lock, () => host.ask('lock', customer))
      }
      ${button('preview', t.preview, () => void host.openPreview(customer))}
    </div>
    ${problem ? html`<p class="alert error row-problem" role="alert" part="error">${problem}</p>` : nothing}`;
}

function renderRow(host: PortalConsoleCustomers, customer: CustomerAccessState): TemplateResult {
  const t = host.t.consoleCustomers;
  return html`<tr part="customer">
    <th scope="row" class="code">${userText(customer.customerCode)}</th>
    <td>${userText(customer.name)}</td>
    <td class="email">${userText(customer.email)}</td>
    <td>
      <span class="badge ${STATE_TONES[customer.state]}" part="badge">${t.states[customer.state]}</span>
    </td>
    <td>${customer.lastSignInAt ? host.format.dateTime(customer.lastSignInAt) : t.never}</td>
    <td>${renderActions(host, customer)}</td>
  </tr>`;
}

/** The customers: a skeleton, a failure with a retry, nobody (yet, or matching), or a table and pages. */
export function renderCustomers(host: PortalConsoleCustomers): TemplateResult {
  const t = host.t.consoleCustomers;
  const search = host.list.filters.search;
  return renderPagedTable(host.t, host.list, {
    label: t.heading,
    columns: [t.code, t.name, t.email, t.state, t.lastSignIn, t.actions],
    renderRow: (customer) => renderRow(host, customer),
    empty: search ? sentence(t.noMatch, search) : t.empty,
    pager: t,
    onPage: (direction) => host.page(direction),
  });
}
