/**
 * Appointments as the API shows them (`Appointment` in contracts): names of the patient, chair and clinician,
 * the plan's state for dosing visits, the patient's confirmation, and the calendar's flags. One joined query
 * for any number of rows (`VIEW_COLUMNS`), the flags' hours read once.
 */
import type { Appointment, AppointmentTypeView, Confirmation } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { listTypeSettings, typeLabel } from './appointment-types.ts';
import { type FlagContext, loadFlagContext, scheduleFlags } from './flags.ts';
import { type AppointmentRow, iso } from './load.ts';
import { planStateOf, planStatusSql } from './plan-state.ts';

export interface ViewRow extends AppointmentRow {
  patient_first: string;
  patient_last: string;
  chair_name: string | null;
  clinician_name: string | null;
  plan_status: string | null;
}

/** `appointments as a` joined with the names the view shows; add where/order clauses to it. */
export function viewQuery(db: Kysely<DB>, clinicId: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', (j) =>
      j.onRef('p.id', '=', 'a.patient_id').onRef('p.clinic_id', '=', 'a.clinic_id'),
    )
    .leftJoin('chairs as c', (j) =>
      j.onRef('c.id', '=', 'a.chair_id').onRef('c.clinic_id', '=', 'a.clinic_id'),
    )
    .leftJoin('users as u', 'u.id', 'a.clinician_id')
    .leftJoin('plan_treatment_plans as tp', (j) =>
      j.onRef('tp.id', '=', 'a.plan_id').onRef('tp.clinic_id', '=', 'a.clinic_id'),
    )
    .selectAll('a')
    .select([
      'p.first_name as patient_first',
      'p.last_name as patient_last',
      'c.name as chair_name',
      'u.display_name as clinician_name',
      planStatusSql('a', 'tp').as('plan_status'),
    ])
    .where('a.clinic_id', '=', clinicId);
}

/** The parts of an appointment row that say what the patient confirmed. */
export type ConfirmationColumns = Pick<
  AppointmentRow,
  | 'confirmed_at'
  | 'escort_name'
  | 'escort_phone'
  | 'fasting_confirmed'
  | 'no_driving_confirmed'
  | 'reschedule_requested_at'
  | 'reschedule_note'
>;

/** What the patient confirmed: a reschedule request newer than the confirmation wins. */
export function confirmationOf(r: ConfirmationColumns): Confirmation {
  const requested =
    r.reschedule_requested_at &&
    (!r.confirmed_at || new Date(r.reschedule_requested_at) > new Date(r.confirmed_at));
  return {
    status: requested ? 'reschedule_requested' : r.confirmed_at ? 'confirmed' : 'unconfirmed',
    confirmedAt: r.confirmed_at ? iso(r.confirmed_at) : null,
    escortName: r.escort_name,
    escortPhone: r.escort_phone,
    fastingConfirmed: r.fasting_confirmed,
    noDrivingConfirmed: r.no_driving_confirmed,
    rescheduleRequestedAt: r.reschedule_requested_at ? iso(r.reschedule_requested_at) : null,
    rescheduleNote: r.reschedule_note,
  };
}

export function toAppointment(r: ViewRow, types: AppointmentTypeView[], flags: FlagContext): Appointment {
  const start = new Date(r.start_at);
  const end = new Date(r.end_at);
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: `${r.patient_first} ${r.patient_last}`,
    type: r.type,
    typeLabel: typeLabel(types, r.type),
    status: r.status,
    start: start.toISOString(),
    end: end.toISOString(),
    heldUntil: iso(r.held_until),
    durationMin: Math.round((end.getTime() - start.getTime()) / 60_000),
    chairId: r.chair_id,
    chairName: r.chair_name,
    clinicianId: r.clinician_id,
    clinicianName: r.clinician_name,
    protocolId: r.protocol_id,
    planId: r.plan_id,
    planState: planStateOf(r.type, r.plan_status),
    courseId: r.course_id,
    courseIndex: r.course_index,
    sessionId: r.session_id,
    notes: r.notes,
    bookedVia: r.booked_via,
    statusReason: r.status_reason,
    confirmation: r.type === 'dosing' ? confirmationOf(r) : null,
    flags: scheduleFlags({ start, end, clinicianId: r.clinician_id, clinicianName: r.clinician_name }, flags),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** Views of joined rows: type labels, hours and exceptions read once for all of them. */
export async function viewsOf(
  db: Kysely<DB>,
  clinicId: string,
  timeZone: string,
  rows: ViewRow[],
): Promise<Appointment[]> {
  if (rows.length === 0) return [];
  const clinicians = rows.flatMap((r) => (r.clinician_id ? [r.clinician_id] : []));
  const [types, flags] = await Promise.all([
    listTypeSettings(db, clinicId),
    loadFlagContext(db, clinicId, timeZone, clinicians),
  ]);
  return rows.map((r) => toAppointment(r, types, flags));
}

/**
 * A list's rows and what their views need, read at once (on a server each on its own connection): the
 * joined rows, the type labels, and the hours of every clinician of the clinic.
 */
export async function listViews(
  db: Kysely<DB>,
  clinicId: string,
  timeZone: string,
  rows: Promise<ViewRow[]>,
): Promise<Appointment[]> {
  const [list, types, flags] = await Promise.all([
    rows,
    listTypeSettings(db, clinicId),
    loadFlagContext(db, clinicId, timeZone, 'all'),
  ]);
  return list.map((r) => toAppointment(r, types, flags));
}

/** Views of appointment rows (any number, in their order), with one joined query for their names. */
export async function appointmentView(
  db: Kysely<DB>,
  clinicId: string,
  timeZone: string,
  rows: AppointmentRow[],
): Promise<Appointment[]> {
  if (rows.length === 0) return [];
  const joined = await viewQuery(db, clinicId)
    .where(
      'a.id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const byId = new Map(joined.map((j) => [j.id, j]));
  const ordered = rows.flatMap((r) => {
    const j = byId.get(r.id);
    return j ? [j] : [];
  });
  return viewsOf(db, clinicId, timeZone, ordered);
}

/** The view of one appointment row. */
export async function viewOne(
  db: Kysely<DB>,
  clinicId: string,
  timeZone: string,
  row: AppointmentRow,
): Promise<Appointment> {
  const [view] = await appointmentView(db, clinicId, timeZone, [row]);
  if (!view) throw new Error('appointment vanished while being read');
  return view;
}
