import type { Catalog } from '../../../core/i18n/index.js';

/** `<portal-console-share>`'s English messages: `this.t.consoleShare`. Their shape is the `ShareMessages` type the other languages fill. */
export const en = {
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
};

export type ShareMessages = Catalog<typeof en>;
