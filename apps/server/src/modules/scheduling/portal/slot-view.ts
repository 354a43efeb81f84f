/** Open slots as the API answers them (OpenSlot), with the type's label and the clinician's name. */
import type { AppointmentTypeKey, OpenSlot } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../../platform/errors.ts';
import type { AuthContext } from '../../../platform/request-context.ts';
import type { TypeSettingsMap } from './type-settings.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** The longest look ahead for open slots. */
export const SLOT_HORIZON_DAYS = 60;
export const DAY_MS = 86_400_000;

export function selectSlots(db: Executor, clinicId: string) {
  return db
    .selectFrom('appointment_slots as s')
    .leftJoin('users as u', 'u.id', 's.clinician_id')
    .select([
      's.id',
      's.type',
      's.start_at',
      's.end_at',
      's.clinician_id',
      's.chair_id',
      'u.display_name as clinician_name',
    ])
    .where('s.clinic_id', '=', clinicId);
}

export interface SlotRow {
  id: string;
  type: AppointmentTypeKey;
  start_at: Date;
  end_at: Date;
  clinician_id: string | null;
  chair_id: string | null;
  clinician_name: string | null;
}

export function slotView(r: SlotRow, settings: TypeSettingsMap): OpenSlot {
  return {
    id: r.id,
    type: r.type,
    typeLabel: settings[r.type].label,
    start: r.start_at.toISOString(),
    end: r.end_at.toISOString(),
    clinicianId: r.clinician_id,
    clinicianName: r.clinician_name,
    chairId: r.chair_id,
  };
}

/** The signed-in patient's own record id; a patient account not linked to a record has nothing here. */
export function ownPatientId(a: AuthContext): string {
  if (!a.patientId) throw new AppError('not_found', 'no patient record is linked to this account');
  return a.patientId;
}
