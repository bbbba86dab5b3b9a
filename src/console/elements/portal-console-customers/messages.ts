import type { ElementMessages } from '../../../core/i18n/index.js';
import { consoleMessages } from '../../messages.js';
import { en } from './messages.en.js';

/** The `consoleCustomers` namespace: `this.t.consoleCustomers` (the console is in English, see ../../messages.ts). */
export const consoleCustomersMessages = consoleMessages('consoleCustomers', en);

export type ConsoleCustomersT = ElementMessages<typeof consoleCustomersMessages>;
