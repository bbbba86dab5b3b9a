import * as z from 'zod/mini';
import { Id, ShortText } from './common.js';

/**
 * Several billing accounts per person: one email address may reach its own account (the one whose email
 * it is) and every account whose passwordless access rule grants it. The session is on one of them at a
 * time; `switchAccount` moves it to another without signing out.
 */
export const BillingAccount = z.object({
  customerId: Id,
  customerCode: ShortText,
  name: ShortText,
  /** The account the session is on now. */
  current: z.boolean(),
});
export type BillingAccount = z.infer<typeof BillingAccount>;

/** Move the session to another account the person is granted (re-checked by the backend). */
export const SwitchAccount = z.object({ customerId: Id });
export type SwitchAccount = z.infer<typeof SwitchAccount>;
