import type { PaymentMethod, PortalSettings } from '../../../../../src/model/index.js';
import { notFound } from '../../../../../src/rules/errors.js';
import { toPaymentMethod } from '../../../../../src/rules/mappers.js';
import {
  bankAccountRecord,
  cardRecord,
  checkMakeDefault,
  checkNewCard,
  checkRemove,
  checkSetDefault,
  defaultAfterRemoval,
  defaultAfterSave,
} from '../../../../../src/rules/payment-methods.js';
import type { PaymentMethodRecord } from '../../../../../src/rules/records.js';
import { newId } from '../../auth/secrets.js';
import { loadSettings } from '../../store/catalog.js';
import { findCustomer } from '../../store/customers.js';
import { insertMethod, listMethods } from '../../store/payment-methods.js';
import { requireCapability } from '../guards.js';
import type { Handlers, RequestContext } from '../types.js';

/** Saves a method for the signed-in customer, as default when asked or when the customer had none. */
async function save(
  ctx: RequestContext,
  settings: PortalSettings,
  record: PaymentMethodRecord,
  makeDefault: boolean | undefined,
): Promise<PaymentMethod> {
  checkMakeDefault(settings, makeDefault);
  const now = ctx.now();
  return ctx.app.db.transaction(async (tx) => {
    const customer = await findCustomer(tx, record.customerId, { forUpdate: true });
    if (!customer) throw notFound('customer');
    await insertMethod(tx, record, now);
    const current = customer.record.defaultPaymentMethodId;
    const defaultId = defaultAfterSave(current, record, makeDefault);
    if (defaultId !== current) {
      await tx.query('UPDATE customers SET default_payment_method_id = $2 WHERE id = $1', [
        customer.record.id,
        defaultId,
      ]);
    }
    return toPaymentMethod(record, defaultId);
  });
}

export const paymentMethodHandlers: Pick<
  Handlers,
  'listPaymentMethods' | 'addCard' | 'addBankAccount' | 'removePaymentMethod' | 'setDefaultPaymentMethod'
> = {
  async listPaymentMethods(ctx) {
    const customer = ctx.requireSession().customer.record;
    const methods = await listMethods(ctx.app.db, customer.id);
    return methods.map((method) => toPaymentMethod(method, customer.defaultPaymentMethodId));
  },

  /** The card arrives as the provider's token; with verification on, a card that fails it is not saved. */
  async addCard(ctx, input) {
    const settings = await requireCapability(ctx.app, 'addCards');
    const session = ctx.requireSession();
    const card = await ctx.app.deps.gateway.resolveCardToken(input.token);
    checkNewCard(settings, card, ctx.today());
    const record = cardRecord({
      id: newId('pm'),
      customerId: session.customer.record.id,
      card,
      holderName: session.customer.record.name,
      settings,
    });
    return save(ctx, settings, record, input.makeDefault);
  },

  async addBankAccount(ctx, input) {
    const settings = await requireCapability(ctx.app, 'addBankAccounts');
    const record = bankAccountRecord({ id: newId('pm'), customerId: ctx.customerId, account: input });
    return save(ctx, settings, record, input.makeDefault);
  },

  /** A removed method stays in the table (removed_at) so that past payments keep their label. */
  async removePaymentMethod(ctx, input) {
    const customerId = ctx.customerId;
    const now = ctx.now();
    await ctx.app.db.transaction(async (tx) => {
      const customer = await findCustomer(tx, customerId, { forUpdate: true });
      const methods = await listMethods(tx, customerId);
      const method = methods.find((each) => each.id === input.id);
      if (!customer || !method) throw notFound('payment method');
      checkRemove(await loadSettings(tx), method, methods);
      await tx.query('UPDATE payment_methods SET removed_at = $2 WHERE id = $1', [method.id, now]);
      const current = customer.record.defaultPaymentMethodId;
      const next = defaultAfterRemoval(current, method, methods);
      if (next !== current) {
        await tx.query('UPDATE customers SET default_payment_method_id = $2 WHERE id = $1', [
          customerId,
          next ?? null,
        ]);
      }
    });
  },

  async setDefaultPaymentMethod(ctx, input) {
    await requireCapability(ctx.app, 'defaultPaymentMethod');
    const customerId = ctx.customerId;
    const methods = await listMethods(ctx.app.db, customerId);
    const method = methods.find((each) => each.id === input.id);
    if (!method) throw notFound('payment method');
    checkSetDefault(method, ctx.today());
    await ctx.app.db.query('UPDATE customers SET default_payment_method_id = $2 WHERE id = $1', [
      customerId,
      method.id,
    ]);
    return toPaymentMethod(method, method.id);
  },
};
