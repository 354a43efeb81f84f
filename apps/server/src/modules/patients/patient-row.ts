/** Maps a patients row to the API shape (contracts' Patient). */
import type { Patient } from '@plasticity/contracts';
import type { PatientsTable } from '@plasticity/db';
import type { Selectable } from 'kysely';

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
