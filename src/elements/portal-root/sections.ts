import type { Messages } from '../../core/i18n/index.js';
import { isAvailable } from '../../core/lazy-elements.js';

/**
 * The sections `<portal-root>` can show. A section appears only once its element is registered (or can be
 * fetched), so a build that includes fewer elements shows fewer sections — never a placeholder that does
 * not work.
 */
export type SectionId = 'overview' | 'invoices' | 'paymentMethods' | 'subscriptions' | 'profile';

export interface SectionSpec {
  id: SectionId;
  /** The element that makes the section work; the overview needs none. */
  tag?: string;
  label: (t: Messages) => string;
}

export const SECTIONS: readonly SectionSpec[] = [
  { id: 'overview', label: (t) => t.root.sections.overview },
  { id: 'invoices', tag: 'portal-invoices', label: (t) => t.root.sections.invoices },
  { id: 'paymentMethods', tag: 'portal-payment-methods', label: (t) => t.root.sections.paymentMethods },
  { id: 'subscriptions', tag: 'portal-subscriptions', label: (t) => t.root.sections.subscriptions },
  { id: 'profile', tag: 'portal-profile', label: (t) => t.root.sections.profile },
];

/**
 * Whether the tag's element works on this page: registered, or (script-tag bundle) fetchable on demand,
 * in which case `<portal-root>` fetches it when the section opens.
 */
export function isRegistered(tag: string | undefined): boolean {
  return tag === undefined || isAvailable(tag);
}
