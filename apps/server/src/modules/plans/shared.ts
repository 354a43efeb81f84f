/**
 * Helpers shared by the plans module's operations: the caller's patient (clinic-scoped, 404 otherwise),
 * age on a date, and the clinic's plans settings (configurable thresholds with cited defaults).
 */
import { createHash } from 'node:crypto';
import { DOSING_DEFAULTS } from '@plasticity/clinical/dosing';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
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

export interface PlansSettings {
  /** Weight older than this blocks weight-based dosing (DOSING_DEFAULTS: 30 days, UNVERIFIED default). */
  maxWeightAgeDays: number;
}

/** Reads `settings.plans` of the clinic; anything missing or malformed falls back to the cited default. */
export async function plansSettings(db: Executor, clinicId: string): Promise<PlansSettings> {
  const row = await db.selectFrom('clinics').select('settings').where('id', '=', clinicId).executeTakeFirst();
  const raw = (row?.settings as Record<string, unknown> | undefined)?.plans as
    | Record<string, unknown>
    | undefined;
  const days = raw?.maxWeightAgeDays;
  return {
    maxWeightAgeDays:
      typeof days === 'number' && Number.isFinite(days) && days > 0
        ? days
        : DOSING_DEFAULTS.maxWeightAgeDays.value,
  };
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** SHA-256 of the UTF-8 bytes of a text, lowercase hex (what a signature binds to). */
export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
