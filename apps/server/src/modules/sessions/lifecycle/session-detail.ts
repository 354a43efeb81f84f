/**
 * The full session record as the session page shows it: phase and its history, the patient, the protocol's
 * thresholds, checklist, administrations, every stored vital reading once, observations, signed notes and
 * addenda, vital-sign alerts, the discharge evaluation, and which MOAA/S and CADSS-6 are due (the protocol's
 * observation schedule, `observationsDue`) while the patient is in the chair.
 */

import { infusionProgress } from '@plasticity/clinical/dosing';
import { observationScheduleOf } from '@plasticity/clinical/monitoring';
import {
  AdministrationDoseCheck,
  DischargeAssessmentView,
  InfusionEventList,
  type SessionRecord,
  SessionStatus,
} from '@plasticity/contracts';
import { toAlertsWithNames } from '../../alerts/alert-store.ts';
import { canon } from '../../controlled/stock-and-ledger.ts';
import { evaluateSessionDischarge } from '../discharge/discharge-state.ts';
import {
  type Executor,
  iso,
  protocolOf,
  SESSION_VITAL_COLUMNS,
  type SessionRow,
  toSessionVital,
} from '../shared/load.ts';
import { sessionObservationsDue } from '../shared/observations-due.ts';
import { SOURCE_TYPE } from '../vitals/raise-alerts.ts';
import { doseOrderFor } from './administration-dose.ts';
import { evaluateChecklist } from './checklist.ts';

type LedgerBit = {
  id: string;
  corrects_entry_id: string | null;
  quantity: string | null;
  unit: string | null;
  witness_user_id: string | null;
  witness_name: string | null;
};

/** The register entries of one administration (draw, administer, witnessed waste), or null without a container. */
function registerOf(
  x: {
    register_draw_id: string | null;
    register_administer_id: string | null;
    register_waste_id: string | null;
  },
  entry: Map<string, LedgerBit>,
) {
  if (!x.register_draw_id || !x.register_administer_id) return null;
  const ids = [x.register_draw_id, x.register_administer_id, x.register_waste_id];
  const drawn = entry.get(x.register_draw_id);
  const given = entry.get(x.register_administer_id);
  const waste = x.register_waste_id ? entry.get(x.register_waste_id) : undefined;
  return {
    drawEntryId: x.register_draw_id,
    administerEntryId: x.register_administer_id,
    wasteEntryId: x.register_waste_id,
    unit: drawn?.unit ?? null,
    drawn: drawn?.quantity ? canon(drawn.quantity) : null,
    given: given?.quantity ? canon(given.quantity) : null,
    wasted: waste?.quantity ? canon(waste.quantity) : null,
    wasteWitnessUserId: waste?.witness_user_id ?? null,
    wasteWitnessName: waste?.witness_name ?? null,
    /** Correcting entries appended to the register for these entries (e.g. when entered in error). */
    correctionEntryIds: [...entry.values()]
      .filter((e) => e.corrects_entry_id !== null && ids.includes(e.corrects_entry_id))
      .map((e) => e.id),
  };
}

/** Progress of an administration as an infusion (IV), or null for other routes. */
export function infusionOf(
  x: {
    route: string;
    started_at: Date | string;
    stopped_at: Date | string | null;
    events: unknown;
    duration_min: string | null;
    rate_ml_per_hour: string | null;
  },
  now: Date,
) {
  if (x.route !== 'iv') return null;
  return infusionProgress(
    {
      startedAt: iso(x.started_at) as string,
      stoppedAt: iso(x.stopped_at),
      durationMin: x.duration_min === null ? null : Number(x.duration_min),
      rateMlPerHour: x.rate_ml_per_hour === null ? null : Number(x.rate_ml_per_hour),
      events: (Array.isArray(x.events) ? x.events : []) as Parameters<typeof infusionProgress>[0]['events'],
    },
    now,
  );
}

