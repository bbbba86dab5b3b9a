import type { ElementMessages } from '../../../core/i18n/index.js';
import { consoleMessages } from '../../messages.js';

/** `<portal-console-share>`'s words: `this.t.consoleShare`. */
export const shareMessages = consoleMessages('consoleShare', {
  linkHeading: 'Portal link',
  linkIntro: 'Send customers here to sign in to their billing portal.',
  linkLabel: 'Link to the portal',
  copyLink: 'Copy link',
  snippetHeading: 'Embed the portal',
  snippetIntro:
    'Paste this into any page of your site. The portal takes its colours, logo and what customers may do from your settings when it loads, so the snippet stays the same when you change them.',
  snippetLabel: 'Embed snippet',
  language: 'Portal language',
  languageHint: 'The page’s own language, or one you choose.',
  pageLanguage: 'The page’s language',
  languages: { en: 'English', fr: 'French', es: 'Spanish', de: 'German', ar: 'Arabic' },
  copySnippet: 'Copy snippet',
  copied: 'Copied to the clipboard.',
  copyFallback: 'The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
});

export type ShareT = ElementMessages<typeof shareMessages>;
