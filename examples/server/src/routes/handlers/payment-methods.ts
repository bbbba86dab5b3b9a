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
  defaultAfterRemovalChoice,
  defaultAfterSave,
  listedMethods,
} from '../../../../../src/rules/payment-methods.js';
import type { PaymentMethodRecord } from '../../../../../src/rules/records.js';
import { newId } from '../../auth/secrets.js';
import { loadPlans, loadSettings, loadSubscriptions } from '../../store/catalog.js';
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
  /** Each method says whether it can be removed and why not; the default says what charges it. */
  async listPaymentMethods(ctx) {
    const customer = ctx.requireSession().customer.record;
    const db = ctx.app.db;
    const [settings, methods, plans, records] = await Promise.all([
      loadSettings(db),
      listMethods(db, customer.id),
      loadPlans(db),
      loadSubscriptions(db, customer.id),
    ]);
    const subscriptions = records.map((record) => ({
      ...record,
      planName: plans.find((plan) => plan.id === record.planId)?.name ?? record.planId,
    }));
    return listedMethods({ settings, methods, customer, subscriptions });
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

  /**
   * A removed method stays in the table (removed_at) so that past payments keep their label. The removal
   * and the customer's choice of the next default are one transaction: both happen or neither.
   */
  async removePaymentMethod(ctx, input) {
    const customerId = ctx.customerId;
    const now = ctx.now();
    const today = ctx.today();
    await ctx.app.db.transaction(async (tx) => {
      const customer = await findCustomer(tx, customerId, { forUpdate: true });
      const methods = await listMethods(tx, customerId);
      const method = methods.find((each) => each.id === input.id);
      if (!customer || !method) throw notFound('payment method');
      const settings = await loadSettings(tx);
      checkRemove(settings, method, methods);
      const current = customer.record.defaultPaymentMethodId;
      const next = defaultAfterRemovalChoice({
        settings,
        currentDefault: current,
        removed: method,
        methods,
        chosenId: input.newDefaultId,
        today,
      });
      await tx.query('UPDATE payment_methods SET removed_at = $2 WHERE id = $1', [method.id, now]);
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
