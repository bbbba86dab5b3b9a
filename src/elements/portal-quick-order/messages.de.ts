import type { QuickOrderMessages } from './messages.en.js';

export const de: QuickOrderMessages = {
  button: 'Schnellbestellung',
  opening: 'Die Kasse wird geöffnet…',
  hint: 'Öffnet die Kasse des Shops, bei der Sie bereits angemeldet sind.',
};
