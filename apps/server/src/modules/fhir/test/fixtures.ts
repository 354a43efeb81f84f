/** Records the FHIR tests read back: a dosing session with readings, a weight, assessments. */

import { toJson } from '@plasticity/db';
import type { Client, TestApp, TestClinic } from '../../../test/harness.ts';
import { makeChair } from '../../scheduling/appointments/test/fixtures.ts';
import { at, dose, ESK, newSession, readyForDosing } from '../../sessions/test/fixtures.ts';

export interface FhirFixture {
  sessionId: string;
  /** Reading ids, in the order posted. */
  vitalIds: string[];
}

/**
 * A session with `readings` readings one minute apart ending now (each with every vital sign, the first without
 * a diastolic pressure), a measured weight, a PHQ-9 (total 7) and a GAD-7.
 */
export async function recordObservations(
  h: TestApp,
  c: TestClinic,
  nurse: Client,
  readings = 3,
): Promise<FhirFixture> {
  const s = await newSession(h, c, nurse);
  const body = Array.from({ length: readings }, (_, i) => ({
    at: at(h, -(readings - i) * 60_000),
    sbp: 120 + i,
    ...(i === 0 ? {} : { dbp: 80 }),
    hr: 70,
    spo2: 97,
    rr: 14,
    tempC: 36.8,
  }));
  const v = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
    idempotencyKey: `fhir-${s.id}`,
    readings: body,
  });
  if (v.status !== 201) throw new Error(`vitals: ${v.status} ${v.text}`);
  const w = await nurse.post(`/api/v1/patients/${c.patientId}/weights`, {
    weightKg: 70.5,
    measuredAt: at(h),
  });
  if (w.status !== 201) throw new Error(`weight: ${w.status} ${w.text}`);
  for (const [instrument, answers] of [
    ['phq9', [1, 1, 2, 1, 0, 1, 1, 0, 0]],
    ['gad7', [1, 1, 1, 1, 1, 1, 1]],
  ] as const) {
    const a = await nurse.post(`/api/v1/patients/${c.patientId}/assessments`, { instrument, answers });
    if (a.status !== 201) throw new Error(`${instrument}: ${a.status} ${a.text}`);
  }
  return { sessionId: s.id, vitalIds: v.body.readings.map((r: { id: string }) => r.id) };
}

export interface DosingRecordFixture {
  sessionId: string;
  administrationId: string;
  adverseEventId: string;
  planId: string;
  alertId: string;
  appointmentId: string;
}

/**
 * Everything the newer FHIR types map, for the clinic's patient: an esketamine dosing session with one dose
 * (lot LOT-1) and an adverse event after it, an active treatment plan, a PHQ-9 whose item 9 raises a
 * suicide-risk alert, and a booked appointment in a therapy room. The plan's indications are `trd` unless
 * given (a substance use disorder makes the patient's records Part 2 records).
 */
export async function recordDosing(
  h: TestApp,
  c: TestClinic,
  indications: string[] = ['trd'],
): Promise<DosingRecordFixture> {
  const nurse = await c.login('nurse');
  const prescriber = await c.login('prescriber');
  const s = await newSession(h, c, nurse);
  await readyForDosing(h, c, nurse, s.id);
  await dose(h, prescriber, nurse, s.id);
  const ae = await nurse.post(`/api/v1/sessions/${s.id}/observations`, {
    kind: 'adverse_event',
    at: at(h, 60_000),
    description: 'Transient nausea',
    severity: 'mild',
    serious: false,
    outcome: 'resolved',
  });
  if (ae.status !== 201) throw new Error(`adverse event: ${ae.status} ${ae.text}`);
  const phq9 = await nurse.post(`/api/v1/patients/${c.patientId}/assessments`, {
    instrument: 'phq9',
    answers: [0, 0, 0, 0, 0, 0, 0, 0, 1],
  });
  if (phq9.status !== 201) throw new Error(`phq9: ${phq9.status} ${phq9.text}`);
  const chairId = await makeChair(h, c, 'Room 9', 'therapy_room');
  const appt = await (await c.login('front_desk')).post('/api/v1/appointments', {
    patientId: c.patientId,
    type: 'therapy',
    start: '2030-01-08T15:00:00.000Z',
    chairId,
  });
  if (appt.status !== 201) throw new Error(`appointment: ${appt.status} ${appt.text}`);
  const db = h.database.db;
  const administration = await db
    .selectFrom('session_administrations')
    .select('id')
    .where('session_id', '=', s.id)
    .executeTakeFirstOrThrow();
  const observation = await db
    .selectFrom('session_observations')
    .select('id')
    .where('session_id', '=', s.id)
    .where('kind', '=', 'adverse_event')
    .executeTakeFirstOrThrow();
  const alert = await db
    .selectFrom('alerts')
    .select('id')
    .where('clinic_id', '=', c.clinicId)
    .where('kind', '=', 'suicide_risk')
    .executeTakeFirstOrThrow();
  // The clinic's protocol library is written the first time it is read.
  const library = await prescriber.get('/api/v1/protocols');
  if (library.status !== 200) throw new Error(`protocols: ${library.status}`);
  const protocol = await db
    .selectFrom('plan_protocols')
    .select(['id', 'version'])
    .where('clinic_id', '=', c.clinicId)
    .where('protocol_key', '=', ESK)
    .executeTakeFirstOrThrow();
  const plan = await db
    .insertInto('plan_treatment_plans')
    .values({
      clinic_id: c.clinicId,
      patient_id: c.patientId,
      protocol_id: protocol.id,
      protocol_version: protocol.version,
      indications: toJson(indications),
      target_instruments: toJson(['phq9']),
      planned_sessions: 8,
      status: 'active',
      activated_at: h.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    sessionId: s.id,
    administrationId: administration.id,
    adverseEventId: observation.id,
    planId: plan.id,
    alertId: alert.id,
    appointmentId: appt.body.id,
  };
}

/**
 * A treatment plan on the clinic's esketamine protocol line for the patient, written straight into the table
 * (the library is written first, as its first read does).
 */
export async function addPlan(
  h: TestApp,
  c: TestClinic,
  patientId: string,
  opts: { indications: string[]; status?: 'draft' | 'approved' | 'active'; inError?: boolean },
): Promise<void> {
  const library = await (await c.login('prescriber')).get('/api/v1/protocols');
  if (library.status !== 200) throw new Error(`protocols: ${library.status}`);
  const protocol = await h.database.db
    .selectFrom('plan_protocols')
    .select(['id', 'version'])
    .where('clinic_id', '=', c.clinicId)
    .where('protocol_key', '=', ESK)
    .executeTakeFirstOrThrow();
  const status = opts.status ?? 'draft';
  await h.database.db
    .insertInto('plan_treatment_plans')
    .values({
      clinic_id: c.clinicId,
      patient_id: patientId,
      protocol_id: protocol.id,
      protocol_version: protocol.version,
      indications: toJson(opts.indications),
      target_instruments: toJson(['phq9']),
      planned_sessions: 6,
      status,
      ...(status === 'draft' ? {} : { approved_at: h.clock.now() }),
      ...(opts.inError
        ? { entered_in_error_at: h.clock.now(), entered_in_error_reason: 'wrong patient' }
        : {}),
    })
    .execute();
}
