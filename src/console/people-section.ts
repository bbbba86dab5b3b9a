import type { PropertyValues } from 'lit';
import type { ConsoleAdapter } from '../contract/console-operations.js';
import { PortalError, toPortalError } from '../contract/errors.js';
import type { FormStateController } from '../controllers/form-state.js';
import type { MessageNamespace } from '../core/i18n/index.js';
import { ConsoleElement } from './console-element.js';

/**
 * The base of the console's people sections (customers, access, access logs): the console element, plus
 * its first reads once an adapter is known, and reads and changes that answer a PortalError instead of
 * throwing, for the sections' view modules.
 */
export class ConsoleSection<NS extends MessageNamespace | undefined = undefined> extends ConsoleElement<NS> {
  private warnedMissingAdapter = false;
  private readFrom: ConsoleAdapter | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The first reads wait for an adapter (the shell's context may arrive after connecting).
    const adapter = this.consoleAdapter;
    if (adapter && adapter !== this.readFrom) {
      this.readFrom = adapter;
      this.readFirst();
    }
  }

  /** The section's first reads: once an adapter is known, and again when another one replaces it. */
  protected readFirst(): void {}

  /** Reads through the console's adapter; a failure comes back as a PortalError. @internal */
  async read<T>(read: (adapter: ConsoleAdapter) => Promise<T>): Promise<T | PortalError> {
    const adapter = this.consoleAdapter;
    if (!adapter) return new PortalError('unavailable', `<${this.localName}> has no adapter`);
    try {
      return await read(adapter);
    } catch (error) {
      const failure = toPortalError(error);
      this.failed(failure);
      return failure;
    }
  }

  /** One change through the form's busy guard (null while another runs); see ConsoleElement's `send`. @internal */
  change<Name extends string, T>(
    form: FormStateController<Name>,
    name: Name,
    action: (adapter: ConsoleAdapter) => Promise<T>,
  ): Promise<T | PortalError> | null {
    return this.send(form, name, action);
  }

  /** Tells the developer, once, what the section is missing. */
  protected reportMissingAdapter(): void {
    // Out of the page, or inside the shell whose session just ended: the section is being taken away.
    const root = this.getRootNode();
    if (!this.isConnected || (root instanceof ShadowRoot && root.host.localName === 'portal-console')) return;
    if (this.warnedMissingAdapter) return;
    this.warnedMissingAdapter = true;
    console.error(
      `<${this.localName}> has no backend: place it inside <portal-console>, or give it an \`adapter\` property.`,
    );
  }
}
