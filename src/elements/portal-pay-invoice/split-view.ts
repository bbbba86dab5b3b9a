import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { type Money, formatAmountInput, money } from '../../model/index.js';
import { renderField } from '../../ui/form/field.js';
import { isUsable, paymentMethodLabel } from '../../ui/payment-method-label.js';
import { type SplitRow, checkAmount, chosenMethod, evenSplit, restFor, tidyAmount } from './draft.js';
import { type Draft, amountField } from './form-check.js';
import { type Loaded, type PayHost, maxRows } from './pay-host.js';
import { renderFieldError } from './parts.js';

/**
 * A payment split across several methods: one row per method and amount, what is left to allocate,
 * and what the rows' controls change. Rows keep a key of their own, so removing one leaves the others
 * (and what was typed in them) where they are.
 */

/** Starts from what the customer already chose, shared evenly between two methods. */
export function startSplit(host: PayHost, data: Loaded): void {
  const { amountMode, partText, methodId } = host.values;
  let { rows } = host.values;
  if (rows.length === 0) {
    const due = data.invoice.amountDue;
    const part =
      data.settings.invoices.partialPayments && amountMode === 'part'
        ? checkAmount(partText, due, host.resolvedLocale)
        : null;
    const first = chosenMethod(data.usable, methodId) ?? data.usable[0];
    const second = data.usable.find((each) => each.id !== first.id) ?? first;
    const keys = [host.newRowKey(), host.newRowKey()] as const;
    rows = evenSplit(part?.ok ? part.value : due, [first.id, second.id], keys, host.resolvedLocale);
  }
  host.edit({ splitting: true, rows });
  host.focusAfterUpdate(host.ids.rowMethod(rows[0].key));
}

/** Back to one method, the first row's; the rows stay, so the split comes back as it was. */
function stopSplit(host: PayHost): void {
  const first = host.values.rows[0];
  host.edit({ splitting: false, ...(first ? { methodId: first.methodId } : {}) });
  host.focusAfterUpdate(host.ids.methods);
}

function withRow(rows: readonly SplitRow[], key: number, change: Partial<SplitRow>): SplitRow[] {
  return rows.map((row) => (row.key === key ? { ...row, ...change } : row));
}

function chooseRowMethod(host: PayHost, key: number, methodId: string): void {
  const { rows } = host.values;
  // A repeated method is reported on the later row; changing either row may resolve it.
  const rowIds = rows.map((row) => host.ids.rowMethod(row.key));
  host.edit({ rows: withRow(rows, key, { methodId }) }, ...rowIds);
}

function typeRowAmount(host: PayHost, key: number, amountText: string): void {
  host.edit({ rows: withRow(host.values.rows, key, { amountText }) }, host.ids.rowAmount(key));
}

/** A valid amount is rewritten in the locale's form on leaving the field. */
function leaveRowAmount(host: PayHost, key: number, due: Money): void {
  if (!host.onForm) return;
  const row = host.values.rows.find((each) => each.key === key);
  if (row) {
    const amountText = tidyAmount(row.amountText, due, host.resolvedLocale);
    host.rewrite({ rows: withRow(host.values.rows, key, { amountText }) });
  }
  host.form.touch(host.ids.rowAmount(key));
}

/** "Use the rest": what the other rows leave of the amount due. */
function fillRest(host: PayHost, key: number, due: Money): void {
  const rest = restFor(host.values.rows, key, due, host.resolvedLocale);
  typeRowAmount(host, key, formatAmountInput(rest, host.resolvedLocale));
  host.form.touch(host.ids.rowAmount(key));
}

/** A new row, on a method no other row uses. */
function addRow(host: PayHost, data: Loaded): void {
  const { rows } = host.values;
  if (rows.length >= maxRows(data)) return;
  const used = new Set(rows.map((row) => row.methodId));
  const method = data.usable.find((each) => !used.has(each.id)) ?? data.usable[0];
  const row: SplitRow = { key: host.newRowKey(), methodId: method.id, amountText: '' };
  host.edit({ rows: [...rows, row] });
  host.announce(host.t.pay.rowAdded(rows.length + 1));
  host.focusAfterUpdate(host.ids.rowMethod(row.key));
}

/** Focus goes to the row that took its place, or the one before when the last went. */
function removeRow(host: PayHost, key: number): void {
  const index = host.values.rows.findIndex((row) => row.key === key);
  if (index < 0 || host.values.rows.length <= 1) return;
  const rows = host.values.rows.filter((row) => row.key !== key);
  host.edit({ rows }, host.ids.rowAmount(key), host.ids.rowMethod(key));
  host.announce(host.t.pay.rowRemoved(index + 1));
  host.focusAfterUpdate(host.ids.rowMethod(rows[Math.min(index, rows.length - 1)].key));
}

