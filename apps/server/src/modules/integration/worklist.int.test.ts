/**
 * The integration worklist through the API: after an IV dosing session is discharged (the real discharge route), the
 * care team's worklist shows its integration visit due from discharge + 24 h to + 72 h; after + 72 h it is overdue;
 * an integration appointment booked after discharge makes it booked; a completed one, or a signed integration note
 * for the session, takes it off the list (a note marked entered in error puts it back).
 * Front desk and patients may not read it.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import type { Client, TestApp, TestClinic } from '../../test/harness.ts';
import { useTestApp } from '../../test/harness.ts';
import { at, IV, newSession, readyForDosing } from '../sessions/test/fixtures.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** An IV session dosed with a 40-minute infusion, observed, and discharged 101 minutes after the start. */
async function dischargedIvSession(h: TestApp, c: TestClinic) {
  let nurse = await c.login('nurse');
  const prescriber = await c.login('prescriber');
  const s = await newSession(h, c, nurse, IV, '4');
  await readyForDosing(h, c, nurse, s.id);
  const d = await prescriber.post(`/api/v1/sessions/${s.id}/transition`, {
    to: 'dosing',
    overrideReason: 'test',
  });
  expect(d.status, d.text).toBe(200);
  const adm = await nurse.post(`/api/v1/sessions/${s.id}/administrations`, {
    doseMg: 35,
    startedAt: at(h),
    stoppedAt: at(h, 40 * MIN),
    lot: 'LOT-IV',
    expiry: '2027-01-31',
    notFromRegisterReason: 'Recorded from the paper chart for this test',
  });
  expect(adm.status, adm.text).toBe(201);
  expect((await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'monitoring' })).status).toBe(200);
  expect((await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'recovery' })).status).toBe(200);
  h.clock.advance(101 * MIN);
  nurse = await c.login('nurse');
  await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
    idempotencyKey: `late-${s.id}`,
    readings: [{ at: at(h), sbp: 130, dbp: 82, hr: 74, spo2: 97, rr: 14 }],
  });
  await nurse.post(`/api/v1/sessions/${s.id}/observations`, { kind: 'moaas', at: at(h), score: 5 });
  await nurse.request('PUT', `/api/v1/sessions/${s.id}/discharge-assessment`, {
    gait: 'steady',
    nausea: 'none',
    escortPresent: true,
  });
  const out = await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'discharged' });
  expect(out.status, out.text).toBe(200);
  const detail = await nurse.get(`/api/v1/sessions/${s.id}`);
  return { id: s.id, dischargedAt: new Date(detail.body.dischargedAt as string) };
}

type Item = {
  patientId: string;
  sessionId: string;
  dueFrom: string;
  dueBy: string;
  status: string;
  appointmentId: string | null;
};

async function worklist(client: Client): Promise<Item[]> {
  const r = await client.get('/api/v1/integration/worklist');
  expect(r.status, r.text).toBe(200);
  return r.body.items as Item[];
}

describe.each(testBackends())('integration worklist on %s', (backend) => {
  const h = useTestApp(backend);

  it('shows the visit due 24–72 h after discharge, overdue after, booked once booked, gone once completed', async () => {
    const c = await h.newClinic();
    const therapist = await c.login('therapist');
    expect(await worklist(therapist)).toEqual([]);

    const s = await dischargedIvSession(h, c);
    const items = await worklist(await c.login('therapist'));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      patientId: c.patientId,
      sessionId: s.id,
      status: 'due',
      dueFrom: new Date(s.dischargedAt.getTime() + 24 * HOUR).toISOString(),
      dueBy: new Date(s.dischargedAt.getTime() + 72 * HOUR).toISOString(),
      appointmentId: null,
    });
    expect(Object.keys(items[0] ?? {})).toEqual(
      expect.arrayContaining(['patientId', 'sessionId', 'dueFrom', 'dueBy', 'status']),
    );

    h.clock.advance(72 * HOUR + MIN);
    const late = await c.login('therapist');
    expect((await worklist(late))[0]?.status).toBe('overdue');
    const filtered = await late.get('/api/v1/integration/worklist?status=due');
    expect(filtered.body.items).toEqual([]);

    const frontDesk = await c.login('front_desk');
    const booked = await frontDesk.post('/api/v1/appointments', {
      patientId: c.patientId,
      type: 'integration',
      start: new Date(h.clock.now().getTime() + 2 * HOUR).toISOString(),
    });
    expect(booked.status, booked.text).toBe(201);
    const now = await worklist(late);
    expect(now[0]).toMatchObject({ status: 'booked', appointmentId: booked.body.id });

    // No route completes a visit yet: the visit is marked completed in the database, as the day's work would.
    await h.database.db
      .updateTable('appointments')
      .set({ status: 'completed' })
      .where('id', '=', booked.body.id)
      .execute();
    expect(await worklist(late)).toEqual([]);
  });

  it('is for the care team only, audited, and scoped to the clinic', async () => {
    const c = await h.newClinic();
    await dischargedIvSession(h, c);
    for (const role of ['front_desk', 'patient'] as const) {
      const r = await (await c.login(role)).get('/api/v1/integration/worklist');
      expect(r.status, role).toBe(403);
    }
    for (const role of ['admin', 'prescriber', 'nurse', 'therapist'] as const) {
      expect(await worklist(await c.login(role)), role).toHaveLength(1);
    }
    const other = await h.newClinic();
    expect(await worklist(await other.login('therapist'))).toEqual([]);
    const entries = await h.database.db
      .selectFrom('audit_log')
      .select(['resource_type', 'category'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'integration_worklist')
      .execute();
    expect(entries.length).toBe(4);
    const bad = await (await c.login('therapist')).get('/api/v1/integration/worklist?status=late');
    expect(bad.status).toBe(400);
  });
  it('leaves the list when the therapist signs the session’s integration note, and comes back if that note was in error', async () => {
    const c = await h.newClinic();
    const s = await dischargedIvSession(h, c);
    const therapist = await c.login('therapist');
    const progress = await therapist.post(`/api/v1/patients/${c.patientId}/notes`, {
      kind: 'progress',
      body: 'Phoned after the session',
      sessionId: s.id,
    });
    expect(progress.status, progress.text).toBe(201);
    expect(await worklist(therapist), 'a progress note is not the integration visit').toHaveLength(1);

    const note = await therapist.post(`/api/v1/patients/${c.patientId}/notes`, {
      kind: 'integration',
      body: 'Integration visit held',
      sessionId: s.id,
    });
    expect(note.status, note.text).toBe(201);
    expect(await worklist(therapist)).toEqual([]);

    const wrong = await therapist.post(`/api/v1/notes/${note.body.id}/entered-in-error`, {
      reason: 'Written for the wrong patient',
    });
    expect(wrong.status, wrong.text).toBe(200);
    expect((await worklist(therapist)).map((i) => i.sessionId)).toEqual([s.id]);
  });
});
