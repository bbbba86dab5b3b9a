import { ConformanceError, equal, ok, rejects, show } from './assert.js';
import { NEW_PASSWORD, type Register, tokenFromOutbox } from './context.js';

/** The owner of Analytical Engines Ltd: a rule grants the whole domain, so magic links reach them. */
const OWNER = 'accounts@analytical.example';
const MOVED = 'ledger@analytical.example';

/** The temporary password an activation email carries (on a line of its own, indented). */
async function temporaryPassword(outbox: () => Promise<{ text: string }[]>): Promise<string> {
  for (const mail of (await outbox()).reverse()) {
    const match = /temporary password:\n\n {4}(\S+)\n/.exec(mail.text);
    if (match) return match[1];
  }
  throw new ConformanceError('no activation email with a temporary password was sent');
}

/**
 * The merchant's activation emails (a temporary password to replace at the next sign-in), and what an
 * email change does to everything emailed to the address the account no longer has.
 */
export function activationTests(test: Register): void {
  test('an email change retires the temporary password, sign-in challenge and links sent to the old address', async (t) => {
    const { adapter, harness } = t;
    if (!harness.sendActivation) throw new ConformanceError('activations: true needs harness.sendActivation');
    await harness.sendActivation('cus_analytical');
    const temporary = await temporaryPassword(() => harness.outbox(OWNER));
    const first = await adapter.signIn({ email: OWNER, password: temporary });
    ok(
      first.status === 'password_change_required',
      `the temporary password asks for a new one, got ${show(first)}`,
    );
    const { challenge } = first as { challenge: string };
    // The owner, not using the temporary password, signs in by link and moves the account to a new address.
    await t.signInByMagicLink(OWNER);
    const link = await t.magicToken(OWNER);
    await adapter.requestEmailChange({ newEmail: MOVED });
    await adapter.confirmEmailChange({ token: await tokenFromOutbox(harness, MOVED, 'portal-email-token') });
    await adapter.signOut();
    ok(
      (await harness.outbox(OWNER)).some((mail) => mail.text.includes(MOVED)),
      'the old address is told the new one',
    );
    // Whoever reads the old mailbox now knows the new address: nothing it received may open the account.
    await rejects(
      adapter.signIn({ email: MOVED, password: temporary }),
      'unauthorized',
      'the temporary password emailed to the old address, with the new address',
    );
    await rejects(
      adapter.completePasswordChange({ challenge, newPassword: NEW_PASSWORD }),
      'unauthorized',
      'a sign-in challenge issued to the old address',
    );
    await rejects(
      adapter.verifyMagicLink({ token: link }),
      'unauthorized',
      'a magic link sent to the old address',
    );
    const session = await t.signInByMagicLink(MOVED);
    equal(session.customerCode, 'CUST-0002', 'the new address signs in to Analytical Engines Ltd by link');
  });
}
