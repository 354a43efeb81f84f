/**
 * A course from the treatment plan: the proposal follows the protocol's schedule in free chair time and keeps
 * its local time across the daylight-saving change; the series is booked all or nothing.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type Client, type TestApp, type TestClinic, useTestApp } from '../../../test/harness.ts';
import { cleanIntake, protocolIds } from '../../plans/test-fixtures.ts';

async function chair(h: TestApp, c: TestClinic, name: string, kind = 'infusion_chair' as const) {
  const r = await h.database.db
    .insertInto('chairs')
    .values({ clinic_id: c.clinicId, name, kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** An IV ketamine plan of the clinic's patient (6 planned sessions): approved unless `draft`. */
async function ivPlan(c: TestClinic, prescriber: Client, opts: { draft?: boolean } = {}) {
  const ids = await protocolIds(prescriber);
  const nurse = await c.login('nurse');
  expect((await nurse.post(`/api/v1/patients/${c.patientId}/intake`, cleanIntake())).status).toBeLessThan(
    300,
  );
  const d = await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility`, { protocolId: ids.iv });
  expect(d.status).toBe(200);
  const s = await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility/${d.body.id}/sign`, {
    decision: 'approved',
    reason: 'reviewed',
  });
  expect(s.status).toBe(200);
  const p = await prescriber.post(`/api/v1/patients/${c.patientId}/plans`, {
    protocolId: ids.iv,
    indications: ['trd'],
    plannedSessions: 6,
  });
  expect(p.status).toBe(201);
  if (!opts.draft) {
    const t = await prescriber.post(`/api/v1/patients/${c.patientId}/plans/${p.body.id}/transition`, {
      to: 'approved',
    });
    expect(t.status).toBe(200);
  }
  return p.body.id as string;
}

/** Mondays 10:00 New York across the change to daylight time on 2027-03-14. */
const MONDAYS = { earliestDate: '2027-03-08', preferredWeekdays: [1], preferredTimes: ['10:00'] };
const MONDAYS_UTC = ['2027-03-08T15:00:00.000Z', '2027-03-15T14:00:00.000Z', '2027-03-22T14:00:00.000Z'];

describe.each(testBackends())('courses from a treatment plan on %s', (backend) => {
  const h = useTestApp(backend);

  it('proposes the series in free chair time, keeping 10:00 local across the daylight-saving change', async () => {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const fd = await c.login('front_desk');
    const a = await chair(h, c, 'Chair A');
    const b = await chair(h, c, 'Chair B');
    await chair(h, c, 'Spravato 1', 'spravato_room' as 'infusion_chair');
    const planId = await ivPlan(c, prescriber);
    // Chair A is taken on 2027-03-15 at 10:00: that visit goes to chair B.
    await h.database.db
      .insertInto('appointments')
      .values({
        clinic_id: c.clinicId,
        patient_id: (
          await h.database.db
            .insertInto('patients')
            .values({
              clinic_id: c.clinicId,
              mrn: 'MRN-OTHER',
              first_name: 'Other',
              last_name: 'Patient',
              date_of_birth: '1980-01-01',
              sex: 'male',
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
        type: 'dosing',
        start_at: new Date('2027-03-15T13:30:00Z'),
        end_at: new Date('2027-03-15T15:00:00Z'),
        held_until: new Date('2027-03-15T15:15:00Z'),
        chair_id: a,
      })
      .execute();

    const r = await fd.post(`/api/v1/plans/${planId}/course/proposal`, { ...MONDAYS, count: 3 });
    expect(r.status).toBe(200);
    expect(r.body.planId).toBe(planId);
    expect(r.body.durationMin).toBeGreaterThanOrEqual(100);
    expect(r.body.items.map((i: { start: string }) => i.start)).toEqual(MONDAYS_UTC);
    expect(r.body.items.map((i: { chairId: string }) => i.chairId)).toEqual([a, b, a]);
    expect(r.body.items.map((i: { chairName: string }) => i.chairName)).toEqual([
      'Chair A',
      'Chair B',
      'Chair A',
    ]);
    expect(r.body.items.map((i: { index: number }) => i.index)).toEqual([1, 2, 3]);
    const first = r.body.items[0];
    expect(Date.parse(first.end) - Date.parse(first.start)).toBe(r.body.durationMin * 60_000);

    // Without a count: the plan's six planned sessions.
    const all = await fd.post(`/api/v1/plans/${planId}/course/proposal`, { earliestDate: '2027-03-08' });
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(6);

    // A chair of another clinic → 404; the patient role may not ask.
    const other = await h.newClinic();
    const otherChair = await chair(h, other, 'Elsewhere');
    const foreign = await fd.post(`/api/v1/plans/${planId}/course/proposal`, { chairId: otherChair });
    expect(foreign.status).toBe(404);
    expect(
      (await (await c.login('patient')).post(`/api/v1/plans/${planId}/course/proposal`, {})).status,
    ).toBe(403);
    expect(
      (await (await other.login('front_desk')).post(`/api/v1/plans/${planId}/course/proposal`, {})).status,
    ).toBe(404);
  });

  it('proposes no course from a plan that is not approved yet', async () => {
    const c = await h.newClinic();
    const planId = await ivPlan(c, await c.login('prescriber'), { draft: true });
    await chair(h, c, 'Chair A');
    const r = await (await c.login('front_desk')).post(`/api/v1/plans/${planId}/course/proposal`, {});
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('precondition_failed');
    expect(r.body.error.message).toBe('the plan is not approved yet');
  });
});
