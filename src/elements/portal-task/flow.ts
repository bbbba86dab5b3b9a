import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PortalPaymentMethods } from '../portal-payment-methods/portal-payment-methods.js';
import type { PortalSubscriptions } from '../portal-subscriptions/portal-subscriptions.js';
import type { Subject } from './subject.js';
import type { TaskName } from '../../rules/task-links.js';

/**
 * Opens the flow a task needs inside the element that has it — the card form of
 * `<portal-payment-methods>`, the change or cancel flow of `<portal-subscriptions>` — as soon as that
 * element has what the flow needs, and tells the task when the customer closes the flow without
 * finishing it (its own Cancel, Back or "Keep it"). Attached to that element as a controller, so it
 * follows its updates; `<portal-pay-invoice>` and `<portal-profile>` need none (they are the flow).
 */

type FlowElement = ReactiveControllerHost & HTMLElement;

interface FlowHost {
  /** The flow was closed without finishing; `saidSomething`: the element shows an outcome (an unknown one, say). */
  flowClosed(saidSomething: boolean): void;
  requestUpdate(): void;
}

/** How to open one task's flow in its element, and how to tell it is still open. */
interface FlowSpec<E> {
  open(element: E, subject: Subject): boolean;
  isOpen(element: E): boolean;
  saidSomething(element: E): boolean;
}

const cardForm: FlowSpec<PortalPaymentMethods> = {
  open(element, subject) {
    if (!element.settings) return false;
    element.openPanel('card');
    // Replacing: the new card becomes the default (the customer may still untick it).
    if (subject.kind === 'method') element.makeDefault = true;
    return element.panel === 'card';
  },
  isOpen: (element) => element.panel !== 'list',
  saidSomething: (element) => element.notice !== null,
};

function subscriptionFlow(kind: 'change' | 'cancel'): FlowSpec<PortalSubscriptions> {
  return {
    open(element, subject) {
      if (!element.settings || subject.kind !== 'subscription') return false;
      if (kind === 'change') element.openChange(subject.subscription);
      else element.openCancel(subject.subscription);
      return element.panel.kind !== 'list';
    },
    isOpen: (element) => element.panel.kind !== 'list',
    saidSomething: (element) => element.notice !== null,
  };
}

const SPECS: Partial<Record<TaskName, FlowSpec<never>>> = {
  'add-payment-method': cardForm,
  'replace-payment-method': cardForm,
  'change-subscription': subscriptionFlow('change'),
  'cancel-subscription': subscriptionFlow('cancel'),
};

export class FlowOpener implements ReactiveController {
  private opened = false;
  private checking = false;

  constructor(
    private readonly host: FlowHost,
    private readonly element: FlowElement,
    private readonly spec: FlowSpec<FlowElement>,
    private readonly subject: Subject,
  ) {
    element.addController(this);
  }

  /** Follows `element` for `task`, when the task opens a flow inside it. */
  static attach(host: FlowHost, task: TaskName, element: Element, subject: Subject): FlowOpener | null {
    const spec: FlowSpec<FlowElement> | undefined = SPECS[task];
    return spec ? new FlowOpener(host, element as FlowElement, spec, subject) : null;
  }

  hostUpdated(): void {
    // After the update, not inside it: opening sets the element's state, which is a new update.
    if (this.checking) return;
    this.checking = true;
    queueMicrotask(() => {
      this.checking = false;
      this.check();
    });
  }

  detach(): void {
    this.element.removeController(this);
  }

  private check(): void {
    if (!this.opened) {
      this.opened = this.spec.open(this.element, this.subject);
    } else if (!this.spec.isOpen(this.element)) {
      this.detach();
      this.host.flowClosed(this.spec.saidSomething(this.element));
    }
    // The task's Cancel follows the element's busy state.
    this.host.requestUpdate();
  }
}
