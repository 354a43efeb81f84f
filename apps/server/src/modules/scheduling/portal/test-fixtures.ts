/** Fixtures for the portal and slot tests: a second patient account, appointments written directly. */
import type { AppointmentStatus, AppointmentTypeKey } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { Client, type TestApp, type TestClinic } from '../../../test/harness.ts';

const MIN_MS = 60_000;
let n = 0;

/** Another patient of the clinic with a portal account, signed in. */
export async function secondPatient(
  h: TestApp,
  c: TestClinic,
): Promise<{ patientId: string; client: Client }> {
  const db = h.database.db;
  const tag = `${process.pid}-${Date.now().toString(36)}-${++n}`;
  const { password_hash } = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', c.users.patient.id)
    .executeTakeFirstOrThrow();
  const patient = await db
    .insertInto('patients')
    .values({
      clinic_id: c.clinicId,
      mrn: `MRN-${tag}`,
      first_name: 'Sam',
      last_name: 'Second',
      date_of_birth: '1980-02-02',
      sex: 'male',
      email: `second-${tag}@example.org`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const email = `second-patient-${tag}@example.org`;
  const user = await db
    .insertInto('users')
    .values({ email, display_name: 'Sam Second', password_hash, recovery_codes: toJson([]) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ clinic_id: c.clinicId, user_id: user.id, role: 'patient', patient_id: patient.id })
    .execute();
  const client = new Client(h.app);
  const r = await client.login(email);
  if (r.status !== 200) throw new Error(`second patient login: ${r.status} ${r.text}`);
  return { patientId: patient.id, client };
}

/** An appointment written straight into the table (the booking routes are tested elsewhere). */
export async function insertAppointment(
  h: TestApp,
  c: TestClinic,
  o: {
    patientId?: string;
    type: AppointmentTypeKey;
    start: Date;
    minutes?: number;
    status?: AppointmentStatus;
    protocolId?: string;
    chairId?: string;
    notes?: string;
  },
): Promise<string> {
  const end = new Date(o.start.getTime() + (o.minutes ?? 60) * MIN_MS);
  const row = await h.database.db
    .insertInto('appointments')
    .values({
      clinic_id: c.clinicId,
      patient_id: o.patientId ?? c.patientId,
      type: o.type,
      status: o.status ?? 'booked',
      start_at: o.start,
      end_at: end,
      held_until: end,
      protocol_id: o.protocolId ?? null,
      chair_id: o.chairId ?? null,
      notes: o.notes ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertChair(h: TestApp, c: TestClinic, name: string): Promise<string> {
  const row = await h.database.db
    .insertInto('chairs')
    .values({ clinic_id: c.clinicId, name, kind: 'infusion_chair' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A whole hour `hours` from the test clock's now. */
export const hoursFromNow = (h: TestApp, hours: number): Date => {
  const t = h.clock.now().getTime() + hours * 3_600_000;
  return new Date(Math.ceil(t / 3_600_000) * 3_600_000);
};
