/**
 * The shared lockout rule at its boundaries: the 9th failure within the window does not lock, the 10th
 * does, for 15 minutes; a failure exactly 15 minutes old no longer counts; a lock ends at its instant;
 * an email without an account locks under its hash; a successful login clears the lock while the failures
 * already recorded keep counting until they leave the window (as login has always behaved).
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../platform/tokens.ts';
import { TEST_PASSWORD, useTestApp } from '../../test/harness.ts';
import { isLocked, LOCKOUT, recordFailedAttempt } from './credential-attempts.ts';

const MIN = 60_000;
let ipCounter = 0;
const freshIp = () => `10.8.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

describe('isLocked', () => {
  it('holds until the instant the lock ends', () => {
    const until = new Date('2026-01-01T10:00:00Z');
    expect(isLocked(until, new Date(until.getTime() - 1))).toBe(true);
    expect(isLocked(until, until)).toBe(false);
    expect(isLocked(null, until)).toBe(false);
  });
});

describe.each(testBackends())('credential attempts on %s', (backend) => {
  const h = useTestApp(backend);
  const lockedUntil = async (userId: string) =>
    (
      await h.database.db
        .selectFrom('users')
        .select('locked_until')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow()
    ).locked_until;
  const fail = (subject: { userId: string } | { emailHash: string }) =>
    h.database.db
      .transaction()
      .execute((trx) => recordFailedAttempt(trx, subject, '10.0.0.1', h.clock.now()));

  it('locks on the 10th failure within the window, not the 9th, for 15 minutes from then', async () => {
    const c = await h.newClinic();
    const id = c.users.nurse.id;
    for (let i = 1; i < LOCKOUT.failures; i++) {
      expect((await fail({ userId: id })).locked, `failure ${i}`).toBe(false);
      h.clock.advance(MIN);
    }
    expect(await lockedUntil(id)).toBeNull();
    expect((await fail({ userId: id })).locked).toBe(true);
    expect((await lockedUntil(id))?.getTime()).toBe(h.clock.now().getTime() + LOCKOUT.lockMs);
  });

  it('does not count a failure that is exactly the window old', async () => {
    const c = await h.newClinic();
    const id = c.users.nurse.id;
    expect((await fail({ userId: id })).locked).toBe(false);
    h.clock.advance(LOCKOUT.windowMs);
    for (let i = 1; i < LOCKOUT.failures; i++) expect((await fail({ userId: id })).locked).toBe(false);
    expect(await lockedUntil(id)).toBeNull();
  });

  it('locks an email without an account under its hash', async () => {
    const emailHash = hashToken(`login:nobody-${Date.now()}@example.org`);
    for (let i = 1; i < LOCKOUT.failures; i++) expect((await fail({ emailHash })).locked).toBe(false);
    expect((await fail({ emailHash })).locked).toBe(true);
    const row = await h.database.db
      .selectFrom('unknown_login_locks')
      .select('locked_until')
      .where('email_hash', '=', emailHash)
      .executeTakeFirstOrThrow();
    expect(row.locked_until.getTime()).toBe(h.clock.now().getTime() + LOCKOUT.lockMs);
  });

  it('a successful login clears the lock; failures already in the window keep counting', async () => {
    const c = await h.newClinic();
    const client = c.anonymous();
    client.remoteAddress = freshIp();
    const email = c.users.nurse.email;
    for (let i = 1; i < LOCKOUT.failures; i++) {
      expect((await client.login(email, 'wrong-password-123')).status).toBe(401);
    }
    expect((await client.login(email, TEST_PASSWORD)).status).toBe(200);
    expect(await lockedUntil(c.users.nurse.id)).toBeNull();
    expect((await client.login(email, 'wrong-password-123')).status).toBe(401);
    expect((await client.login(email, TEST_PASSWORD)).body.error.code).toBe('account_locked');
  });
});
