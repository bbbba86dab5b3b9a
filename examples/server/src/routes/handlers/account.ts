import type { Customer, ProfileUpdate, TaxIdsUpdate } from '../../../../../src/model/index.js';
import { billingSummary, toCustomer } from '../../../../../src/rules/mappers.js';
import { profileChanges, taxIdUpdate } from '../../../../../src/rules/profile.js';
import type { Queryable } from '../../db/database.js';
import { loadPlans, loadSubscriptions } from '../../store/catalog.js';
import { type StoredCustomer, findCustomer } from '../../store/customers.js';
import { loadInvoices } from '../../store/invoices.js';
import { listMethods } from '../../store/payment-methods.js';
import { json } from '../../store/rows.js';
import { requireCapability } from '../guards.js';
import type { Handlers } from '../types.js';

/** Column and encoding of every profile field a customer may change; anything else is never written. */
const PROFILE_COLUMNS: Record<keyof ProfileUpdate, { column: string; jsonb: boolean }> = {
  name: { column: 'name', jsonb: false },
  phone: { column: 'phone', jsonb: false },
  company: { column: 'company', jsonb: false },
  billingAddress: { column: 'billing_address', jsonb: true },
  shippingAddress: { column: 'shipping_address', jsonb: true },
  billingContact: { column: 'billing_contact', jsonb: true },
  shippingContact: { column: 'shipping_contact', jsonb: true },
};

const TAX_COLUMNS: Record<keyof TaxIdsUpdate, string> = {
  poNumber: 'po_number',
  vatNumber: 'vat_number',
  registrationNumber: 'registration_number',
};

async function updateColumns(
  q: Queryable,
  customerId: string,
  assignments: { column: string; value: unknown; jsonb: boolean }[],
): Promise<Customer> {
  if (assignments.length > 0) {
    const sets = assignments.map(
      (each, index) => `${each.column} = $${index + 2}${each.jsonb ? '::jsonb' : ''}`,
    );
    await q.query(`UPDATE customers SET ${sets.join(', ')} WHERE id = $1`, [
      customerId,
      ...assignments.map((each) => each.value),
    ]);
  }
  return toCustomer(((await findCustomer(q, customerId)) as StoredCustomer).record);
}

export const accountHandlers: Pick<
  Handlers,
  'getCustomer' | 'updateProfile' | 'updateTaxIds' | 'getBillingSummary'
> = {
  getCustomer(ctx) {
    return Promise.resolve(toCustomer(ctx.requireSession().customer.record));
  },

  async updateProfile(ctx, input) {
    await requireCapability(ctx.app, 'modifyInformation');
    const changes = profileChanges(input);
    const assignments = (Object.keys(changes) as (keyof ProfileUpdate)[]).map((key) => {
      const { column, jsonb } = PROFILE_COLUMNS[key];
      const value = changes[key];
      return { column, jsonb, value: value === null || !jsonb ? value : json(value) };
    });
    return updateColumns(ctx.app.db, ctx.customerId, assignments);
  },

  async updateTaxIds(ctx, input) {
    await requireCapability(ctx.app, 'modifyInformation');
    const current = ctx.requireSession().customer.record;
    const { vatVerification, ...changes } = await taxIdUpdate(
      input,
      current,
      ctx.app.taxIdVerifier,
      ctx.now(),
    );
    const assignments = (Object.keys(changes) as (keyof TaxIdsUpdate)[]).map((key) => ({
      column: TAX_COLUMNS[key],
      jsonb: false,
      value: changes[key],
    }));
    if (vatVerification !== undefined) {
      assignments.push(
        { column: 'vat_status', jsonb: false, value: vatVerification?.status ?? null },
        { column: 'vat_checked_at', jsonb: false, value: vatVerification?.checkedAt ?? null },
      );
    }
    return updateColumns(ctx.app.db, ctx.customerId, assignments);
  },

  async getBillingSummary(ctx) {
    const { db } = ctx.app;
    const customer = ctx.requireSession().customer.record;
    return billingSummary({
      customer,
      invoices: await loadInvoices(db, customer.id),
      subscriptions: await loadSubscriptions(db, customer.id),
      plans: await loadPlans(db),
      paymentMethods: await listMethods(db, customer.id),
      today: ctx.today(),
    });
  },
};
