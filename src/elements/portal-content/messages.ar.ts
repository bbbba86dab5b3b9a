import type { ContentMessages } from './messages.en.js';

export const ar: ContentMessages = {
  kinds: {
    policy: 'السياسات',
    contact: 'اتصل بنا',
    custom: 'مزيد من المعلومات',
  },
  empty: 'لا يوجد ما يُقرأ هنا بعد.',
  notFound: 'هذه الصفحة غير موجودة، أو أزالها المتجر.',
  allPages: 'كل الصفحات',
  blocked: 'لا يمكن عرض هذه الصفحة هنا: إعدادات الأمان في المتجر لا تسمح بذلك.',
};
