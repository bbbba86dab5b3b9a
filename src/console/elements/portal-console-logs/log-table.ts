import { html, nothing, type TemplateResult } from 'lit';
import type { AccessLogEntry } from '../../../model/index.js';
import { userText } from '../../../ui/user-text.js';
import { renderPagedTable } from '../../people-table.js';
import type { PortalConsoleLogs } from './portal-console-logs.js';

function renderEntry(host: PortalConsoleLogs, entry: AccessLogEntry): TemplateResult {
  const t = host.t.consoleLogs;
  return html`<tr part="entry">
    <th scope="row">${host.format.dateTime(entry.at)}</th>
    <td>
      <span class="badge ${entry.success ? 'success' : 'danger'}" part="badge">
        ${entry.success ? t.results.success : t.results.failure}
      </span>
    </td>
    <td>${entry.customerCode ? userText(entry.customerCode) : t.noAccount}</td>
    <td class="email">${userText(entry.email)}</td>
    <td>${entry.ip}</td>
    <td>${t.methods[entry.method]}</td>
    <td>${entry.reason ?? nothing}</td>
  </tr>`;
}

/** The attempts, newest first: a skeleton, a failure with a retry, none (yet, or matching), or a table. */
export function renderLog(host: PortalConsoleLogs): TemplateResult {
  const t = host.t.consoleLogs;
  return renderPagedTable(host.t, host.list, {
    label: t.heading,
    columns: [t.at, t.result, t.account, t.email, t.ip, t.method, t.reason],
    renderRow: (entry) => renderEntry(host, entry),
    empty: host.filtered ? t.noMatch : t.empty,
    pager: t,
    onPage: (direction) => host.page(direction),
  });
}
