import { createContext } from '@lit/context';
import type { ConsoleAdapter } from '../contract/console-operations.js';
import type { StaffSession } from '../model/index.js';

/**
 * What `<portal-console>` hands the sections inside it: the adapter they call, the staff member signed in,
 * and a way to tell the other sections that something they show has changed (Branding saves the settings
 * that Share's snippet reflects). The key is a `Symbol.for`, so two copies of the bundle find each other.
 */
export interface ConsoleContextValue {
  adapter: ConsoleAdapter;
  staff: StaffSession;
  /** The BCP 47 locale the console formats dates and numbers in. */
  locale: string;
  /** Counts changes made through the console; a section reloads what it shows when it moves. */
  revision: number;
  /** Called by a section after a change others may show (settings, branding). */
  changed: () => void;
  /** Called when a request answers `unauthorized`: the staff session ended, the shell asks to sign in again. */
  signedOut: () => void;
}

export const consoleContext = createContext<ConsoleContextValue | undefined>(
  Symbol.for('portal-elements.console-context'),
);

declare global {
  interface HTMLElementEventMap {
    /**
     * Dispatched by `<portal-console>` on the open section before it opens another (cancelable): a section
     * with unsaved changes cancels it unless the merchant confirms leaving.
     */
    'portal-console-leave': Event;
  }
}
