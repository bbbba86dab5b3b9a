import * as z from 'zod/mini';

/**
 * Money is an integer count of the currency's minor units (cents, yen, fils) plus an ISO 4217 code.
 * It is never a float: every helper here works on integers and refuses to mix currencies.
 */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code'));
export type CurrencyCode = z.infer<typeof CurrencyCode>;

export const Money = z.object({
  amount: z.int(),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

export * from './amounts.js';
