/** The demo clinic's sliding scale: the default tiers saved as version 1 and the portal patient on the 50 % tier. */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../../seed/demo.ts';
import { Client, useTestApp } from '../../../test/harness.ts';
import { activeDiscount } from './active-discount.ts';
import { slidingScaleModule } from './index.ts';

// Fixed demo logins: only on the embedded database (see the scheduling seed test).
describe.each(testBackends().filter((b) => b === 'pglite'))('sliding-scale demo data on %s', (backend) => {
  const h = useTestApp(backend);

  it('has tiers and an active assessment for the portal patient', async () => {
    const info = await seedDemo(h.built.ctx, [slidingScaleModule]);
    const portalId = info.patientIds.portal as string;
    const desk = new Client(h.app);
    expect((await desk.login('frontdesk@freshstart.example', DEMO_PASSWORD)).status).toBe(200);
    expect((await desk.get('/api/v1/access/sliding-scale/tiers')).body.current.version).toBe(1);
    const list = await desk.get(`/api/v1/patients/${portalId}/sliding-scale`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ status: 'active', discountPercent: 50, tierLabel: 'Tier 2' });
    expect((await activeDiscount(h.database.db, info.clinicId, portalId, h.clock.now()))?.percent).toBe(50);
  });
});
