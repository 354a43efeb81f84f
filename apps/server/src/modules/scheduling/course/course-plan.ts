/**
 * What a course is booked from: the treatment plan (of the caller's clinic, not entered in error), its
 * protocol from the plan's library row, and the dosing visit's chair time, buffer and chair kind from the
 * clinic's dosing appointment-type settings and the protocol (shared/appointment-types.ts, as every booking).
 */
import type { Protocol } from '@plasticity/clinical/protocols';
import type { ChairKind } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { notFound } from '../../../platform/errors.ts';
import { neededChairKind, typeSettings, visitMinutes } from '../shared/appointment-types.ts';

export interface CoursePlan {
  id: string;
  patientId: string;
  status: 'draft' | 'approved' | 'active' | 'completed' | 'stopped';
  plannedSessions: number;
  /** The plan's protocol (its library row id), stored on every appointment of the course. */
  protocolId: string;
  protocol: Protocol;
}

export async function loadCoursePlan(db: Kysely<DB>, clinicId: string, planId: string): Promise<CoursePlan> {
  const row = await db
    .selectFrom('plan_treatment_plans as tp')
    .innerJoin('plan_protocols as pp', (j) =>
      j.onRef('pp.id', '=', 'tp.protocol_id').onRef('pp.clinic_id', '=', 'tp.clinic_id'),
    )
    .select(['tp.id', 'tp.patient_id', 'tp.status', 'tp.planned_sessions', 'tp.protocol_id', 'pp.data'])
    .where('tp.clinic_id', '=', clinicId)
    .where('tp.id', '=', planId)
    .where('tp.entered_in_error_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('treatment plan');
  return {
    id: row.id,
    patientId: row.patient_id,
    status: row.status,
    plannedSessions: row.planned_sessions,
    protocolId: row.protocol_id,
    protocol: row.data,
  };
}

export interface DosingVisit {
  durationMin: number;
  bufferMin: number;
  chairKind: ChairKind;
}

/** Chair time, turnover and chair kind of one dosing visit under `protocol`, with the clinic's type settings. */
export async function dosingVisit(
  db: Kysely<DB>,
  clinicId: string,
  protocol: Protocol,
): Promise<DosingVisit> {
  const settings = await typeSettings(db, clinicId, 'dosing');
  return {
    durationMin: visitMinutes(undefined, settings, protocol),
    bufferMin: settings.bufferMin,
    chairKind: neededChairKind('dosing', settings, protocol) ?? 'infusion_chair',
  };
}
