/**
 * The clinic's settings of every appointment type, keyed by type (the shared `listTypeSettings`: product
 * defaults unless the clinic changed them). Self-booking and the portal's cancellation notice are read here.
 */
import {
  APPOINTMENT_TYPE_KEYS,
  type AppointmentTypeKey,
  type AppointmentTypeSettings,
} from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { defaultTypeSettings, listTypeSettings } from '../shared/appointment-types.ts';

export type TypeSettingsMap = Record<AppointmentTypeKey, AppointmentTypeSettings>;

export async function clinicTypeSettings(db: Kysely<DB>, clinicId: string): Promise<TypeSettingsMap> {
  const views = await listTypeSettings(db, clinicId);
  const of = (type: AppointmentTypeKey): AppointmentTypeSettings =>
    views.find((v) => v.type === type) ?? defaultTypeSettings(type);
  return {
    consultation: of('consultation'),
    dosing: of('dosing'),
    integration: of('integration'),
    therapy: of('therapy'),
    follow_up: of('follow_up'),
    assessment: of('assessment'),
  };
}

export function selfBookableTypes(settings: TypeSettingsMap): AppointmentTypeKey[] {
  return APPOINTMENT_TYPE_KEYS.filter((t) => settings[t].selfBookable);
}
