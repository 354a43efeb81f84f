/**
 * Clinic-configurable settings of the dosing-session module (clinic `settings.sessions`). Their defaults,
 * and why, are documented in `SessionsClinicSettings` (@plasticity/contracts clinic-settings.ts). Clinical
 * thresholds themselves live in the protocol data.
 */
import { parseClinicSettings, type StoredClinicSettings } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { readClinicSettings } from '../../clinic/settings-store.ts';

export type SessionSettings = StoredClinicSettings['sessions'];

/** The session settings within a stored `clinics.settings` value (already selected with other columns). */
export function resolveSessionSettings(raw: unknown): SessionSettings {
  return parseClinicSettings(raw).sessions;
}

export async function sessionSettings(db: Kysely<DB>, clinicId: string): Promise<SessionSettings> {
  return (await readClinicSettings(db, clinicId)).sessions;
}
