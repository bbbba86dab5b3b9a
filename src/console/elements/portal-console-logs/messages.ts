import type { ElementMessages } from '../../../core/i18n/index.js';
import { consoleMessages } from '../../messages.js';
import { en } from './messages.en.js';

/** The `consoleLogs` namespace: `this.t.consoleLogs` (the console is in English, see ../../messages.ts). */
export const consoleLogsMessages = consoleMessages('consoleLogs', en);

export type ConsoleLogsT = ElementMessages<typeof consoleLogsMessages>;
