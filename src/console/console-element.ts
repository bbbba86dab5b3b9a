import { consume } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import type { ConsoleAdapter } from '../contract/console-operations.js';
import { PortalError, toPortalError } from '../contract/errors.js';
import type { FormStateController } from '../controllers/form-state.js';
import type { MessageNamespace } from '../core/i18n/index.js';
import { LocalizedElement } from '../core/localized-element.js';
import { elementStyles } from '../ui/styles.js';
import { type ConsoleContextValue, consoleContext } from './context.js';

/**
 * The base of every console element, the console's counterpart of core's PortalElement: it finds the
 * console adapter (from `<portal-console>`'s context, else its own `adapter` property, for a section
 * placed alone in a story or test). Its language follows the customer elements' rule (LocalizedElement:
 * its own `locale`, then the console's, then the page's `lang`, then English), and so do its messages (the
 * common catalog plus its own namespace, other languages downloaded on first use), formatters and `dir`.
 */
export class ConsoleElement<
  NS extends MessageNamespace | undefined = undefined,
> extends LocalizedElement<NS> {
  static override styles = elementStyles;

  /** An adapter for this element alone, when it is not inside a `<portal-console>`. */
  @property({ attribute: false }) adapter?: ConsoleAdapter;

  @consume({ context: consoleContext, subscribe: true })
  @state()
  protected console?: ConsoleContextValue;

  /** The adapter to call, or null when nothing gave one. @internal */
  get consoleAdapter(): ConsoleAdapter | null {
    return this.console?.adapter ?? this.adapter ?? null;
  }

  /** Moves when a change was made elsewhere in the console (ConsoleQuery asks again). @internal */
  get consoleRevision(): number {
    return this.console?.revision ?? 0;
  }

  /** Every failure passes here: a lost staff session sends the console back to its sign-in. @internal */
  failed(error: PortalError): void {
    if (error.code === 'unauthorized') this.console?.signedOut();
  }

  /**
   * Runs one change through the form's busy guard (a double click sends one request) and answers its
   * result or the PortalError it failed with; null when another request of the form is still running.
   * Others in the console are told after a success, so what they show follows.
   */
  protected send<Name extends string, T>(
    form: FormStateController<Name>,
    name: Name,
    action: (adapter: ConsoleAdapter) => Promise<T>,
  ): Promise<T | PortalError> | null {
    const adapter = this.consoleAdapter;
    if (!adapter)
      return Promise.resolve(new PortalError('unavailable', `<${this.localName}> has no adapter`));
    const pending = form.submit(name, () => action(adapter));
    if (!pending) return null;
    return pending.then(
      (value) => {
        this.console?.changed();
        return value;
      },
      (error: unknown) => {
        const failure = toPortalError(error);
        this.failed(failure);
        return failure;
      },
    );
  }

  /** @internal */
  protected override get providedLocale(): string | undefined {
    return this.console?.locale;
  }
}
