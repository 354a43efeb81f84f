/**
 * Failed credential checks and account lockout, one rule for every place a password or authenticator code
 * is checked: login, a witness co-signing a controlled-substance entry, and the second clinician verifying
 * a dose override (OWASP Authentication Cheat Sheet, "account lockout").
 *
 * Every failure is a row in `auth_failures` (an account's id, or for login the hash of an email that has
 * no account, so it locks exactly as an account would). When a failure is the LOCKOUT.failures-th of that
 * subject within LOCKOUT.windowMs, the subject is locked for LOCKOUT.lockMs from now. A successful login
 * clears the lock (login.ts); failures already recorded keep counting until they leave the window.
 * Callers record the failure in the transaction that also writes their audit entry.
 */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

export const LOCKOUT = { failures: 10, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;

/** Whose failure: an account, or an email without an account (login only). */
export type AttemptSubject = { userId: string } | { emailHash: string };

/** Whether a lock recorded until `lockedUntil` still holds at `now`. */
export function isLocked(lockedUntil: Date | null | undefined, now: Date): boolean {
  return Boolean(lockedUntil && lockedUntil.getTime() > now.getTime());
}

/**
 * Records one failed check at `now` and locks the subject when it reaches the threshold within the window;
 * returns whether this failure locked it.
 */
export async function recordFailedAttempt(
  trx: Kysely<DB>,
  subject: AttemptSubject,
  sourceAddress: string | null,
  now: Date,
): Promise<{ locked: boolean }> {
  const byUser = 'userId' in subject;
  await trx
    .insertInto('auth_failures')
    .values({
      user_id: byUser ? subject.userId : null,
      email_hash: byUser ? null : subject.emailHash,
      source_address: sourceAddress,
      at: now,
    })
    .execute();
  const recent = await trx
    .selectFrom('auth_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => (byUser ? eb('user_id', '=', subject.userId) : eb('email_hash', '=', subject.emailHash)))
    .where('at', '>', new Date(now.getTime() - LOCKOUT.windowMs))
    .executeTakeFirstOrThrow();
  if (Number(recent.n) < LOCKOUT.failures) return { locked: false };
  const lockUntil = new Date(now.getTime() + LOCKOUT.lockMs);
  if (byUser) {
    await trx
      .updateTable('users')
      .set({ locked_until: lockUntil })
      .where('id', '=', subject.userId)
      .execute();
  } else {
    await trx
      .insertInto('unknown_login_locks')
      .values({ email_hash: subject.emailHash, locked_until: lockUntil })
      .onConflict((oc) => oc.column('email_hash').doUpdateSet({ locked_until: lockUntil }))
      .execute();
  }
  return { locked: true };
}
