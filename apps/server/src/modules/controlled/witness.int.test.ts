import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp } from '../../test/harness.ts';
import { setUpStock, witnessOf } from './testing.ts';

describe.each(testBackends())('controlled witness rules on %s', (backend) => {
  const h = useTestApp(backend);

  it('refuses waste with a missing, wrong, self, other-clinic, inactive or non-clinical witness — before the balance', async () => {
    const c = await h.newClinic();
    const other = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('1');
    const waste = (witness?: unknown, quantity: string | number = '5') =>
      s.nurse.post('/api/v1/controlled/movements', {
        type: 'waste',
        from: 'container',
        containerId: id,
        quantity,
        unit: 'mL',
        reason: 'dropped vial',
        ...(witness ? { witness } : {}),
      });
    await h.database.db
      .updateTable('memberships')
      .set({ active: false })
      .where('user_id', '=', c.users.admin.id)
      .execute();
    const cases: [string, unknown][] = [
      ['missing', undefined],
      ['wrong password', witnessOf(c, 'prescriber', 'not-the-password-123')],
      ['same user', witnessOf(c, 'nurse')],
      ['other clinic', { email: other.users.prescriber.email, password: TEST_PASSWORD }],
      ['therapist', { email: c.users.therapist.email, password: TEST_PASSWORD }],
      ['inactive', { email: c.users.admin.email, password: TEST_PASSWORD }],
      ['unknown email', { email: 'nobody@example.org', password: TEST_PASSWORD }],
    ];
    for (const [name, witness] of cases) {
      const r = await waste(witness);
      expect(r.status, name).toBe(400);
      expect(r.body.error.code, name).toBe('witness_invalid');
      expect(r.body.error.details[0].field, name).toBe('body.witness');
    }
    // Witness right, quantity too high → 409 only now.
    expect((await waste(witnessOf(c))).status).toBe(409);
    const ok = await waste(witnessOf(c), '0.5');
    expect(ok.status).toBe(201);
    expect(ok.body.balance).toBe('0.5');
    const ledger = await s.nurse.get(`/api/v1/controlled/ledger?containerId=${id}`);
    expect(ledger.body.items).toHaveLength(2);
  });

  it('counts a wrong witness password toward that account’s lockout', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('1');
    for (let i = 0; i < 10; i++) {
      const r = await s.nurse.post('/api/v1/controlled/movements', {
        type: 'adjust',
        containerId: id,
        quantity: '-0.1',
        unit: 'mL',
        reason: 'recount',
        witness: witnessOf(c, 'prescriber', `wrong-password-${i}-xyz`),
      });
      expect(r.status).toBe(400);
    }
    const failures = await h.database.db
      .selectFrom('auth_failures')
      .select('id')
      .where('user_id', '=', c.users.prescriber.id)
      .execute();
    expect(failures.length).toBe(10);
    // Now locked: even the right password is refused, for the witness and for login.
    const r = await s.nurse.post('/api/v1/controlled/movements', {
      type: 'adjust',
      containerId: id,
      quantity: '-0.1',
      unit: 'mL',
      reason: 'recount',
      witness: witnessOf(c),
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('locked');
    const login = await c.anonymous().login(c.users.prescriber.email);
    expect(login.status).toBe(429);
  });

  it('destroys with two distinct witnesses and DEA-41 data', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('2');
    const base = {
      type: 'destroy',
      containerId: id,
      quantity: '2',
      unit: 'mL',
      dea41: { destroyedOn: '2026-01-05', method: 'chemical digestion kit' },
    };
    const one = await s.nurse.post('/api/v1/controlled/movements', { ...base, witness: witnessOf(c) });
    expect(one.status).toBe(400);
    expect(one.body.error.details[0].field).toBe('body.witness2');
    const same = await s.nurse.post('/api/v1/controlled/movements', {
      ...base,
      witness: witnessOf(c),
      witness2: witnessOf(c),
    });
    expect(same.status).toBe(400);
    // A second prescriber to witness.
    const s2 = await h.database.db
      .selectFrom('users')
      .select('id')
      .where('id', '=', c.users.therapist.id)
      .executeTakeFirstOrThrow();
    await h.database.db
      .updateTable('memberships')
      .set({ role: 'prescriber' })
      .where('user_id', '=', s2.id)
      .execute();
    const ok = await s.nurse.post('/api/v1/controlled/movements', {
      ...base,
      witness: witnessOf(c),
      witness2: { email: c.users.therapist.email, password: TEST_PASSWORD },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.balance).toBe('0');
    expect(ok.body.entry.witness2UserId).toBe(c.users.therapist.id);
  });
});
