import type { PaymentMethodRecord } from '../../../../../src/adapters/shared/demo-data.js';
import { toPaymentMethod } from '../../../../../src/adapters/shared/rules.js';
import { PortalError } from '../../../../../src/contract/errors.js';
import { type PaymentMethod, type PortalSettings, isCardExpired } from '../../../../../src/model/index.js';
import { newId } from '../../auth/secrets.js';
import { conflict, forbidden, invalidField, notFound } from '../../http/errors.js';
import { loadSettings } from '../../store/catalog.js';
import { findCustomer } from '../../store/customers.js';
import { insertMethod, listMethods } from '../../store/payment-methods.js';
import { requireCapability } from '../guards.js';
import type { Handlers, RequestContext } from '../types.js';

/**
 * Saves a method for the signed-in customer; it becomes the default when asked (which needs the
 * "modify information" capability) or when the customer had no default yet.
 */
async function save(
  ctx: RequestContext,
  settings: PortalSettings,
  record: PaymentMethodRecord,
  makeDefault: boolean | undefined,
): Promise<PaymentMethod> {
  if (makeDefault && !settings.profile.modifyInformation) {
    throw forbidden('changing the default payment method is turned off by the merchant');
  }
  const now = ctx.now();
  return ctx.app.db.transaction(async (tx) => {
    const customer = await findCustomer(tx, record.customerId, { forUpdate: true });
    if (!customer) throw notFound('customer');
    await insertMethod(tx, record, now);
    let defaultId = customer.record.defaultPaymentMethodId;
    if (makeDefault || defaultId === undefined) {
      defaultId = record.id;
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
    const settings = await requireCapability(ctx.app, (each) => each.paymentMethods.addCards, 'adding cards');
    const session = ctx.requireSession();
    const card = await ctx.app.deps.gateway.resolveCardToken(input.token);
    if (!card || isCardExpired(card, ctx.today())) throw invalidField('token', 'the card token is not valid');
    if (settings.paymentMethods.verifyNewCards && card.verification !== 'succeeded') {
      throw new PortalError('payment_declined', 'The card was declined when it was verified.');
    }
    return save(
      ctx,
      settings,
      {
        id: newId('pm'),
        customerId: session.customer.record.id,
        type: 'card',
        brand: card.brand,
        last4: card.last4,
        expMonth: card.expMonth,
        expYear: card.expYear,
        holderName: session.customer.record.name,
        verified: settings.paymentMethods.verifyNewCards,
      },
      input.makeDefault,
    );
  },

  /** Only the last four digits are kept: the full account number is the bank processor's business. */
  async addBankAccount(ctx, input) {
    const settings = await requireCapability(
      ctx.app,
      (each) => each.paymentMethods.addBankAccounts,
      'adding bank accounts',
    );
    return save(
      ctx,
      settings,
      {
        id: newId('pm'),
        customerId: ctx.customerId,
        type: 'bank_account',
        last4: input.accountNumber.slice(-4),
        accountType: input.accountType,
        holderName: input.holderName,
      },
      input.makeDefault,
    );
  },

  /**
   * Bank accounts are never removed by customers; the last card stays when the merchant requires a card on
   * file. A removed default passes to the next card, else to another method, so auto-pay keeps working.
   */
  async removePaymentMethod(ctx, input) {
    const customerId = ctx.customerId;
    const now = ctx.now();
    await ctx.app.db.transaction(async (tx) => {
      const customer = await findCustomer(tx, customerId, { forUpdate: true });
      const methods = await listMethods(tx, customerId);
      const method = methods.find((each) => each.id === input.id);
      if (!customer || !method) throw notFound('payment method');
      if (method.type === 'bank_account')
        throw forbidden('bank accounts can only be removed by the merchant');
      const settings = (await loadSettings(tx)).paymentMethods;
      if (!settings.removeCards) throw forbidden('removing cards is turned off by the merchant');
      const cards = methods.filter((each) => each.type === 'card');
      if (settings.cardOnFileRequired && cards.length <= 1)
        throw conflict('at least one card must stay on file');
      await tx.query('UPDATE payment_methods SET removed_at = $2 WHERE id = $1', [method.id, now]);
      if (customer.record.defaultPaymentMethodId === method.id) {
        const rest = methods.filter((each) => each.id !== method.id);
        const next = rest.find((each) => each.type === 'card') ?? rest[0];
        await tx.query('UPDATE customers SET default_payment_method_id = $2 WHERE id = $1', [
          customerId,
          next?.id ?? null,
        ]);
      }
    });
  },

  async setDefaultPaymentMethod(ctx, input) {
    await requireCapability(
      ctx.app,
      (settings) => settings.profile.modifyInformation,
      'changing the default payment method',
    );
    const customerId = ctx.customerId;
    const methods = await listMethods(ctx.app.db, customerId);
    const method = methods.find((each) => each.id === input.id);
    if (!method) throw notFound('payment method');
    if (method.type === 'card' && isCardExpired(method, ctx.today())) {
      throw conflict('an expired card cannot be the default payment method');
    }
    await ctx.app.db.query('UPDATE customers SET default_payment_method_id = $2 WHERE id = $1', [
      customerId,
      method.id,
    ]);
    return toPaymentMethod(method, method.id);
  },
};
