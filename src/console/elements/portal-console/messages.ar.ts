import type { ShellMessages } from './messages.en.js';

export const ar: ShellMessages = {
  title: 'لوحة التاجر',
  navigation: 'أقسام اللوحة',
  signedInAs: (name: string) => `مسجّل الدخول باسم ${name}`,
  signOut: 'تسجيل الخروج',
  signingOut: 'جارٍ تسجيل الخروج…',
  signOutFailed: 'تعذّر تسجيل الخروج. حاول مرة أخرى.',
  sessionEnded: 'انتهت جلستك في اللوحة. سجّل الدخول مرة أخرى للمتابعة.',
  signedOutNotice: 'سجّلت الخروج من لوحة التاجر.',
  sectionFailed: 'تعذّر تحميل هذا القسم.',
  sections: {
    settings: 'الإعدادات',
    branding: 'الهوية التجارية',
    customers: 'العملاء',
    access: 'الوصول',
    logs: 'سجل الدخول',
    share: 'المشاركة',
  },
};
