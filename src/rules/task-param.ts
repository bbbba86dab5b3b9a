/**
 * The link parameter naming a single-task link's task (see task-links.ts). In a module of its own so
 * `<portal-root>` can look for it in the page's address without fetching the rest of task-links.ts.
 */
export const TASK_PARAM = 'portal-task';
