/**
 * What the patient sees behind a confirmation link (`PublicConfirmationView`): their first name, the clinic's
 * name, address and phone, the visit's time in the clinic's zone and how to prepare — nothing else of the
 * record (no last name, no drug, no protocol name).
 *
 * Preparation: fasting as the visit's protocol asks (its checklist's fasting item,
 * docs/clinical-sources.md#pre-dose-checklist-and-fasting), else the clinic's `fastingInstruction` setting,
 * else the product default; an escort home; no driving until the next day (SPRAVATO US label; discharge
 * practice, docs/clinical-sources.md#discharge).
 */
import type { Confirmation, PublicConfirmationView } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { stamp } from '../../../platform/time-format.ts';
import { addressLine } from '../../clinic/clinic-settings.ts';
import { lookupProtocol } from '../../sessions/shared/protocol-lookup.ts';
import { typeSettings } from '../shared/appointment-types.ts';

/** Product default when neither the protocol nor the clinic says how to fast (clinic-configurable). */
export const DEFAULT_FASTING_INSTRUCTION =
  'Do not eat for 6 hours before your visit; you may drink clear fluids until 2 hours before.';
export const ESCORT_INSTRUCTION =
  'Arrange for an adult to take you home after the visit; you will be asked for their name and phone number.';
export const NO_DRIVING_INSTRUCTION =
  'Do not drive or operate machinery until the next day, after a restful night’s sleep.';

/** The parts of an appointment row that say what the patient confirmed. */
interface ConfirmationColumns {
  confirmed_at: Date | null;
  escort_name: string | null;
  escort_phone: string | null;
  fasting_confirmed: boolean;
  no_driving_confirmed: boolean;
  reschedule_requested_at: Date | null;
  reschedule_note: string | null;
}

function confirmationOf(a: ConfirmationColumns): Confirmation {
  return {
    status: a.reschedule_requested_at ? 'reschedule_requested' : a.confirmed_at ? 'confirmed' : 'unconfirmed',
    confirmedAt: a.confirmed_at?.toISOString() ?? null,
    escortName: a.escort_name,
    escortPhone: a.escort_phone,
    fastingConfirmed: a.fasting_confirmed,
    noDrivingConfirmed: a.no_driving_confirmed,
    rescheduleRequestedAt: a.reschedule_requested_at?.toISOString() ?? null,
    rescheduleNote: a.reschedule_note,
  };
}

/** "Fasting confirmed: no food for 4–6 h, …" (a checklist label for staff) → "Before your visit: no food …". */
function fastingFromLabel(label: string): string {
  const rest = label.replace(/^fasting( confirmed)?\s*:\s*/i, '').trim();
  return rest ? `Before your visit: ${rest}.`.replace(/\.\.$/, '.') : DEFAULT_FASTING_INSTRUCTION;
}

export async function fastingInstruction(
  db: Kysely<DB>,
  clinicId: string,
  protocolId: string | null,
  settings: unknown,
): Promise<string> {
  const protocol = protocolId ? await lookupProtocol(db, clinicId, protocolId) : null;
  const item = protocol?.checklist?.find((i) => i.key === 'fasting');
  if (item) return fastingFromLabel(item.label);
  const configured =
    settings !== null && typeof settings === 'object' && 'fastingInstruction' in settings
      ? settings.fastingInstruction
      : undefined;
  return typeof configured === 'string' && configured.trim()
    ? configured.trim()
    : DEFAULT_FASTING_INSTRUCTION;
}

/** The view of one appointment for its confirmation link (read on `db`, or `trx` inside a transaction). */
export async function confirmationView(
  db: Kysely<DB>,
  clinicId: string,
  appointmentId: string,
): Promise<{ view: PublicConfirmationView; patientId: string }> {
  const a = await db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', (j) =>
      j.onRef('p.id', '=', 'a.patient_id').onRef('p.clinic_id', '=', 'a.clinic_id'),
    )
    .innerJoin('clinics as c', 'c.id', 'a.clinic_id')
    .select([
      'a.patient_id',
      'a.type',
      'a.start_at',
      'a.protocol_id',
      'a.confirmed_at',
      'a.escort_name',
      'a.escort_phone',
      'a.fasting_confirmed',
      'a.no_driving_confirmed',
      'a.reschedule_requested_at',
      'a.reschedule_note',
      'p.first_name',
      'c.name as clinic_name',
      'c.address',
      'c.phone',
      'c.time_zone',
      'c.settings',
    ])
    .where('a.clinic_id', '=', clinicId)
    .where('a.id', '=', appointmentId)
    .executeTakeFirstOrThrow();
  const fasting = await fastingInstruction(db, clinicId, a.protocol_id, a.settings);
  const instructions = a.type === 'dosing' ? [fasting, ESCORT_INSTRUCTION, NO_DRIVING_INSTRUCTION] : [];
  return {
    patientId: a.patient_id,
    view: {
      firstName: a.first_name,
      clinicName: a.clinic_name,
      clinicAddress: addressLine(a.address),
      clinicPhone: a.phone,
      start: a.start_at.toISOString(),
      startText: stamp(a.start_at, a.time_zone),
      typeLabel: (await typeSettings(db, clinicId, a.type)).label,
      instructions,
      confirmation: confirmationOf(a),
    },
  };
}
