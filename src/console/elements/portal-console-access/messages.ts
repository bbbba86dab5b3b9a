import type { ElementMessages } from '../../../core/i18n/index.js';
import { consoleMessages } from '../../messages.js';
import { en } from './messages.en.js';

/** The `consoleAccess` namespace: `this.t.consoleAccess` (the console is in English, see ../../messages.ts). */
export const consoleAccessMessages = consoleMessages('consoleAccess', en);

export type ConsoleAccessT = ElementMessages<typeof consoleAccessMessages>;
