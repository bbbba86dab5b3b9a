import type { ElementMessages } from '../../core/i18n/index.js';
import type { rootMessages } from './messages.js';

type Messages = ElementMessages<typeof rootMessages>;

/**
 * The sections `<portal-root>` can show. A section appears only once its element is registered, so a
 * build that includes fewer elements shows fewer sections — never a placeholder that does not work.
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

export function isRegistered(tag: string | undefined): boolean {
  return tag === undefined || customElements.get(tag) !== undefined;
}
