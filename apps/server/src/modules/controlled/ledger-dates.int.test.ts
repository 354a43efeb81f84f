/**
 * The register ledger's date filters: a date is a day in the clinic's time zone (here the default,
 * America/New_York, UTC−5 in January), from its first instant to the next day's first; an instant is taken
 * as given (`to` inclusive).
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { FUTURE, setUpStock } from './testing.ts';

describe.each(testBackends())('ledger date filters on %s', (backend) => {
  const h = useTestApp(backend);

  it('reads a date in the clinic’s zone and an instant as given', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const receive = async (lot: string, occurredAt: string) => {
      const r = await s.nurse.post('/api/v1/controlled/containers', {
        productId: s.productId,
        lot,
        expiresOn: FUTURE,
        locationId: s.locationId,
        receipt: { quantity: '10', supplierId: s.supplierId, invoice: 'INV-1', occurredAt },
      });
      expect(r.status, r.text).toBe(201);
      return r.body.id as string;
    };
    const lateEvening = await receive('L-EVE', '2026-01-15T04:30:00.000Z'); // 23:30 on the 14th in New York
    const afterMidnight = await receive('L-MID', '2026-01-15T05:30:00.000Z'); // 00:30 on the 15th
    const containersOn = async (query: string) => {
      const r = await s.nurse.get(`/api/v1/controlled/ledger?${query}`);
      expect(r.status, r.text).toBe(200);
      return [...new Set((r.body.items as Array<{ containerId: string }>).map((e) => e.containerId))];
    };
    expect(await containersOn('from=2026-01-14&to=2026-01-14')).toEqual([lateEvening]);
    expect(await containersOn('from=2026-01-15&to=2026-01-15')).toEqual([afterMidnight]);
    expect(await containersOn('from=2026-01-15T05:00:00.000Z&to=2026-01-15T05:30:00.000Z')).toEqual([
      afterMidnight,
    ]);
    expect(await containersOn('to=2026-01-15T05:29:59.999Z')).toEqual([lateEvening]);
  });
});
