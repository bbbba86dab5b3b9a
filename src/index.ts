/**
 * Portal Elements — the public API, without side effects: importing this registers no element.
 * Import `portal-elements/define` (or one element's `define`) to register the tags.
 */
export * from './model/index.js';
export type { PortalAdapter, RequestOptions, ById } from './contract/adapter.js';
export { operations, type OperationRules, type OperationName } from './contract/operations.js';
export { operationSchemas, operationsWithSchemas, type Operation } from './contract/operation-schemas.js';
export { validatedAdapter } from './contract/validated.js';
export { MemoryAdapter, type MemoryAdapterOptions, type OutboxMessage } from './adapters/memory/index.js';
export { HttpAdapter, type HttpAdapterOptions } from './adapters/http/http-adapter.js';
export {
  PortalError,
  ERROR_CODES,
  FIELD_ERROR_CODES,
  isPortalError,
  type PortalErrorCode,
  type FieldError,
  type FieldErrorCode,
} from './contract/errors.js';
export type { PortalEventDetails, PortalEventName, PortalEvent, TaskCompletion } from './core/events.js';
export { TASK_NAMES, type TaskName, taskLink } from './rules/task-links.js';
export { PortalStore, keys as storeKeys, type SessionState, type StoreChange } from './core/store.js';
export { portalContext, type PortalContextValue } from './core/context.js';
export { themeFromColor, safeLogoUrl, type ThemeTokens } from './core/theme.js';
export { SUPPORTED_LANGUAGES, type Messages } from './core/i18n/index.js';
export { PortalElement } from './core/portal-element.js';
export { createIdempotencyKey, IntentKey } from './core/idempotency.js';
export { PortalRoot } from './elements/portal-root/portal-root.js';
export { PortalLogin } from './elements/portal-login/portal-login.js';
export { PortalSummary } from './elements/portal-summary/portal-summary.js';
export { PortalInvoices } from './elements/portal-invoices/portal-invoices.js';
export { PortalInvoice } from './elements/portal-invoice/portal-invoice.js';
export { PortalPayInvoice } from './elements/portal-pay-invoice/portal-pay-invoice.js';
export { PortalPaymentMethods } from './elements/portal-payment-methods/portal-payment-methods.js';
export { PortalProfile } from './elements/portal-profile/portal-profile.js';
export { PortalContent } from './elements/portal-content/portal-content.js';
export { PortalQuickOrder } from './elements/portal-quick-order/portal-quick-order.js';
export { PortalSubscriptions } from './elements/portal-subscriptions/portal-subscriptions.js';
export { PortalTask } from './elements/portal-task/portal-task.js';
export {
  CARD_FIELD_ERRORS,
  CardFieldsError,
  type CardFieldError,
  type CardFields,
  type CardFieldsMountOptions,
  type CardFieldsProvider,
  type CardFieldsState,
  type CardToken,
} from './providers/card-fields.js';
export { TestCardFields, type TestCardFieldsOptions } from './providers/test-mode/test-card-fields.js';
