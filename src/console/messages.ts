import { type MessageNamespace, defineMessages } from '../core/i18n/index.js';

/**
 * The console's language: the merchant's console is written in English (a tool for the merchant's
 * staff, not for their customers), so every console element shows English words, the common catalog's
 * included — never half one language, half another. Dates and numbers still follow the element's locale.
 */
export const CONSOLE_LANGUAGE = 'en';

/** A console element's messages namespace: English, which every language falls back to. */
export function consoleMessages<Name extends string, M>(name: Name, en: M): MessageNamespace<Name, M> {
  const english = () => Promise.resolve(en);
  return defineMessages(name, en, { fr: english, es: english, de: english, ar: english });
}
