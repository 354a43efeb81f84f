/**
 * Scale data for the read-path benchmark: `ensureScaleData(db, { patients })` spreads the patients over 50
 * clinics (each with a nurse who can sign in) with the generator behind `npx plasticity demo generate`
 * (`generateSyntheticCohort`: patients, plans, discharged sessions, assessments), then `analyze`. Every
 * benchmark that needs a clinic network takes its data through this one function, so a richer shared
 * generator can replace its body without touching the benchmarks.
 */
import { randomUUID } from 'node:crypto';
import { type DB, toJson } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { hashPassword } from '../apps/server/src/modules/auth/passwords.ts';
import {
  clinicProtocols,
  generateSyntheticCohort,
} from '../apps/server/src/modules/outcomes/generate/synthetic-cohort.ts';
import { ensureLibrary } from '../apps/server/src/modules/plans/library/ensure-library.ts';

export const SCALE_PASSWORD = 'bench-scale-password';
const CLINICS = 50;

export interface ScaleClinic {
  id: string;
  nurseEmail: string;
  nurseId: string;
}

export async function ensureScaleData(
  db: Kysely<DB>,
  opts: { patients: number; log?: (line: string) => void },
): Promise<ScaleClinic[]> {
  const hash = await hashPassword(SCALE_PASSWORD);
  const clinics: ScaleClinic[] = [];
  const per = Math.ceil(opts.patients / CLINICS);
  for (let k = 0; k < CLINICS; k++) {
    const clinic = await db
      .insertInto('clinics')
      .values({
        name: `Scale Clinic ${k + 1}`,
        address: toJson({}),
        settings: toJson({ mfaRequiredRoles: [] }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const nurseEmail = `scale-nurse-${k + 1}-${randomUUID().slice(0, 8)}@bench.example`;
    const nurse = await db
      .insertInto('users')
      .values({
        email: nurseEmail,
        display_name: `Nurse ${k + 1}`,
        password_hash: hash,
        recovery_codes: toJson([]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('memberships')
      .values({ clinic_id: clinic.id, user_id: nurse.id, role: 'nurse' })
      .execute();
    await ensureLibrary(db, clinic.id);
    await generateSyntheticCohort(db, await clinicProtocols(db, clinic.id), {
      clinicId: clinic.id,
      patients: Math.min(per, opts.patients - per * k),
      seed: k + 1,
      now: new Date(),
      prescriberId: nurse.id,
      batchSize: 500,
      refreshSummaries: false,
    });
    clinics.push({ id: clinic.id, nurseEmail, nurseId: nurse.id });
    if ((k + 1) % 10 === 0) opts.log?.(`  ${k + 1}/${CLINICS} clinics`);
  }
  await sql`analyze`.execute(db);
  return clinics;
}
