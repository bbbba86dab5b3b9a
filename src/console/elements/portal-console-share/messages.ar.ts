import type { ShareMessages } from './messages.en.js';

export const ar: ShareMessages = {
  linkHeading: 'رابط البوابة',
  linkIntro: 'أرسل عملاءك إلى هنا ليسجّلوا الدخول إلى بوابة الفواتير الخاصة بهم.',
  linkLabel: 'رابط البوابة',
  copyLink: 'نسخ الرابط',
  snippetHeading: 'تضمين البوابة',
  snippetIntro:
    'الصق هذا الرمز في أي صفحة من موقعك. تأخذ البوابة عند تحميلها ألوانها وشعارها وما يُسمح لعملائك به من إعداداتك، لذا يبقى الرمز كما هو عندما تغيّرها.',
  snippetLabel: 'رمز التضمين',
  language: 'لغة البوابة',
  languageHint: 'لغة الصفحة نفسها، أو لغة تختارها.',
  pageLanguage: 'لغة الصفحة',
  languages: { en: 'الإنجليزية', fr: 'الفرنسية', es: 'الإسبانية', de: 'الألمانية', ar: 'العربية' },
  copySnippet: 'نسخ الرمز',
  copied: 'تم النسخ إلى الحافظة.',
  copyFallback: 'النص محدّد: اضغط Ctrl+C (أو ⌘C على جهاز Mac) لنسخه.',
};