export async function sessionDetail(db: Executor, s: SessionRow, now: Date): Promise<SessionRecord> {
  const p = protocolOf(s);
  const [patient, transitions, administrations, vitals, observations, notes, alerts, register, clinic] =
    await Promise.all([
      db
        .selectFrom('patients')
        .select(['id', 'mrn', 'first_name', 'last_name', 'date_of_birth', 'sex'])
        .where('clinic_id', '=', s.clinic_id)
        .where('id', '=', s.patient_id)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('session_transitions')
        .selectAll()
        .where('clinic_id', '=', s.clinic_id)
        .where('session_id', '=', s.id)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('session_administrations')
        .selectAll()
        .where('clinic_id', '=', s.clinic_id)
        .where('session_id', '=', s.id)
        .orderBy('started_at')
        .execute(),
      db
        .selectFrom('session_vitals')
        .select(SESSION_VITAL_COLUMNS)
        .where('clinic_id', '=', s.clinic_id)
        .where('session_id', '=', s.id)
        .where('entered_in_error_at', 'is', null)
        .orderBy('at')
        .orderBy('recorded_at')
        .execute(),
      db
        .selectFrom('session_observations')
        .selectAll()
        .where('clinic_id', '=', s.clinic_id)
        .where('session_id', '=', s.id)
        .where('entered_in_error_at', 'is', null)
        .orderBy('at')
        .execute(),
      db
        .selectFrom('session_notes')
        .selectAll()
        .where('clinic_id', '=', s.clinic_id)
        .where('session_id', '=', s.id)
        .orderBy('signed_at')
        .execute(),
      db
        .selectFrom('alerts')
        .selectAll()
        .where('clinic_id', '=', s.clinic_id)
        .where('source_type', '=', SOURCE_TYPE)
        .where('source_id', '=', s.id)
        .orderBy('created_at', 'desc')
        .execute(),
      db
        .selectFrom('cs_ledger as e')
        .leftJoin('users as w', 'w.id', 'e.witness_user_id')
        .select([
          'e.id',
          'e.corrects_entry_id',
          'e.quantity',
          'e.unit',
          'e.witness_user_id',
          'w.display_name as witness_name',
        ])
        .where('e.clinic_id', '=', s.clinic_id)
        .where('e.session_id', '=', s.id)
        .execute(),
      db
        .selectFrom('clinics')
        .select(['name', 'address', 'time_zone'])
        .where('id', '=', s.clinic_id)
        .executeTakeFirstOrThrow(),
    ]);
  const address = (clinic.address ?? {}) as Record<string, unknown>;
  const entry = new Map(register.map((e) => [e.id, e]));
  const preDose = ['scheduled', 'checked_in', 'pre_assessment'].includes(s.status);
  const recoveryAt = transitions.filter((t) => t.to_status === 'recovery').at(-1)?.at ?? null;
  return {
    id: s.id,
    patientId: s.patient_id,
    /** For the printed discharge sheet: the clinic's name, phone (from its address record) and time zone. */
    clinic: {
      name: clinic.name,
      phone: typeof address.phone === 'string' && address.phone.trim() ? address.phone : null,
      timeZone: clinic.time_zone,
    },
    patient: {
      id: patient.id,
      mrn: patient.mrn,
      firstName: patient.first_name,
      lastName: patient.last_name,
      dateOfBirth: patient.date_of_birth,
      sex: patient.sex,
    },
    protocol: {
      id: s.protocol_id,
      version: s.protocol_version,
      name: p.name,
      drug: p.drug,
      route: p.route,
      cadenceMin: p.vitals.cadenceMin,
      alerts: p.vitals.alerts,
      observationSchedule: observationScheduleOf(p.vitals),
      discharge: p.discharge,
    },
    planId: s.plan_id,
    chair: s.chair,
    scheduledAt: iso(s.scheduled_at),
    status: SessionStatus.parse(s.status),
    statusReason: s.status_reason,
    escort: s.escort,
    prescriberOnSiteId: s.prescriber_on_site_id,
    doseStartedAt: iso(s.dose_started_at),
    dischargedAt: iso(s.discharged_at),
    lockedAt: iso(s.locked_at),
    dischargeAssessment: DischargeAssessmentView.parse(s.discharge_assessment),
    transitions: transitions.map((t) => ({
      from: SessionStatus.parse(t.from_status),
      to: SessionStatus.parse(t.to_status),
      at: iso(t.at),
      by: t.by_user_id,
      reason: t.reason,
      overrideReason: t.override_reason,
      overridden: t.overridden,
    })),
    checklist: await evaluateChecklist(db, s, now),
    checklistApplies: preDose,
    administrations: administrations.map((x) => ({
      id: x.id,
      drug: x.drug,
      route: x.route,
      doseMg: x.dose_mg,
      doseInputs: x.dose_inputs,
      concentrationMgPerMl: x.concentration_mg_per_ml,
      volumeMl: x.volume_ml,
      containerId: x.container_id,
      lot: x.lot,
      expiry: x.expiry,
      startedAt: iso(x.started_at),
      stoppedAt: iso(x.stopped_at),
      events: InfusionEventList.parse(x.events),
      administeredBy: x.administered_by,
      verifiedBy: x.verified_by,
      register: registerOf(x, entry),
      planId: x.plan_id,
      doseCheck: x.dose_check === null ? null : AdministrationDoseCheck.parse(x.dose_check),
      overrideReason: x.override_reason,
      overrideVerifiedBy: x.override_verified_by,
      doseChangeReason: x.dose_change_reason,
      notFromRegisterReason: x.not_from_register_reason,
      durationMin: x.duration_min === null ? null : Number(x.duration_min),
      rateMlPerHour: x.rate_ml_per_hour === null ? null : Number(x.rate_ml_per_hour),
      infusion: infusionOf(x, now),
      enteredInError: x.entered_in_error_at !== null,
      enteredInErrorAt: iso(x.entered_in_error_at),
      enteredInErrorBy: x.entered_in_error_by,
      enteredInErrorReason: x.entered_in_error_reason,
    })),
    doseOrder:
      ['dosing', 'monitoring'].includes(s.status) && !s.locked_at
        ? await doseOrderFor(db, s, now, patient)
        : null,
    vitals: vitals.map(toSessionVital),
    observations: observations.map((o) => ({
      id: o.id,
      kind: o.kind,
      at: iso(o.at),
      data: o.data,
      recordedBy: o.recorded_by,
    })),
    observationsDue: sessionObservationsDue(s, observations, recoveryAt, now),
    notes: notes.map((n) => ({
      id: n.id,
      authorId: n.author_id,
      authorRole: n.author_role,
      text: n.text,
      addendum: n.addendum,
      signedAt: iso(n.signed_at),
    })),
    alerts: await toAlertsWithNames(db, alerts),
    discharge: await evaluateSessionDischarge(db, s, now),
    rems: p.drug === 'esketamine' ? { submittedAt: iso(s.rems_submitted_at) } : null,
  };
}
