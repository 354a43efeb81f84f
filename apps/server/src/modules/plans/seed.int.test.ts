import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo.ts';
import { Client, useTestApp } from '../../test/harness.ts';
import { plansModule } from './index.ts';

// The demo clinic has fixed logins, so seed it only on the embedded database (a fresh one per file);
// on the shared PostgreSQL schema another file's demo seed would collide on the emails.
describe.each(testBackends().filter((b) => b === 'pglite'))('plans demo data on %s', (backend) => {
  const h = useTestApp(backend);

  it('seeds intakes, a review case, signed consents, active/completed plans and a draft for the new referral', async () => {
    const info = await seedDemo(h.built.ctx, [plansModule]);
    const prescriber = new Client(h.app);
    expect((await prescriber.login('prescriber@freshstart.example', DEMO_PASSWORD)).status).toBe(200);
    const plans = async (key: string) =>
      (await prescriber.get(`/api/v1/patients/${info.patientIds[key]}/plans`)).body.items;
    expect(await plans('portal')).toMatchObject([
      { status: 'active', route: 'iv', sessionsCompleted: 4, plannedSessions: 6, missingConsents: [] },
    ]);
    expect(await plans('p2')).toMatchObject([{ status: 'completed', progressPct: 100 }]);
    expect(await plans('p4')).toMatchObject([{ status: 'active', route: 'intranasal', missingConsents: [] }]);
    expect(await plans('p9')).toMatchObject([{ status: 'draft', approvedBy: null }]);
    const review = (await prescriber.get(`/api/v1/patients/${info.patientIds.p7}/eligibility`)).body.items;
    expect(review).toMatchObject([{ eligible: 'review', decision: null }]);
    const p9 = await prescriber.post(`/api/v1/patients/${info.patientIds.p9}/eligibility`, {});
    expect(p9.body.eligible).toBe('review');
    // Recent weights: the calculator works for the demo patients.
    const ivId = (await plans('portal'))[0].protocolId;
    const dose = await prescriber.post('/api/v1/dose/calculate', {
      protocolId: ivId,
      patientId: info.patientIds.portal,
      concentrationMgPerMl: 10,
    });
    expect(dose.body).toMatchObject({ doseMg: 36, volumeMl: 3.6, blocked: false });
  });
});
