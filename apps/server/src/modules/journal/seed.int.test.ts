/**
 * The demo clinic's journal: the prompt library, the portal patient's entries (shared and private) and other
 * patients' shared entries, and three weeks of mood check-ins; the therapist sees the shared entries only.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PATIENT_LOGIN, seedDemo } from '../../seed/demo.ts';
import { Client, useTestApp } from '../../test/harness.ts';
import { journalModule } from './index.ts';

// Fixed demo logins: only on the embedded database (see the scheduling seed test).
describe.each(testBackends().filter((b) => b === 'pglite'))('journal demo data on %s', (backend) => {
  const h = useTestApp(backend);

  it('has prompts, shared and private entries, and a mood trend', async () => {
    const info = await seedDemo(h.built.ctx, [journalModule]);
    const portalId = info.patientIds.portal as string;
    const patient = new Client(h.app);
    expect((await patient.login(DEMO_PATIENT_LOGIN, DEMO_PASSWORD)).status).toBe(200);
    const own = (await patient.get('/api/v1/portal/journal')).body.items as Array<{
      id: string;
      shared: boolean;
    }>;
    expect(own.filter((e) => e.shared).length).toBeGreaterThanOrEqual(3);
    expect(own.filter((e) => !e.shared).length).toBeGreaterThanOrEqual(2);
    const prompts = await patient.get('/api/v1/portal/journal/prompts');
    expect(prompts.body.items.length).toBeGreaterThan(0);

    const therapist = new Client(h.app);
    expect((await therapist.login('therapist@freshstart.example', DEMO_PASSWORD)).status).toBe(200);
    const shared = (await therapist.get(`/api/v1/patients/${portalId}/journal`)).body.items as Array<{
      id: string;
    }>;
    expect(shared.map((e) => e.id).sort()).toEqual(
      own
        .filter((e) => e.shared)
        .map((e) => e.id)
        .sort(),
    );
    expect((await therapist.get(`/api/v1/patients/${info.patientIds.p2}/journal`)).body.items.length).toBe(1);
    const mood = (await therapist.get(`/api/v1/patients/${portalId}/mood`)).body.items;
    expect(mood.length).toBeGreaterThanOrEqual(20);
    expect((await therapist.get('/api/v1/journal-prompts')).body.items.length).toBeGreaterThan(10);
  });
});
