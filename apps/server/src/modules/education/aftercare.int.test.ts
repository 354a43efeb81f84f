/**
 * The after-care sheet: the patient's last discharged dosing session and the clinic's current after-care
 * page (with the patient's read state); the patient's own only, and audited.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { IV, newSession } from '../sessions/test/fixtures.ts';
import { AFTERCARE_SLUG } from './defaults/index.ts';

describe.each(testBackends())('after-care sheet on %s', (backend) => {
  const h = useTestApp(backend);

  it('shows the after-care page, then the last discharged session once there is one', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const before = await patient.get('/api/v1/portal/aftercare');
    expect(before.status).toBe(200);
    expect(before.body.session).toBeNull();
    expect(before.body.page).toMatchObject({ slug: AFTERCARE_SLUG, topic: 'aftercare', read: null });

    // Sessions written as discharged straight into the table (the discharge itself is tested elsewhere).
    const nurse = await c.login('nurse');
    const t = h.clock.now().getTime();
    const discharged = async (hoursAgo: number) => {
      const s = await newSession(h, c, nurse, IV, '1');
      await h.database.db
        .updateTable('dosing_sessions')
        .set({
          status: 'discharged',
          dose_started_at: new Date(t - (hoursAgo + 2) * 3_600_000),
          discharged_at: new Date(t - hoursAgo * 3_600_000),
        })
        .where('id', '=', s.id)
        .execute();
      return s;
    };
    const newer = await discharged(20);
    await discharged(72);
    await patient.post(`/api/v1/education/${AFTERCARE_SLUG}/read`, {});

    const after = await patient.get('/api/v1/portal/aftercare');
    expect(after.body.session).toMatchObject({
      id: newer.id,
      dischargedAt: new Date(t - 20 * 3_600_000).toISOString(),
    });
    expect(after.body.page.read).toMatchObject({ version: 1, current: true });
    const entries = await h.database.db
      .selectFrom('audit_log')
      .select(['patient_id', 'resource_id'])
      .where('clinic_id', '=', c.clinicId)
      .where('user_id', '=', c.users.patient.id)
      .where('resource_type', '=', 'dosing_session')
      .execute();
    expect(entries.some((e) => e.patient_id === c.patientId && e.resource_id === newer.id)).toBe(true);

    expect((await nurse.get('/api/v1/portal/aftercare')).status).toBe(403);
  });
});
