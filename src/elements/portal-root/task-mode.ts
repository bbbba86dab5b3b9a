import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { type PortalError, toPortalError } from '../../contract/errors.js';
import type { ElementMessages } from '../../core/i18n/index.js';
import { TASK_PARAM } from '../../contract/link-params.js';
import { renderError, renderLoading } from '../../ui/states.js';
import type { rootMessages } from './messages.js';
import type { TaskAttributes, TaskLink } from './task-link.js';

/** Single-task mode's code (task-link.ts): fetched only by a root that opens on a task. */
export type TaskLinkCode = typeof import('./task-link.js');

type Host = ReactiveControllerHost &
  TaskAttributes & {
    readonly t: ElementMessages<typeof rootMessages>;
    /** Fetches task-link.ts (a test makes it fail). */
    loadTaskLink(): Promise<TaskLinkCode>;
  };

/**
 * Whether `<portal-root>` shows one task rather than its sections: it has a `task` attribute, or the
 * page's address carries a task link's parameter (`?portal-task=`). Only then is single-task mode's code
 * (task-link.ts, which reads the link in full and shows `<portal-task>`) fetched; meanwhile the task's
 * place shows the loading state, or an error with a retry if the code could not be fetched. A link
 * that turns out not to name a task (task-link.ts checks it) leaves the usual sections.
 */
export class TaskMode {
  private link: TaskLink | null = null;
  private fetching = false;
  private error: PortalError | null = null;
  /** The address had a task link's parameter when the root first connected. */
  private linkInAddress: boolean | undefined;

  constructor(
    private readonly host: Host,
    /** The portal shows again after a link's task: focus goes to it (the task's content is gone). */
    private readonly onLeave: () => void,
  ) {}

  /** Read once per root, when it first connects (like the email-change link). */
  read(): void {
    this.linkInAddress ??= new URLSearchParams(location.search).has(TASK_PARAM);
  }

  /** Whether the root shows one task (or the code that shows it, on its way) rather than its sections. */
  get active(): boolean {
    return this.link ? this.link.active : Boolean(this.host.task) || this.linkInAddress === true;
  }

  /** Each update: a root that opens on a task gets the code that shows it on its way. */
  sync(): void {
    if (this.active && !this.link && !this.fetching && !this.error) void this.fetch();
  }

  private async fetch(): Promise<void> {
    this.fetching = true;
    this.error = null;
    try {
      const { TaskLink } = await this.host.loadTaskLink();
      this.link = new TaskLink(this.host, this.onLeave);
      this.link.read();
    } catch (error) {
      this.error = toPortalError(error);
    } finally {
      this.fetching = false;
      this.host.requestUpdate();
    }
  }

  /** The task on show (`<portal-task>`), its loading state, or why its code is missing. */
  render(): TemplateResult | null {
    if (this.link) return this.link.render();
    const t = this.host.t;
    return this.error ? renderError(t, this.error, () => void this.fetch()) : renderLoading(t, 6);
  }
}
