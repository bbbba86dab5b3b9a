/** The query parameters emailed links carry (see the adapters' outbox messages). */
export const MAGIC_TOKEN_PARAM = 'portal-magic-token';
export const RESET_TOKEN_PARAM = 'portal-reset-token';

// Reading and removing them is shared with `<portal-profile>`'s email-change link.
export { readUrlToken, removeUrlToken } from '../../core/url-token.js';
