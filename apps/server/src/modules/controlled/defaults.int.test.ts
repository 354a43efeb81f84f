import { testBackends } from '@plasticity/db/testing/index';
import { generate, generateSecret } from 'otplib';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { setUpStock, witnessOf } from './testing.ts';

describe.each(testBackends())('controlled defaults and TOTP witnesses on %s', (backend) => {
  const h = useTestApp(backend);

  it('finds the one open draw for administer and waste, the supplier for a receipt and the recipient for a return', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('10');
    const post = (b: Record<string, unknown>) =>
      s.nurse.post('/api/v1/controlled/movements', { containerId: id, unit: 'mL', ...b });
    const draw = await post({ type: 'draw', quantity: '1.5', patientId: c.patientId });
    const given = await post({ type: 'administer', quantity: '1.2', patientId: c.patientId });
    expect(given.status).toBe(201);
    expect(given.body.entry.drawId).toBe(draw.body.entry.id);
    const wasted = await post({
      type: 'waste',
      from: 'draw',
      quantity: '0.3',
      reason: 'remainder',
      witness: witnessOf(c),
    });
    expect(wasted.body.entry.drawId).toBe(draw.body.entry.id);
    // Two open draws: ambiguous, the caller must say which.
    await post({ type: 'draw', quantity: '1', patientId: c.patientId });
    await post({ type: 'draw', quantity: '1', patientId: c.patientId });
    const ambiguous = await post({ type: 'administer', quantity: '1' });
    expect(ambiguous.status).toBe(400);
    expect(JSON.stringify(ambiguous.body.error.details)).toContain('body.drawId');
    const receipt = await post({ type: 'receipt', quantity: '2' });
    expect(receipt.status).toBe(201);
    expect(receipt.body.entry.supplierId).toBe(s.supplierId);
    const ret = await post({ type: 'return', quantity: '1', reason: 'recall' });
    expect(ret.status).toBe(201);
    expect(ret.body.balance).toBe('7.5');
  });

  it('accepts a witness’s current TOTP code once, refuses a replay and a wrong code', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('5');
    const secret = generateSecret();
    await h.database.db
      .updateTable('users')
      .set({ mfa_secret: secret, mfa_enabled: true })
      .where('id', '=', c.users.prescriber.id)
      .execute();
    const code = await generate({ secret, epoch: Math.floor(h.clock.now().getTime() / 1000) });
    const waste = (totp: string) =>
      s.nurse.post('/api/v1/controlled/movements', {
        type: 'waste',
        containerId: id,
        quantity: '0.1',
        unit: 'mL',
        reason: 'broken ampoule tip',
        witness: { email: c.users.prescriber.email, totp },
      });
    expect((await waste(code === '000000' ? '111111' : '000000')).status).toBe(400);
    const ok = await waste(code);
    expect(ok.status).toBe(201);
    expect(ok.body.entry.witnessUserId).toBe(c.users.prescriber.id);
    expect((await waste(code)).status).toBe(400);
  });
});
