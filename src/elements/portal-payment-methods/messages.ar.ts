import { type ArabicPluralForms, plurals } from '../../core/i18n/index.js';
import type { PaymentMethodsMessages } from './messages.en.js';

const plural: (count: number, forms: ArabicPluralForms) => string = plurals('ar');

export const ar: PaymentMethodsMessages = {
  heading: 'وسائل الدفع',
  empty: 'ليست لديك وسائل دفع مسجّلة.',
  cards: 'البطاقات',
  bankAccounts: 'الحسابات المصرفية',
  expiresSoon: 'تنتهي قريبًا',
  expired: 'منتهية الصلاحية',
  isDefault: 'الافتراضية',
  makeDefaultOf: (label: string) => `تعيين كافتراضية: ${label}`,
  remove: 'إزالة',
  removeOf: (label: string) => `إزالة ${label}`,
  notRemovable: {
    bank_account: 'لا يمكن إزالة الحسابات المصرفية إلا من قِبل التاجر.',
    last_card_required: 'يجب أن تبقى بطاقة مسجّلة، لذا لا يمكن إزالة البطاقة الأخيرة.',
    removing_turned_off: 'إزالة البطاقات غير مفعّلة.',
  },
  addCard: 'إضافة بطاقة',
  addBankAccount: 'إضافة حساب مصرفي',
  saveCard: 'حفظ البطاقة',
  saveBankAccount: 'حفظ الحساب المصرفي',
  verifyingCard: 'جارٍ التحقق من البطاقة مع مصرفك…',
  cardHeading: 'إضافة بطاقة',
  bankHeading: 'إضافة حساب مصرفي',
  cardUnavailable: 'تعذّر تحميل حقول البطاقة. حاول مرة أخرى بعد قليل.',
  verifyNotice: 'نتحقق من البطاقة بتفويض بمبلغ صفر قبل حفظها. لن يُخصم منك أي مبلغ.',
  testMode: 'وضع الاختبار: تُقبل بطاقات الاختبار فقط.',
  makeNewDefault: 'اجعلها وسيلة الدفع الافتراضية',
  accountNumberAgain: 'أعد إدخال رقم الحساب',
  accountNumbersDiffer: 'رقما الحساب غير متطابقين.',
  declined: 'رفض مصرفك البطاقة، لذا لم تُحفظ. جرّب بطاقة أخرى أو تواصل مع مصرفك.',
  authenticationFailed: 'لم يكتمل التحقق مع مصرفك، لذا لم تُحفظ البطاقة.',
  unknownOutcome:
    'تعذّر علينا تأكيد ما إذا كان الحفظ قد تم. تعرض القائمة أدناه ما هو مسجّل الآن؛ راجعها قبل المحاولة مرة أخرى.',
  removeUnknownOutcome:
    'تعذّر علينا تأكيد ما إذا تمت الإزالة. تعرض القائمة أدناه ما هو مسجّل الآن؛ راجعها قبل المحاولة مرة أخرى.',
  added: (label: string) => `تمت إضافة ${label}.`,
  removed: (label: string) => `تمت إزالة ${label}.`,
  removeHeading: (label: string) => `إزالة ${label}؟`,
  removeKeep: 'الإبقاء عليها',
  removeConfirm: 'إزالة',
  dependsAutoPay: 'يخصم الدفع التلقائي فواتيرك المفتوحة منها.',
  dependsSubscription: (plan: string) => `يتجدد ${plan} عليها.`,
  dependsNothing: 'لا يُخصم منها أي شيء تلقائيًا.',
  chooseNewDefault: 'أي وسيلة دفع تصبح الافتراضية؟',
  overdueOffer: (count: number, label: string) =>
    plural(count, {
      zero: `هل تريد الدفع الآن باستخدام ${label}؟`,
      one: `لديك فاتورة متأخرة. هل تريد دفعها الآن باستخدام ${label}؟`,
      two: `لديك فاتورتان متأخرتان. هل تريد دفعهما الآن باستخدام ${label}؟`,
      few: `لديك ${count} فواتير متأخرة. هل تريد دفعها الآن باستخدام ${label}؟`,
      many: `لديك ${count} فاتورة متأخرة. هل تريد دفعها الآن باستخدام ${label}؟`,
      other: `لديك ${count} فاتورة متأخرة. هل تريد دفعها الآن باستخدام ${label}؟`,
    }),
  payOverdue: 'ادفع الآن',
  notNow: 'ليس الآن',
};
