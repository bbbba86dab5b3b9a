import { type ArabicPluralForms, plurals } from '../../core/i18n/index.js';
import type { InvoicesMessages } from './messages.en.js';

const plural: (count: number, forms: ArabicPluralForms) => string = plurals('ar');

export const ar: InvoicesMessages = {
  caption: 'الفواتير والطلبات، الأحدث أولًا',
  filterLabel: 'عرض',
  filters: {
    all: 'الكل',
    outstanding: 'المستحقة',
    paid: 'المدفوعة',
  },
  columns: {
    number: 'الرقم',
    kind: 'النوع',
    issueDate: 'تاريخ الإصدار',
    dueDate: 'تاريخ الاستحقاق',
    total: 'الإجمالي',
    amountDue: 'المبلغ المستحق',
    status: 'الحالة',
  },
  empty: {
    all: 'لا توجد فواتير بعد',
    outstanding: 'لا شيء للدفع، فقد سدّدت كل شيء',
    paid: 'لا توجد فواتير مدفوعة بعد',
  },
  loadingMore: 'جارٍ تحميل المزيد…',
  shown: (count: number, formatted: string) =>
    plural(count, {
      zero: 'لا توجد صفوف معروضة',
      one: 'عرض صف واحد',
      two: 'عرض صفين',
      few: `عرض ${formatted} صفوف`,
      many: `عرض ${formatted} صفًا`,
      other: `عرض ${formatted} صف`,
    }),
  added: (count: number, formatted: string) =>
    plural(count, {
      zero: 'لم يُحمَّل أي صف إضافي.',
      one: 'تم تحميل صف إضافي واحد.',
      two: 'تم تحميل صفين إضافيين.',
      few: `تم تحميل ${formatted} صفوف إضافية.`,
      many: `تم تحميل ${formatted} صفًا إضافيًا.`,
      other: `تم تحميل ${formatted} صف إضافي.`,
    }),
  updated: 'تم تحديث قائمة الفواتير.',
};
