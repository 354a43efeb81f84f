/**
 * Login answers never reveal whether an email has an account (OWASP Authentication Cheat Sheet,
 * "authentication responses" and "account lockout"): an unknown email answers byte for byte like a
 * wrong password to a real account, locks after the same number of failures with the same 429 body,
 * unlocks at the same time, and spends the same work — its password is checked by argon2 against a
 * dummy hash of the stored hashes' cost.
 */
import * as argon2 from '@node-rs/argon2';
import { testBackends } from '@plasticity/db/testing/index';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Client, type TestClinic, useTestApp } from '../../test/harness.ts';
import { LOCKOUT } from './credential-attempts.ts';

vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...real, verify: vi.fn(real.verify), hash: vi.fn(real.hash) };
});

const MIN = 60_000;
let ipCounter = 0;
const freshIp = () => `10.77.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;
const WRONG = 'wrong-password-123';

function caller(c: TestClinic): Client {
  const client = c.anonymous();
  client.remoteAddress = freshIp();
  return client;
}

/** What a caller can observe of an answer: status, body bytes, and the headers that vary by outcome. */
async function answer(client: Client, email: string, password = WRONG) {
  const r = await client.login(email, password);
  return {
    status: r.status,
    text: r.text,
    setCookie: r.headers['set-cookie'] ?? null,
    length: r.headers['content-length'],
  };
}

describe.each(testBackends())('login answers for unknown emails on %s', (backend) => {
  const h = useTestApp(backend);
  beforeEach(() => {
    vi.mocked(argon2.verify).mockClear();
    vi.mocked(argon2.hash).mockClear();
  });

  it('answers an unknown email byte for byte like a wrong password, then like a locked account, and unlocks it at the same time', async () => {
    const c = await h.newClinic();
    const known = c.users.therapist.email;
    const unknown = `nobody-${c.clinicId.slice(0, 8)}@example.org`;
    for (let i = 0; i < LOCKOUT.failures; i++) {
      const a = await answer(caller(c), known);
      const b = await answer(caller(c), unknown);
      expect(a.status, `failure ${i + 1}`).toBe(401);
      expect(b, `failure ${i + 1}`).toEqual(a);
      h.clock.advance(20_000);
    }
    const lockedKnown = await answer(caller(c), known);
    const lockedUnknown = await answer(caller(c), unknown);
    expect(lockedKnown.status).toBe(429);
    expect(JSON.parse(lockedKnown.text).error.code).toBe('account_locked');
    expect(lockedUnknown).toEqual(lockedKnown);
    // The same password the real account would use changes nothing either.
    expect(await answer(caller(c), unknown, 'correct-horse-battery-staple-42')).toEqual(lockedKnown);

    h.clock.advance(LOCKOUT.lockMs - MIN);
    expect(await answer(caller(c), unknown)).toEqual(await answer(caller(c), known));
    expect((await answer(caller(c), known)).status).toBe(429);
    h.clock.advance(MIN + 1000);
    const freeKnown = await answer(caller(c), known);
    expect(freeKnown.status).toBe(401);
    expect(await answer(caller(c), unknown)).toEqual(freeKnown);
  });

  it('checks an unknown email’s password with argon2 against a hash of the same cost, as for a known one', async () => {
    const c = await h.newClinic();
    const verify = vi.mocked(argon2.verify);
    await answer(caller(c), c.users.nurse.email);
    expect(verify).toHaveBeenCalledTimes(1);
    const knownHash = String(verify.mock.calls[0]?.[0]);
    verify.mockClear();
    await answer(caller(c), `ghost-${c.clinicId.slice(0, 8)}@example.org`);
    expect(verify).toHaveBeenCalledTimes(1);
    const dummyHash = String(verify.mock.calls[0]?.[0]);
    expect(dummyHash).not.toBe(knownHash);
    // Same algorithm, version and cost parameters: `$argon2id$v=19$m=19456,t=2,p=1$…`.
    const params = (hash: string) => hash.split('$').slice(1, 4).join('$');
    expect(params(dummyHash)).toBe(params(knownHash));
    expect(params(dummyHash)).toMatch(/^argon2id\$v=19\$m=\d+,t=\d+,p=\d+$/);
  });

  it('takes about as long for an unknown email as for a wrong password (medians within a wide margin)', async () => {
    const c = await h.newClinic();
    const timed = async (email: string) => {
      const t0 = performance.now();
      await answer(caller(c), email);
      return performance.now() - t0;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const known: number[] = [];
    const unknown: number[] = [];
    await timed(c.users.admin.email); // warm-up (the dummy hash is made once per process)
    await timed(`warmup-${c.clinicId}@example.org`);
    for (let i = 0; i < 5; i++) {
      known.push(await timed(c.users.admin.email));
      unknown.push(await timed(`someone-${i}-${c.clinicId.slice(0, 8)}@example.org`));
    }
    const ratio = median(unknown) / median(known);
    expect(
      ratio,
      `unknown ${median(unknown).toFixed(1)} ms vs known ${median(known).toFixed(1)} ms`,
    ).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });
});
