/**
 * Scale data for the read-path benchmark: `ensureScaleData(database, { patients })` spreads the patients over 50
 * clinics with the shared generator behind `npx plasticity demo generate` (`generateScaleData`: the demo clinic
 * first, then 49 generated clinics with their staff, 50 chairs each, plans, discharged sessions with readings,
 * assessments, a year of audit log), and `openChairs` fills one clinic's 50 chairs with sessions in progress,
 * each with 200 recent readings (the live board at full occupancy, and sessions to read the latest 200 of).
 */
import type { Database, DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { scaleData } from './scale-support.ts';

const CLINICS = 50;
/** Readings per open session: the vitals path reads the latest 200 of them. */
export const OPEN_READINGS = 200;

export interface ScaleClinic {
  id: string;
  nurseEmail: string;
  nurseId: string;
  chairIds: readonly string[];
  patientIds: readonly string[];
}

export interface ScaleNetwork {
  password: string;
  /** The generated clinics (the demo clinic left out: its size is not the generator's to choose). */
  clinics: ScaleClinic[];
}

export async function ensureScaleData(
  database: Database,
  opts: { patients: number; seed?: number },
): Promise<ScaleNetwork> {
  const made = await scaleData(database, {
    patients: opts.patients,
    seed: opts.seed ?? 42,
    clinics: CLINICS,
  });
  const clinics: ScaleClinic[] = [];
  for (const c of made.clinics) {
    const nurse = c.staff.find((s) => s.role === 'nurse');
    if (c.demo || !nurse) continue;
    clinics.push({
      id: c.id,
      nurseEmail: nurse.email,
      nurseId: nurse.id,
      chairIds: c.chairIds,
      patientIds: c.patientIds,
    });
  }
  return { password: made.password, clinics };
}

/**
 * Opens a session in every chair of `clinic` (status monitoring, dosed 40 minutes ago; one patient each, the
 * protocol snapshot copied from one of the clinic's generated sessions) with OPEN_READINGS readings 12 s apart
 * ending now, then `analyze`. Returns the sessions with their patients. In a kept schema (BENCH_SCHEMA) the sessions
 * an earlier run opened there are ended first (aborted a day ago), so the board shows this run's 50 only.
 */
export async function openChairs(
  db: Kysely<DB>,
  clinic: ScaleClinic,
): Promise<{ id: string; patient_id: string }[]> {
  const n = Math.min(clinic.chairIds.length, clinic.patientIds.length);
  const patients = clinic.patientIds.slice(0, n);
  const chairs = clinic.chairIds.slice(0, n);
  // Ended a day ago, so they are no longer among the board's lately closed sessions either.
  await sql`update dosing_sessions
    set status = 'aborted', locked_at = now() - interval '1 day', updated_at = now() - interval '1 day'
    where clinic_id = ${clinic.id} and status = 'monitoring'`.execute(db);
  const { rows } = await sql<{ id: string; patient_id: string }>`with t as (
      select protocol_id, protocol_version, protocol from dosing_sessions where clinic_id = ${clinic.id} limit 1
    ), x as (
      select * from unnest(${patients}::uuid[], ${chairs}::uuid[]) as x(patient_id, chair_id)
    )
    insert into dosing_sessions (clinic_id, patient_id, protocol_id, protocol_version, protocol, chair, chair_id,
      scheduled_at, status, checklist, discharge_assessment, rems_form, dose_started_at, created_by)
    select ${clinic.id}, x.patient_id, t.protocol_id, t.protocol_version, t.protocol, c.name, c.id,
      now() - interval '1 hour', 'monitoring', '{}'::jsonb, '{}'::jsonb, '{}'::jsonb,
      now() - interval '40 minutes', ${clinic.nurseId}::uuid
    from x cross join t join chairs c on c.clinic_id = ${clinic.id} and c.id = x.chair_id
    returning id, patient_id`.execute(db);
  await sql`insert into session_vitals (clinic_id, session_id, at, sbp, dbp, hr, spo2, rr, source, recorded_by,
      recorded_at)
    select ${clinic.id}, s.id, now() - make_interval(secs => (${OPEN_READINGS} - k) * 12),
      118 + k % 7, 76 + k % 5, 72 + k % 9, 97 + k % 3, 14, 'manual', ${clinic.nurseId}::uuid,
      now() - make_interval(secs => (${OPEN_READINGS} - k) * 12)
    from unnest(${rows.map((r) => r.id)}::uuid[]) as s(id) cross join generate_series(1, ${OPEN_READINGS}) as k`.execute(
    db,
  );
  await sql`analyze dosing_sessions`.execute(db);
  await sql`analyze session_vitals`.execute(db);
  return rows;
}
