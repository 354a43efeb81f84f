/**
 * The clinic's settings for an appointment type: its stored override (appointment_types) over the product
 * defaults. Self-booking and the portal's cancellation notice are read from here.
 */
import { defaultAppointmentTypes } from '@plasticity/clinical/scheduling';
import {
  APPOINTMENT_TYPE_KEYS,
  type AppointmentTypeKey,
  AppointmentTypeSettings,
} from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely, Transaction } from 'kysely';

type Executor = Kysely<DB> | Transaction<DB>;

/** The product defaults (`@plasticity/clinical/scheduling`) in the settings' shape. */
function productDefaults(): TypeSettingsMap {
  const d = defaultAppointmentTypes();
  const settings = (k: AppointmentTypeKey): AppointmentTypeSettings => {
    const { key: _key, source: _source, ...rest } = d[k];
    return rest;
  };
  return {
    consultation: settings('consultation'),
    dosing: settings('dosing'),
    integration: settings('integration'),
    therapy: settings('therapy'),
    follow_up: settings('follow_up'),
    assessment: settings('assessment'),
  };
}

export type TypeSettingsMap = Record<AppointmentTypeKey, AppointmentTypeSettings>;

/** Every type's settings for the clinic; a stored override that no longer parses reads as the default. */
export async function clinicTypeSettings(db: Executor, clinicId: string): Promise<TypeSettingsMap> {
  const rows = await db
    .selectFrom('appointment_types')
    .select(['type', 'settings'])
    .where('clinic_id', '=', clinicId)
    .execute();
  const defaults = productDefaults();
  const out = { ...defaults };
  for (const r of rows) {
    const merged = AppointmentTypeSettings.safeParse({ ...defaults[r.type], ...r.settings });
    if (merged.success) out[r.type] = merged.data;
  }
  return out;
}

export function selfBookableTypes(settings: TypeSettingsMap): AppointmentTypeKey[] {
  return APPOINTMENT_TYPE_KEYS.filter((t) => settings[t].selfBookable);
}
