/** Maps a patients row to the API shape (contracts' Patient), and a create-patient body to a new row. */
import type { CreatePatientRequest, Patient } from '@plasticity/contracts';
import { type PatientsTable, toJson } from '@plasticity/db';
import type { Insertable, Selectable } from 'kysely';

/** The row a create-patient body makes (the API's create and the CSV import). */
export function newPatientRow(
  clinicId: string,
  mrn: string,
  b: CreatePatientRequest,
  now: Date,
): Insertable<PatientsTable> {
  return {
    clinic_id: clinicId,
    mrn,
    first_name: b.firstName,
    last_name: b.lastName,
    date_of_birth: b.dateOfBirth,
    sex: b.sex,
    phone: b.phone ?? null,
    email: b.email ?? null,
    address: b.address ? toJson(b.address) : null,
    emergency_contact: b.emergencyContact ? toJson(b.emergencyContact) : null,
    created_at: now,
    updated_at: now,
  };
}

export function toPatient(r: Selectable<PatientsTable>): Patient {
  return {
    id: r.id,
    mrn: r.mrn,
    firstName: r.first_name,
    lastName: r.last_name,
    dateOfBirth: r.date_of_birth,
    sex: r.sex as Patient['sex'],
    phone: r.phone,
    email: r.email,
    address: (r.address as Patient['address']) ?? null,
    emergencyContact: (r.emergency_contact as Patient['emergencyContact']) ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
