/**
 * Helpers shared by the plans module's operations: the caller's patient (clinic-scoped, 404 otherwise),
 * age on a date, and the clinic's plans settings (configurable thresholds with cited defaults).
 */
import { createHash } from 'node:crypto';
import type { StoredClinicSettings } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { readClinicSettings } from '../clinic/settings-store.ts';
import { requirePatient } from '../patients/require-patient.ts';

export type Executor = Kysely<DB>;

/** The patient of the caller's clinic, or 404 (see patients/require-patient.ts). */
export const patientOf = requirePatient;

/** Whole years between a 'YYYY-MM-DD' birth date and `now` (UTC calendar). */
export function ageOn(dateOfBirth: string, now: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - y;
  const beforeBirthday = now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}

/** `settings.plans` of the clinic; defaults in `PlansClinicSettings` (@plasticity/contracts clinic-settings.ts). */
export type PlansSettings = StoredClinicSettings['plans'];

export async function plansSettings(db: Executor, clinicId: string): Promise<PlansSettings> {
  return (await readClinicSettings(db, clinicId)).plans;
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** SHA-256 of the UTF-8 bytes of a text, lowercase hex (what a signature binds to). */
export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
