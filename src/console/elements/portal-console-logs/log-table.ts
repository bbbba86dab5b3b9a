import { html, nothing, type TemplateResult } from 'lit';
import type { AccessLogEntry } from '../../../model/index.js';
import { renderEmpty, renderError, renderLoading } from '../../../ui/states.js';
import { renderPager } from '../../people-pager.js';
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
    <td>${entry.customerCode ?? t.noAccount}</td>
    <td class="email">${entry.email}</td>
    <td>${entry.ip}</td>
    <td>${t.methods[entry.method]}</td>
    <td>${entry.reason ?? nothing}</td>
  </tr>`;
}

/** The attempts, newest first: a skeleton, a failure with a retry, none (yet, or matching), or a table. */
export function renderLog(host: PortalConsoleLogs): TemplateResult {
  const t = host.t.consoleLogs;
  const state = host.list.state;
  if (state.status === 'error') return renderError(host.t, state.error, () => void host.list.reload());
  const page =
    state.status === 'ready' ? state.page : state.status === 'loading' ? state.previous : undefined;
  if (!page) return renderLoading(host.t, 6);
  if (page.items.length === 0 && state.status === 'ready') {
    return renderEmpty(host.filtered ? t.noMatch : t.empty);
  }
  return html`<div
      class="table-wrap"
      role="group"
      tabindex="0"
      aria-label=${t.heading}
      aria-busy=${state.status === 'loading' ? 'true' : 'false'}
    >
      <table>
        <caption class="visually-hidden">
          ${t.heading}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.at}</th>
            <th scope="col">${t.result}</th>
            <th scope="col">${t.account}</th>
            <th scope="col">${t.email}</th>
            <th scope="col">${t.ip}</th>
            <th scope="col">${t.method}</th>
            <th scope="col">${t.reason}</th>
          </tr>
        </thead>
        <tbody>
          ${page.items.map((entry) => renderEntry(host, entry))}
        </tbody>
      </table>
    </div>
    ${renderPager(host.list, t, (direction) => host.page(direction))}`;
}
