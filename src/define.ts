/** Registers every portal element (idempotently: loading twice does not throw). */
import './elements/portal-login/define.js';
import './elements/portal-summary/define.js';
import './elements/portal-invoices/define.js';
import './elements/portal-invoice/define.js';
import './elements/portal-pay-invoice/define.js';
import './elements/portal-payment-methods/define.js';
import './elements/portal-profile/define.js';
import './elements/portal-content/define.js';
import './elements/portal-quick-order/define.js';
import './elements/portal-subscriptions/define.js';
import './elements/portal-task/define.js';
import './elements/portal-root/define.js';
