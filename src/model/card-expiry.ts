import type { Card } from './payment-method.js';

// Apart from the payment-method schemas (re-exported there) so that labelling a card loads no zod.

/** A card expires at the end of its expiry month; "soon" means within `days` of `today` (YYYY-MM-DD). */
export function isCardExpiringSoon(
  card: Pick<Card, 'expMonth' | 'expYear'>,
  today: string,
  days = 60,
): boolean {
  const lastDay = new Date(Date.UTC(card.expYear, card.expMonth, 0));
  const now = new Date(`${today}T00:00:00Z`);
  const msLeft = lastDay.getTime() - now.getTime();
  return msLeft >= 0 && msLeft <= days * 86_400_000;
}

export function isCardExpired(card: Pick<Card, 'expMonth' | 'expYear'>, today: string): boolean {
  const lastDay = new Date(Date.UTC(card.expYear, card.expMonth, 0));
  return lastDay.getTime() < new Date(`${today}T00:00:00Z`).getTime();
}
