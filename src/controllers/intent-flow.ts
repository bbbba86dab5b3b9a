import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isOutcomeUnknown, PortalError, type PortalErrorCode, toPortalError } from '../contract/errors.js';
import { type MoneyName, type MutationName, intentOf } from '../contract/operations.js';
import { emit } from '../core/events.js';
import { IntentKey } from '../core/idempotency.js';
import type { PendingIntent } from '../core/intents.js';
import type { InputOf, OutputOf, PortalStore } from '../core/store.js';

/**
 * The steps of one money intent:
 * - form → `review()` → review: nothing is sent; `back()` returns.
 * - review → `submit(request)` → in flight (`busy`), under the intent's one idempotency key.
 * - in flight → done: the backend's result (`result`); the intent is over.
 * - in flight → unknown when the answer is lost (network, timeout, unavailable, unreadable);
 *   `checkAgain()` → in flight with the very same request and key.
 * - in flight → refused: a final refusal (nothing moved, something must change) ends the intent and goes
 *   back to the form; any other (too many attempts, session ended) stays where it was, same key kept.
 * While `busy`, every further submit or check is ignored: a double click sends one request. Under a
 * preview session (`readOnly`) nothing is ever sent: the element renders its confirm unavailable.
 */
export type IntentStep = 'form' | 'review' | 'unknown' | 'done';

/** Refusals that end the intent: nothing was charged, and the customer must change something. */
export const FINAL_REFUSALS: readonly PortalErrorCode[] = [
  'validation',
  'forbidden',
  'conflict',
  'not_found',
  'payment_declined',
];

export interface IntentFlowHost extends ReactiveControllerHost, EventTarget {
  readonly store: PortalStore | null;
}

type MoneyMutation = MoneyName & MutationName;
type Request<N extends MoneyMutation> = InputOf<N> & { idempotencyKey: string };

export interface IntentFlowOptions<N extends MoneyMutation> {
  operation: N;
  /** The intent the element works on now (`invoice:inv_1`), or null when it has none. */
  intent: () => string | null;
  /** The backend answered: the intent is done. */
  done: (result: OutputOf<N>) => void;
  /** The outcome is unknown; `again` when it already was before this check. */
  unknown: (again: boolean) => void;
  /** The backend refused; `final` when the intent is over (the flow is back on the form). */
  refused: (error: PortalError, request: Request<N>, final: boolean) => void;
}

/**
 * Drives any money-moving intent of an element (paying an invoice, subscribing, changing a plan) through
 * the store's intent tracker, so the key, the lost answer and the resumption behave the same everywhere:
 * the request and its key outlive the element, and an element opened again on the same intent — in the
 * same page, or after a reload — resumes it (following it while in flight, or asking the backend what
 * became of it) instead of offering a fresh form and a second charge. Every failure of a request it
 * sent or followed is reported to the page as `portal-error`, with the operation's name.
 */
export class IntentFlowController<N extends MoneyMutation> implements ReactiveController {
  step: IntentStep = 'form';
  /** A request is on its way (or being checked): further submissions are ignored. */
  busy = false;
  /** The request last sent (what "check again" re-sends), or null. */
  request: Request<N> | null = null;

  private readonly host: IntentFlowHost;
  private readonly options: IntentFlowOptions<N>;
  /** The key for a request refused before it ran (too many attempts): sending it again reuses it. */
  private readonly key = new IntentKey();
  private unsubscribe?: () => void;
  private watched: PortalStore | null = null;

