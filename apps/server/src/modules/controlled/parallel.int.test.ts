import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { setUpStock } from './testing.ts';

describe.each(testBackends())('controlled concurrency on %s', (backend) => {
  const h = useTestApp(backend);

  it('100 parallel draws of 0.7 mL against 50 mL: exactly 71 succeed, 29 get 409, balance exact', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('50');
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        s.nurse.post('/api/v1/controlled/movements', {
          type: 'draw',
          containerId: id,
          quantity: '0.7',
          unit: 'mL',
          patientId: c.patientId,
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(71);
    expect(refused).toHaveLength(29);
    for (const r of refused) expect(r.body.error.code).toBe('insufficient_balance');
    expect(new Set(ok.map((r) => r.body.balance)).size).toBe(71);
    const stock = await s.nurse.get('/api/v1/controlled/stock');
    expect(stock.body.items[0].balance).toBe('0.3');
    const ledger = await s.nurse.get(`/api/v1/controlled/ledger?containerId=${id}`);
    expect(ledger.body.items.at(-1).balance).toBe('0.3');
    expect(ledger.body.items.every((e: { balance: string }) => !e.balance.startsWith('-'))).toBe(true);
  }, 120_000);
});
