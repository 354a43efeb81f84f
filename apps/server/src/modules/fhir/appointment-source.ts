/**
 * Appointment (FHIR R4 appointment.html): the scheduling module's appointments (`appointments`), read at
 * request time.
 * - status (R4 appointmentstatus): booked → `booked`, checked in → `checked-in`, completed → `fulfilled`,
 *   cancelled and late-cancelled → `cancelled` (a late cancellation says so in `cancelationReason.text`),
 *   no-show → `noshow` (`APPOINTMENT_STATUS`, which the status search uses too);
 * - appointmentType: the type's label as text; start and end;
 * - participant: the patient, the clinician and the chair or room (Location), each `accepted` (R4
 *   participationstatus: the booking is the clinic's and the patient's agreement).
 * The booking's notes, reasons and escort are not served. `date` searches the start.
 */
import { type AppointmentTypeKey, defaultAppointmentTypes } from '@plasticity/clinical/scheduling';
import type { AppointmentStatus, FhirResource } from '@plasticity/contracts';
import { sql } from 'kysely';
import { aboutItsPatient, type ResourceSource, uuidPk } from './resource-source.ts';
import { codeCase, patientRecordParams } from './search-sql.ts';

/** The R4 appointmentstatus of each appointment status. */
const APPOINTMENT_STATUS: Readonly<Record<AppointmentStatus, string>> = {
  booked: 'booked',
  checked_in: 'checked-in',
  completed: 'fulfilled',
  cancelled: 'cancelled',
  late_cancelled: 'cancelled',
  no_show: 'noshow',
};

/** R4 appointmentstatus codes. */
const APPOINTMENT_STATUSES = new Set([
  'proposed',
  'pending',
  'booked',
  'arrived',
  'fulfilled',
  'cancelled',
  'noshow',
  'entered-in-error',
  'checked-in',
  'waitlist',
]);

const TYPES = defaultAppointmentTypes();

interface AppointmentRow {
  id: string;
  last_updated: Date;
  patient_id: string;
  own_status: AppointmentStatus;
  status: string;
  type: AppointmentTypeKey;
  start_at: Date;
  end_at: Date;
  clinician_id: string | null;
  chair_id: string | null;
}

function toFhirAppointment(r: AppointmentRow): FhirResource {
  const accepted = (reference: string) => ({ actor: { reference }, status: 'accepted' });
  return {
    resourceType: 'Appointment',
    id: r.id,
    meta: { lastUpdated: r.last_updated.toISOString() },
    status: r.status,
    ...(r.own_status === 'late_cancelled' ? { cancelationReason: { text: 'Late cancellation' } } : {}),
    appointmentType: { text: TYPES[r.type]?.label ?? r.type },
    start: r.start_at.toISOString(),
    end: r.end_at.toISOString(),
    participant: [
      accepted(`Patient/${r.patient_id}`),
      ...(r.clinician_id ? [accepted(`Practitioner/${r.clinician_id}`)] : []),
      ...(r.chair_id ? [accepted(`Location/${r.chair_id}`)] : []),
    ],
  };
}

const statusCase = codeCase('a.status', APPOINTMENT_STATUS, 'entered-in-error');

const AUDIT = { resourceType: 'appointment', category: 'scheduling' } as const;

export const appointmentSource: ResourceSource<AppointmentRow> = {
  type: 'Appointment',
  patientColumn: 'patient_id',
  relation: (clinicId) => sql`
    select a.id::text as id, a.id as pk, a.updated_at as last_updated, a.patient_id::text as patient_id,
           a.status as own_status, ${statusCase} as status, a.type, a.start_at, a.end_at,
           a.clinician_id::text as clinician_id, a.chair_id::text as chair_id
      from appointments a where a.clinic_id = ${clinicId}`,
  order: sql`start_at desc, id`,
  condition: patientRecordParams('Appointment', {
    statuses: APPOINTMENT_STATUSES,
    valueSet: 'appointmentstatus',
    dateParam: 'date',
    dateColumn: 'start_at',
  }),
  idCondition: uuidPk,
  toResource: toFhirAppointment,
  disclosed: aboutItsPatient(AUDIT),
  audit: AUDIT,
};
