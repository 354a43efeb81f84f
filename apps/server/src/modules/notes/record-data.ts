/**
 * The patient's record as one value, for the record export (JSON) and the record print (PDF): demographics,
 * treatment plans, dosing sessions with their doses, assessments, and the progress and integration notes
 * with their addenda. Psychotherapy notes are never read here — this file does not select from their table —
 * so no export or print can carry one, not even for its author (45 CFR 164.501, 164.524(a)(1)(i);
 * docs/clinical-sources.md#psychotherapy-notes).
 */
import type { RecordExport } from '@plasticity/contracts';
import { notFound } from '../../platform/errors.ts';
import { type Executor, recordNotes } from './note-row.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function recordOf(
  db: Executor,
  clinicId: string,
  patientId: string,
  now: Date,
): Promise<RecordExport> {
  const patient = await db
    .selectFrom('patients as p')
    .innerJoin('clinics as c', 'c.id', 'p.clinic_id')
    .select([
      'p.id',
      'p.mrn',
      'p.first_name',
      'p.last_name',
      'p.date_of_birth',
      'p.sex',
      'p.phone',
      'p.email',
      'c.name as clinic_name',
    ])
    .where('p.clinic_id', '=', clinicId)
    .where('p.id', '=', patientId)
    .executeTakeFirst();
  if (!patient) throw notFound('patient');
  const plans = await db
    .selectFrom('plan_treatment_plans as t')
    .leftJoin('plan_protocols as pr', (j) =>
      j.onRef('pr.id', '=', 't.protocol_id').on('pr.clinic_id', '=', clinicId),
    )
    .select([
      't.id',
      't.indications',
      't.planned_sessions',
      't.sessions_completed',
      't.status',
      't.created_at',
      't.entered_in_error_at',
      'pr.name as protocol_name',
    ])
    .where('t.clinic_id', '=', clinicId)
    .where('t.patient_id', '=', patientId)
    .orderBy('t.created_at')
    .execute();
  const sessions = await db
    .selectFrom('dosing_sessions')
    .select(['id', 'scheduled_at', 'status', 'chair', 'discharged_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .orderBy('scheduled_at')
    .execute();
  const doses =
    sessions.length === 0
      ? []
      : await db
          .selectFrom('session_administrations')
          .select(['session_id', 'drug', 'route', 'dose_mg', 'started_at', 'entered_in_error_at'])
          .where('clinic_id', '=', clinicId)
          .where(
            'session_id',
            'in',
            sessions.map((s) => s.id),
          )
          .orderBy('started_at')
          .execute();
  const assessments = await db
    .selectFrom('assessments')
    .select(['id', 'instrument_id', 'total', 'severity', 'administered_at', 'entered_in_error_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .orderBy('administered_at')
    .execute();
  const notes = await recordNotes(db, clinicId, { patientId });
  return {
    generatedAt: now.toISOString(),
    clinicName: patient.clinic_name,
    patient: {
      id: patient.id,
      mrn: patient.mrn,
      firstName: patient.first_name,
      lastName: patient.last_name,
      dateOfBirth: patient.date_of_birth,
      sex: patient.sex,
      phone: patient.phone,
      email: patient.email,
    },
    plans: plans.map((t) => ({
      id: t.id,
      protocolName: t.protocol_name ?? '',
      indications: t.indications,
      plannedSessions: t.planned_sessions,
      sessionsCompleted: t.sessions_completed,
      status: t.status,
      createdAt: t.created_at.toISOString(),
      enteredInError: t.entered_in_error_at !== null,
    })),
    sessions: sessions.map((s) => ({
      id: s.id,
      scheduledAt: s.scheduled_at.toISOString(),
      status: s.status,
      chair: s.chair,
      dischargedAt: iso(s.discharged_at),
      doses: doses
        .filter((d) => d.session_id === s.id)
        .map((d) => ({
          drug: d.drug,
          route: d.route,
          doseMg: d.dose_mg,
          startedAt: d.started_at.toISOString(),
          enteredInError: d.entered_in_error_at !== null,
        })),
    })),
    assessments: assessments.map((x) => ({
      id: x.id,
      instrumentId: x.instrument_id,
      total: x.total,
      severity: x.severity,
      administeredAt: x.administered_at.toISOString(),
      enteredInError: x.entered_in_error_at !== null,
    })),
    notes: [...notes].reverse(),
  };
}
