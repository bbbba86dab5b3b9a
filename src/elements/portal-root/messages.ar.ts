import type { RootMessages } from './messages.en.js';

export const ar: RootMessages = {
  regionLabel: (merchant: string) => `بوابة الفواتير لدى ${merchant}`,
  navLabel: 'أقسام بوابة الفواتير',
  signedInAs: (name: string) => `مسجّل الدخول باسم ${name}`,
  signOut: 'تسجيل الخروج',
  signingOut: 'جارٍ تسجيل الخروج…',
  sections: {
    overview: 'نظرة عامة',
    invoices: 'الفواتير',
    paymentMethods: 'وسائل الدفع',
    subscriptions: 'الاشتراكات',
    profile: 'الملف الشخصي',
    policies: 'السياسات',
  },
  customerCode: 'رمز العميل',
  backToInvoices: 'العودة إلى الفواتير',
  previewBanner: 'معاينة: أنت ترى البوابة كما يراها هذا العميل. لا يمكن تغيير أي شيء.',
  endPreview: 'إنهاء المعاينة',
  welcome: (name: string) => `مرحبًا، ${name}.`,
  overviewIntro: 'نظرة سريعة على فواتيرك لدينا.',
  accounts: {
    heading: 'اختر حساب فوترة',
    intro: 'يفتح عنوانك عدة حسابات فوترة. اختر واحدًا؛ يمكنك التبديل في أي وقت.',
    listLabel: 'حسابات الفوترة',
    code: (code: string) => `رمز العميل ${code}`,
    openNow: 'مفتوح الآن',
    opening: 'جارٍ الفتح…',
    none: 'لم يعد هذا العنوان يفتح أي حساب فوترة.',
    current: (name: string) => `الحساب: ${name}`,
    switch: 'تبديل الحساب',
  },
};