  constructor(host: IntentFlowHost, options: IntentFlowOptions<N>) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.watch();
  }

  hostUpdate(): void {
    if (this.host.store !== this.watched) this.watch();
    this.resume();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.watched = null;
  }

  /** The session may be learnt after the element connected (a reload): look for a pending intent then. */
  private watch(): void {
    this.unsubscribe?.();
    this.watched = this.host.store;
    this.unsubscribe = this.watched?.onChange((change) => {
      if (change.session) this.host.requestUpdate();
    });
  }

  review(): void {
    if (this.busy) return;
    this.step = 'review';
    this.host.requestUpdate();
  }

  back(): void {
    if (this.busy) return;
    this.step = 'form';
    this.host.requestUpdate();
  }

  /** Shows a result that is already known (a page restoring a finished payment). */
  showDone(): void {
    this.step = 'done';
    this.request = null;
    this.key.discard();
    this.host.requestUpdate();
  }

  /**
   * Leaves this intent: back to the form, and the next submission is a new intent with a new key. A
   * request still in flight carries on; the store keeps it, and this element stops following it.
   */
  startOver(): void {
    this.step = 'form';
    this.busy = false;
    this.request = null;
    this.key.discard();
    this.host.requestUpdate();
  }

  /** What the customer changed makes a new intent: the next confirmation gets a new key. */
  newIntent(): void {
    this.key.discard();
  }

  /** A merchant's read-only preview: no intent can be started or checked again. */
  get readOnly(): boolean {
    return this.host.store?.preview ?? false;
  }

  /** Sends `request` under the intent's key; ignored while a request is on its way, and in a preview. */
  async submit(request: Omit<InputOf<N>, 'idempotencyKey'>): Promise<void> {
    const store = this.host.store;
    if (this.busy || !store || store.preview) return;
    const intent = intentOf(this.options.operation, request);
    const pending = store.intents.get(intent);
    const idempotencyKey =
      pending && pending.operation === this.options.operation
        ? store.intents.keyFor(intent, request)
        : this.key.for(request);
    await this.send(store, { ...request, idempotencyKey } as Request<N>, false);
  }

  /** The very same request, key included: the backend replays what it did the first time, if anything. */
  async checkAgain(): Promise<void> {
    const store = this.host.store;
    if (this.busy || !store || store.preview || !this.request) return;
    await this.send(store, this.request, true);
  }

  private async send(store: PortalStore, request: Request<N>, wasUnknown: boolean): Promise<void> {
    // No abort signal: a request that moves money is never abandoned, even if the element goes away.
    const inFlight = store.mutate(this.options.operation, request) as Promise<OutputOf<N>>;
    await this.follow(request, inFlight, wasUnknown);
  }

  /** Shows a request's progress and outcome, unless the element has moved on to another intent. */
  private async follow(request: Request<N>, inFlight: Promise<OutputOf<N>>, wasUnknown: boolean) {
    this.busy = true;
    this.request = request;
    this.host.requestUpdate();
    let result: OutputOf<N>;
    try {
      result = await inFlight;
    } catch (error) {
      if (!this.isCurrent(request)) return;
      this.busy = false;
      this.failedWith(toPortalError(error), request, wasUnknown);
      return;
    }
    if (!this.isCurrent(request)) return;
    this.finish(result);
  }

  private failedWith(failure: PortalError, request: Request<N>, wasUnknown: boolean): void {
    // Every failure of a request this flow sent or followed is the page's to know of.
    emit(this.host, 'portal-error', { error: failure, operation: this.options.operation });
    if (isOutcomeUnknown(failure)) {
      this.step = 'unknown';
      this.options.unknown(wasUnknown);
    } else {
      const final = FINAL_REFUSALS.includes(failure.code);
      if (final) {
        this.key.discard();
        this.request = null;
        this.step = 'form';
      }
      this.options.refused(failure, request, final);
    }
    this.host.requestUpdate();
  }

  private finish(result: OutputOf<N>): void {
    this.busy = false;
    this.key.discard();
    this.request = null;
    this.step = 'done';
    this.options.done(result);
    this.host.requestUpdate();
  }

  private isCurrent(request: Request<N>): boolean {
    return intentOf(this.options.operation, request) === this.options.intent();
  }

  /**
   * An intent of this element whose outcome is unknown — sent by an element the customer left, whose
   * answer was lost, or left by the page before a reload — comes back as it was: still in flight, or
   * "we could not confirm" with Check again re-sending the same request and key. After a reload the
   * backend is asked first, by the key, what became of it.
   */
  private resume(): void {
    const store = this.host.store;
    const intent = this.options.intent();
    if (!store || !intent || this.request || this.step === 'done') return;
    const pending = store.intents.get(intent);
    if (!pending || pending.operation !== this.options.operation) return;
    const request = pending.request as Request<N>;
    this.step = 'unknown';
    this.request = request;
    if (pending.inFlight) void this.follow(request, pending.inFlight as Promise<OutputOf<N>>, true);
    else if (pending.restored) void this.check(store, pending, request);
  }

  private async check(store: PortalStore, pending: PendingIntent, request: Request<N>): Promise<void> {
    this.busy = true;
    let checked;
    try {
      checked = await store.checkIntent(pending);
    } catch (error) {
      checked = { status: 'unknown' as const, error: toPortalError(error) };
    }
    if (!this.isCurrent(request)) return;
    this.busy = false;
    if (checked.status === 'completed') this.finish(checked.result as OutputOf<N>);
    else if (checked.status === 'refused') this.failedWith(checked.error, request, true);
    else {
      this.step = 'unknown';
      this.options.unknown(true);
      this.host.requestUpdate();
    }
  }
}
