import type { Handlers } from '../types.js';
import { accountHandlers } from './account.js';
import { accountsHandlers } from './accounts.js';
import { authHandlers } from './auth.js';
import { contentHandlers } from './content.js';
import { emailChangeHandlers } from './email-change.js';
import { intentHandlers } from './intents.js';
import { invoiceHandlers } from './invoices.js';
import { paymentMethodHandlers } from './payment-methods.js';
import { subscriptionHandlers } from './subscriptions.js';

/** Every operation of the contract, by area. `Handlers` makes a missing one a compile error. */
export const handlers: Handlers = {
  ...authHandlers,
  ...accountHandlers,
  ...emailChangeHandlers,
  ...contentHandlers,
  ...invoiceHandlers,
  ...intentHandlers,
  ...paymentMethodHandlers,
  ...subscriptionHandlers,
  ...accountsHandlers,
};
