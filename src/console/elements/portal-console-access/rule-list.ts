import { html, type TemplateResult } from 'lit';
import type { ListedAccessRule } from '../../../model/index.js';
import { renderEmpty, renderError, renderLoading } from '../../../ui/states.js';
import { userText } from '../../../ui/user-text.js';
import { renderPeopleTable } from '../../people-table.js';
import type { PortalConsoleAccess } from './portal-console-access.js';

function renderRule(host: PortalConsoleAccess, rule: ListedAccessRule): TemplateResult {
  const t = host.t.consoleAccess;
  return html`<tr part="rule">
    <th scope="row">${userText(rule.customerCode)}</th>
    <td>${t.kinds[rule.kind]}</td>
    <td class="email">${userText(rule.value)}</td>
    <td>
      <button
        type="button"
        class="button"
        id=${`${host.uid}-remove-${rule.id}`}
        aria-label=${t.removeLabel(rule.value, rule.customerCode)}
        aria-disabled=${host.form.busy ? 'true' : 'false'}
        @click=${() => host.askRemove(rule)}
      >
        ${t.remove}
      </button>
    </td>
  </tr>`;
}

/** The rules by billing account code: a skeleton, a failure with a retry, none yet, or a table. */
export function renderRules(host: PortalConsoleAccess): TemplateResult {
  const t = host.t.consoleAccess;
  const rules = host.rules;
  if (rules.status === 'error') return renderError(host.t, rules.error, () => void host.loadRules());
  if (rules.status === 'loading' && !rules.previous) return renderLoading(host.t, 4);
  const list = rules.status === 'ready' ? rules.rules : (rules.previous ?? []);
  if (list.length === 0) return renderEmpty(t.empty);
  const sorted = [...list].sort(
    (a, b) => a.customerCode.localeCompare(b.customerCode) || a.value.localeCompare(b.value),
  );
  return renderPeopleTable({
    label: t.heading,
    columns: [t.account, t.kind, t.value, t.actions],
    rows: sorted,
    renderRow: (rule) => renderRule(host, rule),
    loading: rules.status === 'loading',
  });
}
