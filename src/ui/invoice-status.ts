import { html, type TemplateResult } from 'lit';
import type { Messages } from '../core/i18n/index.js';
import type { InvoiceStatus } from '../model/index.js';

const TONE: Record<InvoiceStatus, 'neutral' | 'success' | 'warning' | 'danger' | 'info'> = {
  open: 'info',
  overdue: 'danger',
  partially_paid: 'warning',
  paid: 'success',
  void: 'neutral',
  refunded: 'neutral',
};

/** An invoice status as a badge: text carries the meaning, colour only repeats it (WCAG 1.4.1). */
export function renderInvoiceStatus(t: Messages, status: InvoiceStatus): TemplateResult {
  return html`<span class="badge ${TONE[status]}" part="status status-${status}"
    >${t.invoiceStatus[status]}</span
  >`;
}
