import { type ArabicPluralForms, plurals } from '../../core/i18n/index.js';
import type { SummaryMessages } from './messages.en.js';

const plural: (count: number, forms: ArabicPluralForms) => string = plurals('ar');

export const ar: SummaryMessages = {
  outstanding: 'الرصيد المستحق',
  invoiceCount: (count: number, formatted: string) =>
    plural(count, {
      zero: 'لا فواتير',
      one: 'فاتورة واحدة',
      two: 'فاتورتان',
      few: `${formatted} فواتير`,
      many: `${formatted} فاتورة`,
      other: `${formatted} فاتورة`,
    }),
  paidUp: 'لقد سدّدت كل ما عليك',
  emptyDetail: 'لا يوجد شيء مستحق، وليس لديك اشتراكات نشطة.',
  nextBilling: 'تاريخ الفوترة التالي',
  nothingScheduled: 'لا شيء مجدول',
  billingFrequency: 'دورية الفوترة',
  frequency: {
    day: (count: number) =>
      plural(count, {
        zero: 'يوميًا',
        one: 'يوميًا',
        two: 'كل يومين',
        few: `كل ${count} أيام`,
        many: `كل ${count} يومًا`,
        other: `كل ${count} يوم`,
      }),
    week: (count: number) =>
      plural(count, {
        zero: 'أسبوعيًا',
        one: 'أسبوعيًا',
        two: 'كل أسبوعين',
        few: `كل ${count} أسابيع`,
        many: `كل ${count} أسبوعًا`,
        other: `كل ${count} أسبوع`,
      }),
    month: (count: number) =>
      plural(count, {
        zero: 'شهريًا',
        one: 'شهريًا',
        two: 'كل شهرين',
        few: `كل ${count} أشهر`,
        many: `كل ${count} شهرًا`,
        other: `كل ${count} شهر`,
      }),
    year: (count: number) =>
      plural(count, {
        zero: 'سنويًا',
        one: 'سنويًا',
        two: 'كل سنتين',
        few: `كل ${count} سنوات`,
        many: `كل ${count} سنةً`,
        other: `كل ${count} سنة`,
      }),
  },
  frequencyMixed: 'تختلف حسب الاشتراك',
  noSubscriptions: 'لا توجد اشتراكات نشطة',
  autoPay: 'الدفع التلقائي',
  autoPayOn: 'مفعّل',
  autoPayOff: 'غير مفعّل',
  overdue: (amount: string, count: number, formattedCount: string) =>
    plural(count, {
      zero: `${amount} متأخر السداد.`,
      one: `${amount} متأخر السداد على فاتورة واحدة.`,
      two: `${amount} متأخر السداد على فاتورتين.`,
      few: `${amount} متأخر السداد على ${formattedCount} فواتير.`,
      many: `${amount} متأخر السداد على ${formattedCount} فاتورة.`,
      other: `${amount} متأخر السداد على ${formattedCount} فاتورة.`,
    }),
  balanceBreakdown: 'مكونات هذا الرصيد',
  overdueBreakdown: 'الفواتير المتأخرة',
  due: (date: string) => `تستحق في ${date}`,
  notShown: (count: number, formatted: string) =>
    plural(count, {
      zero: 'لا يوجد المزيد.',
      one: 'فاتورة أخرى غير معروضة هنا.',
      two: 'فاتورتان أخريان غير معروضتين هنا.',
      few: `${formatted} فواتير أخرى غير معروضة هنا.`,
      many: `${formatted} فاتورة أخرى غير معروضة هنا.`,
      other: `${formatted} فاتورة أخرى غير معروضة هنا.`,
    }),
  seeAllOutstanding: 'عرض كل الفواتير المستحقة',
  payNow: 'ادفع الآن',
  manageSubscriptions: 'إدارة الاشتراكات',
  managePaymentMethods: 'إدارة وسائل الدفع',
  updated: (balance: string) => `تم تحديث ملخص الفواتير. الرصيد المستحق: ${balance}.`,
};
