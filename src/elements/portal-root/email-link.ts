import { isRegistered } from '../../core/sections.js';
import { readUrlToken } from '../../core/url-token.js';
import { EMAIL_CHANGE_PARAM } from '../../contract/link-params.js';

/**
 * An email-change link (`?portal-email-token=`) that opened the page: `<portal-root>` shows it in its
 * Profile section, where `<portal-profile>` reads the token and confirms it.
 *
 * Signed out, the confirmation is shown above the sign-in form rather than after it: confirming needs no
 * session (the link names the account, and nothing happens until Confirm is pressed), the customer may
 * be reading the mail where they cannot sign in, and once confirmed they sign in with the new address.
 * After sign-in the Profile section opens once, showing the address now in force (or the link still to
 * confirm, if they signed in first).
 */
export class EmailLink {
  /** The page came from a link, and the Profile section has not been opened for it yet. */
  private pending: boolean | undefined;

  /** Read once per root, when it first connects (as `<portal-profile>` reads the token itself). */
  read(): void {
    this.pending ??= readUrlToken(EMAIL_CHANGE_PARAM) !== undefined;
  }

  /** Whether the sign-in gate shows the link's confirmation (only when this build has the profile). */
  get showsInGate(): boolean {
    return this.pending === true && isRegistered('portal-profile');
  }

  /** Signed in: whether to open the Profile section now. True once per link. */
  take(): boolean {
    if (!this.showsInGate) return false;
    this.pending = false;
    return true;
  }
}
