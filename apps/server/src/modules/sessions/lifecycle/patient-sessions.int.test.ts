import { formatTime } from '@plasticity/clinical/time-format';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type Client, type TestApp, type TestClinic, useTestApp } from '../../../test/harness.ts';
import { cleanIntake, protocolIds } from '../../plans/test-fixtures.ts';
import { dose, ESK, newSession, readyForDosing } from '../test/fixtures.ts';

/** From monitoring to discharged: recovery, then a prescriber's recorded override of what is still open. */
async function discharge(prescriber: Client, nurse: Client, id: string) {
  expect((await nurse.post(`/api/v1/sessions/${id}/transition`, { to: 'recovery' })).status).toBe(200);
  const r = await prescriber.post(`/api/v1/sessions/${id}/transition`, {
    to: 'discharged',
    overrideReason: 'discharge criteria checked on paper for this test',
  });
  expect(r.status, r.text).toBe(200);
}

async function planFor(h: TestApp, c: TestClinic, prescriber: Client, protocolId: string) {
  await prescriber.post(`/api/v1/patients/${c.patientId}/intake`, cleanIntake());
  const plan = await prescriber.post(`/api/v1/patients/${c.patientId}/plans`, {
    protocolId,
    indications: ['trd'],
    plannedSessions: 6,
  });
  expect(plan.status, plan.text).toBe(201);
  h.clock.advance(1000);
  return plan.body as { id: string; sessionsCompleted: number };
}

const plansOf = async (client: Client, c: TestClinic) =>
  (await client.get(`/api/v1/patients/${c.patientId}/plans`)).body.items as Array<{
    id: string;
    sessionsCompleted: number;
    progressPct: number;
  }>;

describe.each(testBackends())('a patient’s sessions and the plan’s count on %s', (backend) => {
  const h = useTestApp(backend);

  it('counts a discharged session with a recorded dose as given: the plan says 1 of 6, the chart lists it with its dose', async () => {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const nurse = await c.login('nurse');
    const ids = await protocolIds(prescriber);
    const plan = await planFor(h, c, prescriber, ids.intranasal);
    expect(plan.sessionsCompleted).toBe(0);

    const s = await newSession(h, c, nurse, ids.intranasal, '4');
    await readyForDosing(h, c, nurse, s.id);
    await dose(h, prescriber, nurse, s.id, 56);
    await discharge(prescriber, nurse, s.id);

    const [p] = await plansOf(nurse, c);
    expect(p).toMatchObject({ id: plan.id, sessionsCompleted: 1, progressPct: 17 });

    // A booked session that never got a dose is listed but not counted.
    const later = await newSession(h, c, nurse, ids.intranasal, '5');
    expect(
      (
        await nurse.post(`/api/v1/sessions/${later.id}/transition`, {
          to: 'cancelled',
          reason: 'patient unwell',
        })
      ).status,
    ).toBe(200);

    const list = await nurse.get(`/api/v1/patients/${c.patientId}/sessions`);
    expect(list.status, list.text).toBe(200);
    expect(list.body.items).toHaveLength(2);
    const given = list.body.items.find((x: { id: string }) => x.id === s.id);
    expect(given).toMatchObject({
      status: 'discharged',
      chair: '4',
      given: true,
      totalDoseMg: '56',
      protocol: { drug: 'esketamine', route: 'intranasal' },
      alerts: { total: 0, open: 0 },
    });
    expect(given.doses).toEqual([expect.objectContaining({ doseMg: '56', drug: 'esketamine' })]);
    expect(given.dischargedAt).toEqual(expect.any(String));
    expect(list.body.items.find((x: { id: string }) => x.id === later.id)).toMatchObject({
      status: 'cancelled',
      given: false,
      totalDoseMg: null,
      doses: [],
    });
    expect((await plansOf(nurse, c))[0]?.sessionsCompleted).toBe(1);
  });

  it('reads only within the clinic and for clinicians; the read is audited', async () => {
    const c = await h.newClinic();
    const other = await h.newClinic();
    const url = `/api/v1/patients/${c.patientId}/sessions`;
    expect((await (await other.login('nurse')).get(url)).status).toBe(404);
    expect((await (await c.login('front_desk')).get(url)).status).toBe(403);
    expect((await (await c.login('patient')).get(url)).status).toBe(403);
    expect((await (await c.login('therapist')).get(url)).status).toBe(200);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'resource_type', 'patient_id'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'dosing_session')
      .execute();
    expect(audit).toContainEqual({
      action: 'query',
      resource_type: 'dosing_session',
      patient_id: c.patientId,
    });
  });

  it('tells the earliest discharge time in the clinic’s time zone, not in UTC', async () => {
    const c = await h.newClinic();
    await h.database.db
      .updateTable('clinics')
      .set({ time_zone: 'America/Los_Angeles' })
      .where('id', '=', c.clinicId)
      .execute();
    const prescriber = await c.login('prescriber');
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse, ESK);
    await readyForDosing(h, c, nurse, s.id);
    await dose(h, prescriber, nurse, s.id);
    const r = await nurse.get(`/api/v1/sessions/${s.id}`);
    const earliest = r.body.discharge.earliestAt as string;
    const msg = r.body.discharge.failing.find((f: { key: string }) => f.key === 'time_since_dose').message;
    expect(msg).toContain(`(not before ${formatTime(earliest, 'America/Los_Angeles')})`);
    expect(formatTime(earliest, 'America/Los_Angeles')).not.toBe(formatTime(earliest, 'UTC'));
    expect(msg).not.toContain(earliest);
  });
});
