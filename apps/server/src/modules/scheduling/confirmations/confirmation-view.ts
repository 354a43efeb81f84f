/**
 * What the patient sees behind a confirmation link (`PublicConfirmationView`): their first name, the clinic's
 * name, address and phone, the visit's time in the clinic's zone and how to prepare — nothing else of the
 * record (no last name, no drug, no protocol name).
 *
 * Preparation: the one text of shared/preparation.ts (the protocol's fasting rule, an escort home, no driving
 * until the next day), as the portal shows it.
 */
import type { PublicConfirmationView } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { stamp } from '../../../platform/time-format.ts';
import { addressLine } from '../../clinic/clinic-settings.ts';
import { lookupProtocol } from '../../sessions/shared/protocol-lookup.ts';
import { typeSettings } from '../shared/appointment-types.ts';
import { confirmationOf } from '../shared/appointment-view.ts';
import { fastingRule, preparationInstructions } from '../shared/preparation.ts';

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
    ])
    .where('a.clinic_id', '=', clinicId)
    .where('a.id', '=', appointmentId)
    .executeTakeFirstOrThrow();
  const protocol = a.protocol_id ? await lookupProtocol(db, clinicId, a.protocol_id) : null;
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
      instructions: preparationInstructions(a.type, protocol),
      ...(a.type === 'dosing' ? { fastingRule: fastingRule(protocol) } : {}),
      confirmation: confirmationOf(a),
    },
  };
}
