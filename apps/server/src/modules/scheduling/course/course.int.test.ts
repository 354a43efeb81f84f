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

  it('books the series in one step, keeping 10:00 local across the daylight-saving change', async () => {
    const c = await h.newClinic();
    const fd = await c.login('front_desk');
    const a = await chair(h, c, 'Chair A');
    const planId = await ivPlan(c, await c.login('prescriber'));
    const proposal = await fd.post(`/api/v1/plans/${planId}/course/proposal`, { ...MONDAYS, count: 3 });
    expect(proposal.status).toBe(200);
    const items = proposal.body.items.map((i: { start: string; chairId: string }) => ({
      start: i.start,
      chairId: i.chairId,
    }));
    const r = await fd.post(`/api/v1/plans/${planId}/course`, { items });
    expect(r.status).toBe(201);
    expect(r.body.items.map((i: { start: string }) => i.start)).toEqual(MONDAYS_UTC);
    expect(r.body.items.map((i: { courseIndex: number }) => i.courseIndex)).toEqual([1, 2, 3]);
    expect(r.body.items.every((i: { courseId: string }) => i.courseId === r.body.courseId)).toBe(true);
    expect(
      r.body.items.every((i: { type: string; planId: string }) => i.type === 'dosing' && i.planId === planId),
    ).toBe(true);
    expect(r.body.items.every((i: { chairId: string }) => i.chairId === a)).toBe(true);
    expect(r.body.items[0].planState).toBe('approved');
    const local = r.body.items.map((i: { start: string }) =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/New_York',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(i.start)),
    );
    expect(local).toEqual(['10:00', '10:00', '10:00']);
    const course = await h.database.db
      .selectFrom('appointment_courses')
      .selectAll()
      .where('id', '=', r.body.courseId)
      .executeTakeFirstOrThrow();
    expect(course).toMatchObject({ clinic_id: c.clinicId, patient_id: c.patientId, plan_id: planId });

    // The proposal counts what is booked: three of the six planned visits remain, after the booked ones.
    const rest = await fd.post(`/api/v1/plans/${planId}/course/proposal`, { earliestDate: '2027-03-08' });
    expect(rest.body.items).toHaveLength(3);
    for (const i of rest.body.items) expect(MONDAYS_UTC).not.toContain(i.start);

    // The front desk finds the plan to book from in the chart, with what is booked — nothing clinical.
    const plans = await fd.get(`/api/v1/patients/${c.patientId}/course-plans`);
    expect(plans.status).toBe(200);
    expect(plans.body.items).toEqual([
      {
        id: planId,
        protocolName: expect.any(String),
        status: 'approved',
        plannedSessions: 6,
        bookedVisits: 3,
      },
    ]);
    expect(
      (await (await c.login('therapist')).get(`/api/v1/patients/${c.patientId}/course-plans`)).status,
    ).toBe(403);
    const other = await h.newClinic();
    expect((await fd.get(`/api/v1/patients/${other.patientId}/course-plans`)).status).toBe(404);
  });

  it('books nothing of a series when one visit clashes, and names it', async () => {
    const c = await h.newClinic();
    const fd = await c.login('front_desk');
    const a = await chair(h, c, 'Chair A');
    const planId = await ivPlan(c, await c.login('prescriber'));
    const pre = await fd.post(`/api/v1/plans/${planId}/course`, {
      items: [{ start: MONDAYS_UTC[1], chairId: a }],
    });
    expect(pre.status).toBe(201);
    const before = await h.database.db
      .selectFrom('appointments')
      .select('id')
      .where('clinic_id', '=', c.clinicId)
      .execute();
    const r = await fd.post(`/api/v1/plans/${planId}/course`, {
      items: MONDAYS_UTC.map((start) => ({ start, chairId: a })),
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('conflict');
    expect(r.body.error.details[0].field).toMatch(/^body\.items\[1\]/);
    const after = await h.database.db
      .selectFrom('appointments')
      .select('id')
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(after.map((x) => x.id).sort()).toEqual(before.map((x) => x.id).sort());
    const courses = await h.database.db
      .selectFrom('appointment_courses')
      .select('id')
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(courses).toHaveLength(1);

    // Two visits of the same series in one slot clash with each other just the same.
    const twice = await fd.post(`/api/v1/plans/${planId}/course`, {
      items: [
        { start: MONDAYS_UTC[2], chairId: a },
        { start: MONDAYS_UTC[2], chairId: a },
      ],
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.details[0].field).toMatch(/^body\.items\[1\]/);
    expect(
      await h.database.db
        .selectFrom('appointments')
        .select('id')
        .where('clinic_id', '=', c.clinicId)
        .execute(),
    ).toHaveLength(before.length);
  });

  it("books a draft plan's course as approval pending, and none on another clinic's plan", async () => {
    const c = await h.newClinic();
    const fd = await c.login('front_desk');
    const a = await chair(h, c, 'Chair A');
    const planId = await ivPlan(c, await c.login('prescriber'), { draft: true });
    const r = await fd.post(`/api/v1/plans/${planId}/course`, {
      items: [{ start: MONDAYS_UTC[0], chairId: a }],
    });
    expect(r.status).toBe(201);
    expect(r.body.items[0].planState).toBe('pending');
    const other = await h.newClinic();
    const foreign = await (await other.login('front_desk')).post(`/api/v1/plans/${planId}/course`, {
      items: [{ start: MONDAYS_UTC[1] }],
    });
    expect(foreign.status).toBe(404);
  });
});
