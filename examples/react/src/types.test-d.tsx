// Compile-time checks of the generated React types (`tsc -p examples/react`): each line under an
// expect-error directive must be an error, so types that silently became `any` fail the check.
import type { PortalEvent } from 'portal-elements';
import type {} from 'portal-elements/react';

export const checks = [
  <portal-invoices filter="paid" page-size={20} />,
  // @ts-expect-error: not one of the filters
  <portal-invoices filter="unpaid" />,
  // @ts-expect-error: an adapter is an object with the adapter's methods
  <portal-summary adapter="memory" />,
  <portal-pay-invoice onportal-payment={(event) => event.detail.receipt.status satisfies string} />,
  // @ts-expect-error: the payment event's detail has no `invoice`
  <portal-pay-invoice onportal-payment={(event) => void event.detail.invoice} />,
  <portal-root onportal-sign-out={(event: PortalEvent<'portal-sign-out'>) => event.detail.customerId} />,
];
