import type { ReactiveController, ReactiveElement } from 'lit';
import type { FieldError } from '../contract/errors.js';
import { OPERATION_NAMES, type OperationName } from '../contract/operations.js';
import { previewAllows } from '../contract/preview.js';

/**
 * What a form knows about its fields beyond their values, the same way in every element:
 * - which fields the customer has left (`touch`), and whether a submit asked to see every problem
 *   (`showAll`), which together decide when a client-side problem is shown;
 * - the backend's refusals placed on fields (`placeServerErrors`), each cleared once its field is edited;
 * - the busy guard: `submit` runs one request at a time, so a double click and an Enter send one;
 * - the preview guard: under a preview session (the host's `readOnly`, see PortalElement) a submit
 *   named after an operation the preview rule refuses sends nothing (a price quote, a read, still runs);
 *   the form's button renders unavailable (`actionDisabled` in ui/states.ts).
 *
 * Fields are named by an id the element chooses (a request path such as `billingAddress.city`, or a
 * row's id); the controller does not care which.
 */
export class FormStateController<Operation extends string = string> implements ReactiveController {
  private touchedIds: ReadonlySet<string> = new Set();
  private serverMessages: ReadonlyMap<string, string> = new Map();
  private running: Operation | null = null;
  private showingAll = false;

  constructor(private readonly host: ReactiveElement & { readonly readOnly?: boolean }) {
    host.addController(this);
  }

  /** Nothing to set up: the state lives as long as the host, and a running request finishes on its own. */
  hostConnected(): void {}

  /** The request running now, or null; a form shows it on the button that started it. */
  get busy(): Operation | null {
    return this.running;
  }

  get showAll(): boolean {
    return this.showingAll;
  }

  get serverErrors(): ReadonlyMap<string, string> {
    return this.serverMessages;
  }

  isTouched(id: string): boolean {
    return this.touchedIds.has(id);
  }

  /** The customer left this field: its problems may be shown from now on. */
  touch(id: string): void {
    if (this.touchedIds.has(id)) return;
    this.touchedIds = new Set([...this.touchedIds, id]);
    this.host.requestUpdate();
  }

  /** A submit was refused on the client: every problem is shown, touched or not. */
  showAllErrors(): void {
    this.showingAll = true;
    this.host.requestUpdate();
  }

  /** The customer changed these fields: what the backend said about them no longer applies. */
  edited(...ids: string[]): void {
    if (!ids.some((id) => this.serverMessages.has(id))) return;
    this.serverMessages = new Map([...this.serverMessages].filter(([id]) => !ids.includes(id)));
    this.host.requestUpdate();
  }

  /**
   * Puts the backend's field errors on the form's fields. `place` names the field an error belongs to
   * and its message, or null when the form has no such field; the first error of a field wins. Returns
   * the errors that found no field, which the form must show elsewhere (above the form).
   */
  placeServerErrors(
    fieldErrors: readonly FieldError[],
    place: (fieldError: FieldError) => { id: string; message: string } | null,
  ): FieldError[] {
    const placed = new Map<string, string>();
    const unplaced: FieldError[] = [];
    for (const fieldError of fieldErrors) {
      const target = place(fieldError);
      if (!target) unplaced.push(fieldError);
      else if (!placed.has(target.id)) placed.set(target.id, target.message);
    }
    this.serverMessages = placed;
    this.host.requestUpdate();
    return unplaced;
  }

  /**
   * The message to show for a field now: the backend's refusal first, else the client's problem once
   * the customer has left the field or tried to submit.
   */
  errorFor(id: string, clientProblem?: string | null): string | undefined {
    const server = this.serverMessages.get(id);
    if (server) return server;
    return (this.showingAll || this.touchedIds.has(id)) && clientProblem ? clientProblem : undefined;
  }

  /** A fresh form (another view, a new intent): nothing touched, nothing refused, nothing shown. */
  reset(): void {
    this.touchedIds = new Set();
    this.serverMessages = new Map();
    this.showingAll = false;
    this.host.requestUpdate();
  }

  private refusedInPreview(operation: Operation): boolean {
    if (!this.host.readOnly) return false;
    const name = operation as string as OperationName;
    return OPERATION_NAMES.includes(name) && !previewAllows(name);
  }

  /**
   * Runs `action` unless another submit is still running, or the session is a read-only preview and
   * `operation` changes something; then it returns null and sends nothing. The guard is set before the
   * first await, so a second click or Enter in the same task finds it.
   */
  submit<T>(operation: Operation, action: () => Promise<T>): Promise<T> | null {
    if (this.running || this.refusedInPreview(operation)) return null;
    this.running = operation;
    this.host.requestUpdate();
    // Freed on a side chain: the caller gets the action's own promise, and resumes in the same turn it
    // would without the guard (the guard is already free then), so nothing it does next is delayed.
    const free = () => {
      this.running = null;
      this.host.requestUpdate();
    };
    let pending: Promise<T>;
    try {
      pending = action();
    } catch (error) {
      free();
      throw error;
    }
    pending.then(free, free);
    return pending;
  }
}