function renderRow(host: PayHost, row: SplitRow, index: number, data: Loaded, draft: Draft): TemplateResult {
  const { t, ids, values } = host;
  const n = index + 1;
  const due = data.invoice.amountDue;
  const methodId = ids.rowMethod(row.key);
  const amountId = ids.rowAmount(row.key);
  const methodError = host.form.errorFor(methodId, draft.errors.get(methodId));
  const usedElsewhere = new Set(
    values.rows.filter((each) => each.key !== row.key).map((each) => each.methodId),
  );
  // A plain select, not renderField's: its options are disabled one by one (expired, used elsewhere).
  return html`<li class="row" part="split-row">
    <div class="field">
      <label for=${methodId}>${t.pay.rowMethod(n)}</label>
      <select
        id=${methodId}
        aria-invalid=${methodError ? 'true' : 'false'}
        aria-describedby=${ifDefined(methodError ? `${methodId}-error` : undefined)}
        @change=${(event: Event) => chooseRowMethod(host, row.key, (event.target as HTMLSelectElement).value)}
      >
        ${data.methods.map((method) => {
          const usable = isUsable(method, data.today);
          const label = paymentMethodLabel(t, method);
          return html`<option
            value=${method.id}
            .selected=${live(method.id === row.methodId)}
            ?disabled=${!usable || usedElsewhere.has(method.id)}
          >
            ${usable ? label : t.pay.expiredOption(label)}
          </option>`;
        })}
      </select>
      ${renderFieldError(methodId, methodError)}
    </div>
    ${renderField(
      amountField(t, `allocations.${index}.amount`, t.pay.rowAmount(n, due.currency), due.currency),
      {
        id: amountId,
        value: row.amountText,
        error: host.form.errorFor(amountId, draft.errors.get(amountId)),
        t,
        locale: host.resolvedLocale,
        onInput: (event) => typeRowAmount(host, row.key, (event.target as HTMLInputElement).value),
        onBlur: () => leaveRowAmount(host, row.key, due),
      },
    )}
    <div class="row-actions">
      <button
        type="button"
        class="button link"
        aria-label=${t.pay.fillRestRow(n)}
        @click=${() => fillRest(host, row.key, due)}
      >
        ${t.pay.fillRest}
      </button>
      ${
        values.rows.length > 1
          ? html`<button
              type="button"
              class="button link danger"
              aria-label=${t.pay.removeRow(n)}
              @click=${() => removeRow(host, row.key)}
            >
              ${t.pay.remove}
            </button>`
          : nothing
      }
    </div>
  </li>`;
}

export function renderSplit(host: PayHost, data: Loaded, draft: Draft): TemplateResult {
  const { ids, values, format } = host;
  const t = host.t.pay;
  const left = draft.left ?? money(0, data.invoice.amountDue.currency);
  const problem = draft.splitProblem;
  const showProblem = !!problem && (problem.always || host.form.showAll);
  const hintId = `${ids.split}-hint`;
  const statusId = `${ids.split}-status`;
  const max = maxRows(data);
  return html`<fieldset id=${ids.split} part="split" aria-describedby=${`${hintId} ${statusId}`}>
    <legend>${t.splitLegend}</legend>
    <p class="hint" id=${hintId}>
      ${t.splitHint(data.settings.invoices.maxSplitMethods)}
      ${data.settings.invoices.partialPayments ? t.leftStaysDue : nothing}
    </p>
    <ol class="rows">
      ${repeat(
        values.rows,
        (row) => row.key,
        (row, index) => renderRow(host, row, index, data, draft),
      )}
    </ol>
    <p id=${statusId} role="status" class=${showProblem ? 'remainder over' : 'remainder'}>
      ${showProblem ? problem.message : t.leftToAllocate(format.money(left.amount < 0 ? money(0, left.currency) : left))}
    </p>
    <div class="split-tools">
      ${
        values.rows.length < max
          ? html`<button type="button" class="button" @click=${() => addRow(host, data)}>
              ${host.t.paymentMethod.add}
            </button>`
          : html`<p class="hint">${t.maxRows(max)}</p>`
      }
      <button type="button" class="button link" @click=${() => stopSplit(host)}>${t.splitStop}</button>
    </div>
  </fieldset>`;
}
