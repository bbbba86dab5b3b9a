import { type ArabicPluralForms, plurals } from '../../../core/i18n/index.js';
import type { SignInMessages } from './messages.en.js';

const plural: (count: number, forms: ArabicPluralForms) => string = plurals('ar');

export const ar: SignInMessages = {
  heading: 'تسجيل الدخول إلى لوحة التاجر',
  intro: 'مخصّصة لموظفي التاجر. يسجّل العملاء الدخول في بوابة الفواتير الخاصة بالمتجر.',
  submit: 'تسجيل الدخول',
  signingIn: 'جارٍ تسجيل الدخول…',
  invalidCredentials: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  locked: 'حساب الموظف هذا مقفل. اطلب من مالك الحساب إلغاء قفله.',
  tooManyAttempts: (minutes: number) =>
    `محاولات كثيرة جدًا. حاول مرة أخرى بعد ${plural(minutes, {
      zero: `${minutes} دقيقة`,
      one: 'دقيقة واحدة',
      two: 'دقيقتين',
      few: `${minutes} دقائق`,
      many: `${minutes} دقيقة`,
      other: `${minutes} دقيقة`,
    })}.`,
};
