import type { QuickOrderMessages } from './messages.en.js';

export const ar: QuickOrderMessages = {
  button: 'طلب سريع',
  opening: 'جارٍ فتح صفحة الدفع…',
  hint: 'يفتح صفحة الدفع في المتجر وأنت مسجّل الدخول باسمك.',
};
