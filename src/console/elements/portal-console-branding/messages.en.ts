import type { Catalog } from '../../../core/i18n/index.js';

/** `<portal-console-branding>`'s English messages: `this.t.consoleBranding`. Their shape is the `BrandingMessages` type the other languages fill. */
export const en = {
  intro: 'How the portal looks to your customers: your name, your colour and your logo.',
  detailsHeading: 'Name and colour',
  merchantName: 'Business name',
  themeColor: 'Theme colour',
  themeColorHint: 'Any CSS colour, such as #0f766e. Leave empty for the portal’s own colours.',
  pickColor: 'Pick the theme colour',
  supportEmail: 'Support email',
  supportEmailHint: 'Shown to customers who need help.',
  save: 'Save branding',
  saving: 'Saving…',
  saved: 'Branding saved. Customers see it the next time their portal loads.',
  unknownOutcome:
    'We could not confirm that the branding was saved. Your changes are still here: save them again.',
  keptChanges: 'Your changes are still here.',
  problems: {
    merchantName: 'Enter your business name (at most 200 characters).',
    themeColor: 'Enter a colour the browser understands, such as #0f766e.',
    supportEmail: 'Enter an email address such as support@example.com.',
  },
  previewHeading: 'Preview',
  previewLabel: 'How the portal looks with these colours',
  previewGreeting: 'Welcome back, Ada',
  previewBalance: 'Outstanding balance',
  previewPay: 'Pay invoice',
  previewLink: 'View all invoices',
  contrastHeading: 'Contrast',
  onPrimary: (color: string, ratio: string) =>
    `Button text on the theme colour: ${color}, contrast ${ratio}:1.`,
  linkText: (color: string, ratio: string) =>
    `Links and focus rings on white: ${color}, contrast ${ratio}:1.`,
  contrastNote: 'The portal picks these for you so text stays readable (WCAG AA, at least 4.5:1).',
  white: 'white',
  black: 'black',
  defaultColours: 'The portal’s own colours are used.',
  logoHeading: 'Logo',
  currentLogo: 'The current logo',
  noLogo: 'No logo yet: the portal shows your business name.',
  logoFile: 'Logo file',
  logoHint: 'A PNG or JPG image of at most 2 MB.',
  logoPreview: 'The logo you chose, not uploaded yet',
  upload: 'Upload logo',
  uploading: 'Uploading…',
  uploaded: 'Logo uploaded.',
  removeLogo: 'Remove logo',
  removing: 'Removing…',
  removed: 'Logo removed.',
  logoProblems: {
    type: 'Choose a PNG or JPG image.',
    size: 'This file is larger than 2 MB. Choose a smaller one.',
    empty: 'Choose a file first.',
    invalid: 'This file is not an image the portal can show. Choose another PNG or JPG.',
    unreadable: 'This file could not be read. Choose it again.',
  },
};

export type BrandingMessages = Catalog<typeof en>;
