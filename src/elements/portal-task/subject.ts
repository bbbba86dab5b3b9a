import type { Invoice, PaymentMethod, PortalSettings, Subscription } from '../../model/index.js';
import type { TaskName } from '../../rules/task-links.js';
import type { TaskT } from './messages.js';

/**
 * Whether a task can be done, decided from what the backend said before its flow opens: the merchant's
 * settings and the thing the task is about. A task that cannot be done says why in its place (never a
 * blank), and nothing else happens: no event is fired, the page decides.
 */

/** What a task is about, once loaded: the invoice, the card to replace, or the subscription. */
export interface Loaded {
  settings: PortalSettings;
  invoice?: Invoice;
  methods?: PaymentMethod[];
  subscriptions?: Subscription[];
  /** Whether this page can take a new card (the merchant's card fields, or the test provider). */
  canAddCards: boolean;
}

/** The subject of a task that can be done: the invoice to pay, the card to replace, the subscription. */
export type Subject =
  | { kind: 'none' }
  | { kind: 'invoice'; invoice: Invoice }
  | { kind: 'method'; method: PaymentMethod }
  | { kind: 'subscription'; subscription: Subscription };

/** Either the subject, or the customer-facing reason the task cannot be done. */
export type Check = { ok: true; subject: Subject } | { ok: false; reason: string };

const ok = (subject: Subject = { kind: 'none' }): Check => ({ ok: true, subject });
const refuse = (reason: string): Check => ({ ok: false, reason });

export function checkTask(t: TaskT, task: TaskName, id: string, data: Loaded): Check {
  const m = t.task.refused;
  const { settings } = data;
  switch (task) {
    case 'pay-invoice': {
      if (!settings.invoices.payInvoices) return refuse(m.off);
      const invoice = data.invoice;
      if (!invoice || invoice.id !== id) return refuse(m.invoiceNotFound);
      if (invoice.amountDue.amount <= 0) return refuse(m.nothingToPay(invoice.number));
      return ok({ kind: 'invoice', invoice });
    }
    case 'add-payment-method':
      return settings.paymentMethods.addCards && data.canAddCards ? ok() : refuse(m.off);
    case 'replace-payment-method': {
      if (!settings.paymentMethods.addCards || !data.canAddCards) return refuse(m.off);
      const method = data.methods?.find((each) => each.id === id);
      return method ? ok({ kind: 'method', method }) : refuse(m.methodNotFound);
    }
    case 'change-subscription':
    case 'cancel-subscription': {
      if (!settings.subscriptions.enabled) return refuse(m.off);
      const subscription = data.subscriptions?.find((each) => each.id === id);
      if (!subscription) return refuse(m.subscriptionNotFound);
      if (task === 'change-subscription' && !subscription.actions.change) {
        return refuse(m.cannotChange(subscription.planName));
      }
      if (task === 'cancel-subscription' && !subscription.actions.cancel) {
        return refuse(m.cannotCancel(subscription.planName));
      }
      return ok({ kind: 'subscription', subscription });
    }
    case 'update-billing-details':
      return settings.profile.modifyInformation ? ok() : refuse(m.off);
  }
}
