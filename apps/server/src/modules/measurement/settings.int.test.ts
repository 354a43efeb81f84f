import { phq9 } from '@plasticity/clinical/instruments';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';

describe.each(testBackends())('measurement settings on %s', (backend) => {
  const h = useTestApp(backend);

  it('lets the admin set the PCL-5 cut-off, the escalation time and a custom instrument; refuses bad values', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    expect((await admin.get('/api/v1/measurement/settings')).body).toEqual({
      alertEscalationMinutes: 15,
      instrumentSettings: {},
      customInstruments: [],
    });
    expect(
      (
        await (
          await c.login('nurse')
        ).request('PUT', '/api/v1/measurement/settings', { alertEscalationMinutes: 5 })
      ).status,
    ).toBe(403);

    const bad = await admin.request('PUT', '/api/v1/measurement/settings', {
      instrumentSettings: { pcl5: { cutoff: 40 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('body.instrumentSettings.pcl5');
    const badCustom = await admin.request('PUT', '/api/v1/measurement/settings', {
      customInstruments: [{ id: 'x' }],
    });
    expect(badCustom.status).toBe(400);

    const custom = { ...phq9, id: 'phq9_local', name: 'PHQ-9 (local copy)' };
    const ok = await admin.request('PUT', '/api/v1/measurement/settings', {
      alertEscalationMinutes: 10,
      instrumentSettings: { pcl5: { cutoff: 31 } },
      customInstruments: [custom],
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.alertEscalationMinutes).toBe(10);

    const nurse = await c.login('nurse');
    const ids = (await nurse.get('/api/v1/instruments')).body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain('phq9_local');
    const answers = Array(20).fill(0);
    for (let i = 0; i < 16; i++) answers[i] = 2; // total 32: positive at 31, negative at the default 33
    const pcl = await nurse.post(`/api/v1/patients/${c.patientId}/assessments`, {
      instrument: 'pcl5',
      answers,
    });
    expect(pcl.status).toBe(201);
    expect(pcl.body.total).toBe(32);
    const def = (await nurse.get('/api/v1/instruments')).body.items.find(
      (i: { id: string }) => i.id === 'pcl5',
    );
    expect(def.cutoff.value).toBe(31);
    const local = await nurse.post(`/api/v1/patients/${c.patientId}/assessments`, {
      instrument: 'phq9_local',
      answers: [3, 3, 3, 3, 3, 0, 0, 0, 0],
    });
    expect(local.body).toMatchObject({ total: 15, severity: 'moderately severe' });
  });
});
