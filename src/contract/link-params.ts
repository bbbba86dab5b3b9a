/**
 * The query parameters of the links the backend emails and the portal reads back: the two ends must
 * agree on them. Here, in the contract, so a page can look for them in its address without fetching the
 * rules that build or check those links.
 */

/** An email-change link carries its token in this parameter; `<portal-profile>` reads it back. */
export const EMAIL_CHANGE_PARAM = 'portal-email-token';

/** A single-task link names its task in this parameter (src/rules/task-links.ts builds and reads them). */
export const TASK_PARAM = 'portal-task';
