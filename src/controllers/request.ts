import { type PortalError, toPortalError } from '../contract/errors.js';
import { emit } from '../core/events.js';
import type { PortalStore } from '../core/store.js';
import type { FormStateController } from './form-state.js';

/**
 * Runs one request of an element's forms, the same way in every element (a money-moving intent goes
 * through IntentFlowController instead). Nothing is sent while another request of the form runs, or when
 * a preview may not make it (the form's guard): then the answer is null. `start` runs just before it is
 * sent (clear the last problem, announce the progress). A failure comes back as a PortalError, reported
 * as `portal-error` with the operation's name, and never thrown at the page.
 */
export function runRequest<T, Operation extends string>(
  host: EventTarget & { readonly store: PortalStore | null },
  form: FormStateController<Operation>,
  operation: Operation,
  action: (store: PortalStore) => Promise<T>,
  start: () => void,
): Promise<T | PortalError> | null {
  const store = host.store;
  if (!store) return null;
  return form.submit(operation, async () => {
    start();
    try {
      return await action(store);
    } catch (error) {
      const failure = toPortalError(error);
      emit(host, 'portal-error', { error: failure, operation });
      return failure;
    }
  });
}
