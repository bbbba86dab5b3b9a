/**
 * The single-file bundle for a script tag: registers every element and exposes what a page script may
 * need (HttpAdapter for a custom base URL, PortalError for event handlers, the store for widgets).
 */
import './define.js';

export { HttpAdapter } from './adapters/http/http-adapter.js';
export { PortalError } from './contract/errors.js';
export { PortalStore } from './core/store.js';
export { PortalRoot } from './elements/portal-root/portal-root.js';
export { PortalLogin } from './elements/portal-login/portal-login.js';
export { PortalSummary } from './elements/portal-summary/portal-summary.js';
export { PortalInvoices } from './elements/portal-invoices/portal-invoices.js';
export { PortalInvoice } from './elements/portal-invoice/portal-invoice.js';
export { PortalPayInvoice } from './elements/portal-pay-invoice/portal-pay-invoice.js';
