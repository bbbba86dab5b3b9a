import { type Card, isCardExpired } from '../model/index.js';
import { addDays } from './dates.js';

/**
 * When a card on file earns its expiry reminder: 30 days before it expires (the end of its expiry month).
 * A day the reminder job missed is caught up the next time it runs, until the card has expired; that each
 * card is reminded once is the backend's to ensure.
 */
export const EXPIRY_REMINDER_DAYS = 30;

/** The card's last valid day, `YYYY-MM-DD`. */
export function cardLastDay(card: Pick<Card, 'expMonth' | 'expYear'>): string {
  return new Date(Date.UTC(card.expYear, card.expMonth, 0)).toISOString().slice(0, 10);
}

/** The day the reminder becomes due. */
export function expiryReminderDay(card: Pick<Card, 'expMonth' | 'expYear'>): string {
  return addDays(cardLastDay(card), -EXPIRY_REMINDER_DAYS);
}

export function isExpiryReminderDue(card: Pick<Card, 'expMonth' | 'expYear'>, today: string): boolean {
  return expiryReminderDay(card) <= today && !isCardExpired(card, today);
}
