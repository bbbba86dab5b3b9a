import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import {
  type TaskRequest,
  TASK_SUBJECT,
  isTaskName,
  readTaskParams,
  withoutTaskParams,
} from '../../rules/task-links.js';

/** The attributes of `<portal-root>` that open it on one task. */
export interface TaskAttributes {
  task?: string;
  taskInvoice?: string;
  taskPaymentMethod?: string;
  taskSubscription?: string;
  taskReturnUrl?: string;
}

/**
 * Single-task mode for `<portal-root>`: the task named by its attributes (`task="pay-invoice"
 * task-invoice="…"`) or, when it has none, by the link that opened the page (`?portal-task=…`, the
 * reference server's dunning and card-expiry emails; rules/task-links.ts). The root shows
 * `<portal-task>` in place of its sections — after sign-in when signed out.
 *
 * A task the page asked for stays until the page changes its attributes: the page decides what follows
 * (`portal-task-done`, `portal-task-cancel`). A task from a link is the customer's errand on an ordinary
 * portal page: once it is done (Done pressed) or closed (Cancel), its parameters leave the address and
 * the page's usual portal shows.
 */
export class TaskLink {
  /** The link's task, read once per root; null once it has been done or closed. */
  private fromLink: TaskRequest | null | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & TaskAttributes,
    /** The portal shows again after a link's task: focus goes to it (the task's content is gone). */
    private readonly onLeave: () => void,
  ) {}

  /** Read once per root, when it first connects (like the email-change link). */
  read(): void {
    this.fromLink ??= readTaskParams(new URLSearchParams(location.search));
  }

  /** Whether the root shows one task rather than its sections. */
  get active(): boolean {
    return Boolean(this.host.task) || Boolean(this.fromLink);
  }

  /** The task on show: `<portal-task>` with its parameters, or null for the usual sections. */
  render(): TemplateResult | null {
    const host = this.host;
    if (host.task) {
      // An unknown name is shown as such by <portal-task> (a clear message, never the whole portal).
      const subject = isTaskName(host.task) ? TASK_SUBJECT[host.task] : null;
      const id =
        subject === 'invoice'
          ? host.taskInvoice
          : subject === 'payment-method'
            ? host.taskPaymentMethod
            : subject === 'subscription'
              ? host.taskSubscription
              : '';
      return this.renderTask({ task: host.task, id: id ?? '' }, host.taskReturnUrl);
    }
    if (!this.fromLink) return null;
    return html`<div
      class="task-link"
      @portal-task-complete=${this.forgetLink}
      @portal-task-done=${this.leave}
      @portal-task-cancel=${this.leave}
    >
      ${this.renderTask(this.fromLink)}
    </div>`;
  }

  private renderTask(request: { task: string; id: string }, returnUrl?: string): TemplateResult {
    const subject = isTaskName(request.task) ? TASK_SUBJECT[request.task] : null;
    return html`<portal-task
      task=${request.task}
      invoice-id=${subject === 'invoice' ? request.id : ''}
      payment-method-id=${subject === 'payment-method' ? request.id : ''}
      subscription-id=${subject === 'subscription' ? request.id : ''}
      return-url=${returnUrl ?? ''}
    ></portal-task>`;
  }

  /** Done: a reload or a bookmark of the address must not open the task again. */
  private readonly forgetLink = (): void => {
    const clean = withoutTaskParams(location.href);
    if (clean !== location.href) history.replaceState(history.state, '', clean);
  };

  /** Done or closed: the link's errand is over, the portal shows. */
  private readonly leave = (): void => {
    this.forgetLink();
    this.fromLink = null;
    this.onLeave();
    this.host.requestUpdate();
  };
}
