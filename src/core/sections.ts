import { isAvailable } from './lazy-elements.js';

/**
 * The sections `<portal-root>` can show, and the element each needs. A section appears only once its
 * element is registered, so a build that includes fewer elements shows fewer sections — never a
 * placeholder that does not work. Their names are `<portal-root>`'s messages (`t.root.sections[id]`).
 */
export type SectionId = 'overview' | 'invoices' | 'paymentMethods' | 'subscriptions' | 'profile' | 'policies';

export interface SectionSpec {
  id: SectionId;
  /** The element that makes the section work; the overview needs none. */
  tag?: string;
}

export const SECTIONS: readonly SectionSpec[] = [
  { id: 'overview' },
  { id: 'invoices', tag: 'portal-invoices' },
  { id: 'paymentMethods', tag: 'portal-payment-methods' },
  { id: 'subscriptions', tag: 'portal-subscriptions' },
  { id: 'profile', tag: 'portal-profile' },
  { id: 'policies', tag: 'portal-content' },
];

/**
 * Whether the tag's element works on this page: registered, or (script-tag bundle) fetchable on demand,
 * in which case `<portal-root>` fetches it when the section opens.
 */
export function isRegistered(tag: string | undefined): boolean {
  return tag === undefined || isAvailable(tag);
}
