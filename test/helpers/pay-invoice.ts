import { waitUntil } from '@open-wc/testing';
import { en } from './messages.js';
import type { PortalPayInvoice } from '../../src/elements/portal-pay-invoice/portal-pay-invoice.js';
import type { PayInvoice } from '../../src/model/index.js';
import { button, heading } from './dom.js';

// Ada's invoice and cards as the payment flow names them, and the steps a customer goes through.

/** INV-1009: 2 × $24.00 + $18.50, 8.25 % sales tax → $71.99, nothing paid. */
export const INV_1009 = 'inv_ada_1009';
export const DUE_1009 = 7199;
export const VISA = 'Visa ending in 4242';
export const MASTERCARD = 'Mastercard ending in 4444';

/** Waits until the flow shows the step with this heading. */
export async function step(el: PortalPayInvoice, title: string): Promise<void> {
  await waitUntil(() => heading(el) === title, `expected "${title}", saw "${heading(el)}"`);
}

export async function toReview(el: PortalPayInvoice): Promise<void> {
  button(el, en.pay.review).click();
  await step(el, en.pay.reviewHeading);
}

/** What the element asked the backend to charge, one entry per payInvoice call. */
export function payInputs(inputs: Record<string, unknown[]>): PayInvoice[] {
  return (inputs.payInvoice ?? []) as PayInvoice[];
}
