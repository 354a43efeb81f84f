import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { recordDosing } from '../fhir/test/fixtures.ts';

describe.each(testBackends())('chart summary on %s', (backend) => {
  const h = useTestApp(backend);
  const url = (id: string) => `/api/v1/patients/${id}/chart-summary`;

  it('holds the demographics, open alerts, active plan, latest score per instrument and last 5 sessions', async () => {
    const c = await h.newClinic();
    const fixture = await recordDosing(h, c);
    const nurse = await c.login('nurse');
    const db = h.database.db;
    // Five older sessions (cancelled bookings), so the summary must keep only the newest five of six.
    const first = await db
      .selectFrom('dosing_sessions')
      .selectAll()
      .where('id', '=', fixture.sessionId)
      .executeTakeFirstOrThrow();
    const { id: _id, ...rest } = first;
    for (let day = 1; day <= 5; day++)
      await db
        .insertInto('dosing_sessions')
        .values({
          ...rest,
          status: 'cancelled',
          scheduled_at: new Date(first.scheduled_at.getTime() - day * 86_400_000),
          dose_started_at: null,
          locked_at: first.scheduled_at,
        } as never)
        .execute();
    // A later PHQ-9 entered in error must not hide the earlier one; a GAD-7 is listed beside it.
    h.clock.advance(60_000);
    const gad = await nurse.post(`/api/v1/patients/${c.patientId}/assessments`, {
      instrument: 'gad7',
      answers: [1, 1, 1, 1, 1, 1, 1],
    });
    expect(gad.status).toBe(201);
    const wrong = await nurse.post(`/api/v1/patients/${c.patientId}/assessments`, {
      instrument: 'phq9',
      answers: [3, 3, 3, 3, 3, 3, 3, 3, 0],
    });
    expect(
      (
        await nurse.post(`/api/v1/patients/${c.patientId}/assessments/${wrong.body.id}/entered-in-error`, {
          reason: 'entered for the wrong patient',
        })
      ).status,
    ).toBe(200);

    const r = await nurse.get(url(c.patientId));
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.body.patient).toMatchObject({ id: c.patientId });
    expect(r.body.openAlertCount).toBe(1);
    expect(r.body.openAlerts).toEqual([
      expect.objectContaining({ id: fixture.alertId, kind: 'suicide_risk' }),
    ]);
    expect(r.body.activePlan).toMatchObject({
      id: fixture.planId,
      drug: 'esketamine',
      route: 'intranasal',
      plannedSessions: 8,
    });
    expect(r.body.latestScores).toEqual([
      expect.objectContaining({ instrument: 'gad7', total: 7 }),
      expect.objectContaining({ instrument: 'phq9', total: 1 }),
    ]);
    expect(r.body.recentSessions).toHaveLength(5);
    expect(r.body.recentSessions[0]).toMatchObject({
      id: fixture.sessionId,
      status: 'monitoring',
      totalDoseMg: '56',
      route: 'intranasal',
    });
    const times = r.body.recentSessions.map((s: { scheduledAt: string }) => s.scheduledAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(r.body.recentSessions.slice(1).every((s: { status: string }) => s.status === 'cancelled')).toBe(
      true,
    );

    // One audit entry for the read, in the patient's name.
    const entries = await db
      .selectFrom('audit_log')
      .select(['action', 'resource_type', 'patient_id', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('user_id', '=', c.users.nurse.id)
      .where('action', '=', 'read')
      .where('resource_type', '=', 'patient')
      .execute();
    expect(entries.filter((e) => (e.details as { view?: string } | null)?.view === 'chart_summary')).toEqual([
      expect.objectContaining({ patient_id: c.patientId }),
    ]);

    // Acknowledged, the alert leaves the summary; a stopped plan is no longer the active one.
    const prescriber = await c.login('prescriber');
    expect(
      (await prescriber.post(`/api/v1/alerts/${fixture.alertId}/ack`, { note: 'called the patient' })).status,
    ).toBe(200);
    await db
      .updateTable('plan_treatment_plans')
      .set({ status: 'stopped', ended_at: h.clock.now() })
      .where('id', '=', fixture.planId)
      .execute();
    const after = await prescriber.get(url(c.patientId));
    expect(after.body).toMatchObject({ openAlertCount: 0, openAlerts: [], activePlan: null });
  });

  it('answers a patient without any record with empty parts', async () => {
    const c = await h.newClinic();
    const r = await (await c.login('therapist')).get(url(c.patientId));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      openAlertCount: 0,
      openAlerts: [],
      activePlan: null,
      latestScores: [],
      recentSessions: [],
    });
  });

  it('refuses the front desk and the patient, hides other clinics, names a bad id', async () => {
    const c = await h.newClinic();
    const other = await h.newClinic();
    expect((await (await c.login('front_desk')).get(url(c.patientId))).status).toBe(403);
    expect((await (await c.login('patient')).get(url(c.patientId))).status).toBe(403);
    const nurse = await c.login('nurse');
    const hidden = await nurse.get(url(other.patientId));
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('not_found');
    const bad = await nurse.get(url('not-a-uuid'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('params.id');
    // Neither refusal wrote an entry naming the other clinic's patient.
    const named = await h.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('clinic_id', '=', c.clinicId)
      .where('patient_id', '=', other.patientId)
      .execute();
    expect(named).toEqual([]);
  });
});
