/** Records the FHIR tests read back: a dosing session with readings, a weight, assessments. */

import { toJson } from '@plasticity/db';
import { expect } from 'vitest';
import type { Client, TestApp, TestClinic } from '../../../test/harness.ts';
import { at, ESK, newSession } from '../../sessions/test/fixtures.ts';

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

/** A draft treatment plan for the patient with these indications (entered in error when asked). */
export async function addPlan(
  h: TestApp,
  c: TestClinic,
  patientId: string,
  indications: string[],
  inError = false,
) {
  // The clinic's protocol library is written the first time it is read.
  expect((await (await c.login('prescriber')).get('/api/v1/protocols')).status).toBe(200);
  const protocol = await h.database.db
    .selectFrom('plan_protocols')
    .select(['id', 'version'])
    .where('clinic_id', '=', c.clinicId)
    .where('protocol_key', '=', ESK)
    .executeTakeFirstOrThrow();
  await h.database.db
    .insertInto('plan_treatment_plans')
    .values({
      clinic_id: c.clinicId,
      patient_id: patientId,
      protocol_id: protocol.id,
      protocol_version: protocol.version,
      indications: toJson(indications),
      target_instruments: toJson(['phq9']),
      planned_sessions: 6,
      status: 'draft',
      ...(inError ? { entered_in_error_at: h.clock.now(), entered_in_error_reason: 'wrong patient' } : {}),
    })
    .execute();
}
