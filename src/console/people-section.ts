import { consume, createContext } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import { PortalError, toPortalError } from '../contract/errors.js';
import type { ConsoleAdapter } from '../contract/console-operations.js';
import type { MessageNamespace } from '../core/i18n/index.js';
import { PortalElement } from '../core/portal-element.js';

/** The console's adapter, shared by its shell with the sections inside it. */
export const consoleAdapterContext = createContext<ConsoleAdapter | undefined>(
  Symbol.for('portal-elements.console-adapter'),
);

/** Failures after which nobody knows whether the request was done: its answer was lost on the way. */
const UNKNOWN_OUTCOME: readonly PortalError['code'][] = ['network', 'timeout'];

/** Whether a failure leaves the outcome unknown (never shown as success or as failure). */
export function isUnknownOutcome(error: PortalError): boolean {
  return UNKNOWN_OUTCOME.includes(error.code);
}

/**
 * The base of the console's people sections (customers, access, access logs): the console's adapter,
 * from the shell's context or the element's own `consoleAdapter` property, plus the portal element's
 * locale, messages, direction and theme.
 */
export class ConsoleSection<NS extends MessageNamespace | undefined = undefined> extends PortalElement<NS> {
  /** An adapter for this section alone, when it is not inside `<portal-console>`. */
  @property({ attribute: false }) consoleAdapter?: ConsoleAdapter;

  @consume({ context: consoleAdapterContext, subscribe: true })
  @state()
  protected contextAdapter?: ConsoleAdapter;

  /** The merchant's backend, or null when nothing tells the section where it is. */
  get backend(): ConsoleAdapter | null {
    return this.contextAdapter ?? this.consoleAdapter ?? null;
  }

  /** Runs `call` against the backend; a failure comes back as a PortalError instead of a throw. */
  /** @internal */
  async call<T>(call: (backend: ConsoleAdapter) => Promise<T>): Promise<T | PortalError> {
    const backend = this.backend;
    if (!backend) return new PortalError('unavailable', `<${this.localName}> has no console adapter`);
    try {
      return await call(backend);
    } catch (error) {
      return toPortalError(error);
    }
  }

  protected override reportMissingStore(): void {
    console.error(
      `<${this.localName}> has no backend: place it inside <portal-console>, or give it a \`consoleAdapter\` property.`,
    );
  }
}
