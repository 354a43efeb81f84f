/**
 * The patient's view of their appointments (PortalAppointment): time, place, preparation and whether the
 * portal accepts a cancellation now. Staff notes, flags and history are never part of it.
 */

import { formatDateTime } from '@plasticity/clinical/time-format';
import type { AppointmentStatus, AppointmentTypeKey, PortalAppointment } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely, Transaction } from 'kysely';
import { addressLine } from '../../clinic/clinic-settings.ts';
import { lookupProtocol } from '../../sessions/shared/protocol-lookup.ts';
import { preparationInstructions } from '../shared/preparation.ts';
import type { TypeSettingsMap } from './type-settings.ts';

type Executor = Kysely<DB> | Transaction<DB>;
const HOUR_MS = 3_600_000;

export interface PortalClinic {
  name: string;
  address: string;
  phone: string | null;
  timeZone: string;
}

export async function portalClinic(db: Executor, clinicId: string): Promise<PortalClinic> {
  const c = await db
    .selectFrom('clinics')
    .select(['name', 'address', 'phone', 'time_zone'])
    .where('id', '=', clinicId)
    .executeTakeFirstOrThrow();
  return { name: c.name, address: addressLine(c.address), phone: c.phone, timeZone: c.time_zone };
}

/** Columns the view reads from `appointments`. */
export interface PortalRow {
  id: string;
  type: AppointmentTypeKey;
  status: AppointmentStatus;
  start_at: Date;
  end_at: Date;
  protocol_id: string | null;
  booked_via: 'staff' | 'portal';
  chair_name: string | null;
  clinician_name: string | null;
}

const callClinic = (clinic: PortalClinic) =>
  clinic.phone ? `please call the clinic at ${clinic.phone}` : 'please contact the clinic';

/** Whether the portal accepts a cancellation, until when, and in words why not. */
export function cancelRule(
  row: Pick<PortalRow, 'type' | 'status' | 'start_at'>,
  settings: TypeSettingsMap,
  clinic: PortalClinic,
  now: Date,
): { canCancel: boolean; cancelDeadline: Date | null; cancelNote: string | null } {
  const s = settings[row.type];
  // Only visits patients may book themselves may be cancelled by them; a dosing visit holds a chair and a
  // course, so moving it goes through the front desk.
  if (!s.selfBookable)
    return {
      canCancel: false,
      cancelDeadline: null,
      cancelNote: `To cancel or move this visit, ${callClinic(clinic)}.`,
    };
  const deadline = new Date(row.start_at.getTime() - s.cancelNoticeHours * HOUR_MS);
  if (row.status !== 'booked') return { canCancel: false, cancelDeadline: deadline, cancelNote: null };
  if (now.getTime() > deadline.getTime())
    return {
      canCancel: false,
      cancelDeadline: deadline,
      cancelNote: `Online cancellation closed at ${formatDateTime(deadline, clinic.timeZone, { zone: true })}; ${callClinic(clinic)}.`,
    };
  return { canCancel: true, cancelDeadline: deadline, cancelNote: null };
}

export async function portalAppointments(
  db: Executor,
  clinicId: string,
  rows: PortalRow[],
  settings: TypeSettingsMap,
  clinic: PortalClinic,
  now: Date,
): Promise<PortalAppointment[]> {
  const protocols = new Map<string, Awaited<ReturnType<typeof lookupProtocol>>>();
  for (const r of rows)
    if (r.type === 'dosing' && r.protocol_id && !protocols.has(r.protocol_id))
      protocols.set(r.protocol_id, await lookupProtocol(db, clinicId, r.protocol_id));
  return rows.map((r) => {
    const rule = cancelRule(r, settings, clinic, now);
    return {
      id: r.id,
      type: r.type,
      typeLabel: settings[r.type].label,
      status: r.status,
      start: r.start_at.toISOString(),
      end: r.end_at.toISOString(),
      clinicName: clinic.name,
      clinicAddress: clinic.address,
      clinicPhone: clinic.phone,
      placeName: r.chair_name,
      clinicianName: r.clinician_name,
      instructions: preparationInstructions(
        r.type,
        r.protocol_id ? (protocols.get(r.protocol_id) ?? null) : null,
      ),
      canCancel: rule.canCancel,
      cancelDeadline: rule.cancelDeadline?.toISOString() ?? null,
      cancelNote: rule.cancelNote,
      bookedVia: r.booked_via,
    };
  });
}

/** The patient's appointments with the chair's and clinician's names (`ids` narrows to those rows). */
export function selectPortalRows(db: Executor, clinicId: string, patientId: string) {
  return db
    .selectFrom('appointments as a')
    .leftJoin('chairs as c', (j) =>
      j.onRef('c.id', '=', 'a.chair_id').onRef('c.clinic_id', '=', 'a.clinic_id'),
    )
    .leftJoin('users as u', 'u.id', 'a.clinician_id')
    .select([
      'a.id',
      'a.type',
      'a.status',
      'a.start_at',
      'a.end_at',
      'a.protocol_id',
      'a.booked_via',
      'c.name as chair_name',
      'u.display_name as clinician_name',
    ])
    .where('a.clinic_id', '=', clinicId)
    .where('a.patient_id', '=', patientId);
}
