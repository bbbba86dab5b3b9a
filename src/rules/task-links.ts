/**
 * Single-task links: the tasks `<portal-root task="…">` (and `<portal-task>`) can open on, the parameter
 * each takes, and how an emailed link carries them in the page address. Written once: the reference
 * server's mails build links with `taskLink`, and `<portal-root>` reads them back with `readTaskParams`.
 *
 * A link is the merchant's portal page with `?portal-task=<task>` and the task's one parameter, named as
 * the attribute without its `task-` prefix: `?portal-task=pay-invoice&portal-task-invoice=inv_ada_1008`.
 */
import { TASK_PARAM } from '../contract/link-params.js';

export const TASK_NAMES = [
  'pay-invoice',
  'add-payment-method',
  'replace-payment-method',
  'change-subscription',
  'cancel-subscription',
  'update-billing-details',
] as const;

export type TaskName = (typeof TASK_NAMES)[number];

/** What a task is about: the attribute (and link parameter) naming it, or nothing. */
export const TASK_SUBJECT = {
  'pay-invoice': 'invoice',
  'add-payment-method': null,
  'replace-payment-method': 'payment-method',
  'change-subscription': 'subscription',
  'cancel-subscription': 'subscription',
  'update-billing-details': null,
} as const satisfies Record<TaskName, 'invoice' | 'payment-method' | 'subscription' | null>;

export type TaskSubject = NonNullable<(typeof TASK_SUBJECT)[TaskName]>;

/** The task to open: its name, and the id of what it is about (empty when it takes none). */
export interface TaskRequest {
  task: TaskName;
  id: string;
}

/** The link parameter naming the task. */
export { TASK_PARAM };

/** The link parameter carrying the task's subject: `portal-task-invoice`, …. */
export function subjectParam(subject: TaskSubject): string {
  return `${TASK_PARAM}-${subject}`;
}

/** Ids as backends issue them; anything else in an (attacker-controlled) address is not a task. */
const ID_SHAPE = /^[A-Za-z0-9_-]{1,128}$/;

export function isTaskName(value: string | null | undefined): value is TaskName {
  return (TASK_NAMES as readonly string[]).includes(value ?? '');
}

/** The task a link asks for, or null when it names none (or one with a missing or malformed id). */
export function readTaskParams(params: URLSearchParams): TaskRequest | null {
  const task = params.get(TASK_PARAM);
  if (!isTaskName(task)) return null;
  const subject = TASK_SUBJECT[task];
  if (!subject) return { task, id: '' };
  const id = params.get(subjectParam(subject)) ?? '';
  return ID_SHAPE.test(id) ? { task, id } : null;
}

/** The address of `portalUrl` opened on one task (the emailed links: pay this invoice, replace this card). */
export function taskLink(portalUrl: string, request: TaskRequest): string {
  const url = new URL(portalUrl);
  url.hash = '';
  url.searchParams.set(TASK_PARAM, request.task);
  const subject = TASK_SUBJECT[request.task];
  if (subject) url.searchParams.set(subjectParam(subject), request.id);
  return url.toString();
}

/** Takes a task link's parameters out of the address once it has been used (keeps every other one). */
export function withoutTaskParams(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(TASK_PARAM);
  for (const subject of ['invoice', 'payment-method', 'subscription'] as const) {
    url.searchParams.delete(subjectParam(subject));
  }
  return url.toString();
}
