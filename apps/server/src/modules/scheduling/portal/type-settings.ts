/**
 * The clinic's settings for an appointment type: its stored override (appointment_types) over the product
 * defaults. Self-booking and the portal's cancellation notice are read from here.
 */
import {
  APPOINTMENT_TYPE_KEYS,
  type AppointmentTypeKey,
  AppointmentTypeSettings,
} from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely, Transaction } from 'kysely';

type Executor = Kysely<DB> | Transaction<DB>;

/** Product defaults: integration and follow-up visits are self-bookable; a dosing visit is never. */
const DEFAULTS: Record<AppointmentTypeKey, AppointmentTypeSettings> = {
  consultation: {
    label: 'Consultation',
    durationMin: 60,
    chairKind: null,
    roles: ['prescriber'],
    bufferMin: 0,
    selfBookable: false,
    cancelNoticeHours: 24,
  },
  dosing: {
    label: 'Dosing visit',
    durationMin: null,
    chairKind: null,
    roles: ['nurse', 'prescriber'],
    bufferMin: 15,
    selfBookable: false,
    cancelNoticeHours: 48,
    prepMin: 15,
    recoveryMin: 30,
  },
  integration: {
    label: 'Integration session',
    durationMin: 60,
    chairKind: 'therapy_room',
    roles: ['therapist'],
    bufferMin: 0,
    selfBookable: true,
    cancelNoticeHours: 24,
  },
  therapy: {
    label: 'Therapy session',
    durationMin: 50,
    chairKind: 'therapy_room',
    roles: ['therapist'],
    bufferMin: 10,
    selfBookable: false,
    cancelNoticeHours: 24,
  },
  follow_up: {
    label: 'Follow-up',
    durationMin: 30,
    chairKind: null,
    roles: ['prescriber', 'nurse'],
    bufferMin: 0,
    selfBookable: true,
    cancelNoticeHours: 24,
  },
  assessment: {
    label: 'Assessment',
    durationMin: 45,
    chairKind: null,
    roles: ['prescriber', 'therapist'],
    bufferMin: 0,
    selfBookable: false,
    cancelNoticeHours: 24,
  },
};

export type TypeSettingsMap = Record<AppointmentTypeKey, AppointmentTypeSettings>;

/** Every type's settings for the clinic; a stored override that no longer parses reads as the default. */
export async function clinicTypeSettings(db: Executor, clinicId: string): Promise<TypeSettingsMap> {
  const rows = await db
    .selectFrom('appointment_types')
    .select(['type', 'settings'])
    .where('clinic_id', '=', clinicId)
    .execute();
  const out = { ...DEFAULTS };
  for (const r of rows) {
    const merged = AppointmentTypeSettings.safeParse({ ...DEFAULTS[r.type], ...r.settings });
    if (merged.success) out[r.type] = merged.data;
  }
  return out;
}

export function selfBookableTypes(settings: TypeSettingsMap): AppointmentTypeKey[] {
  return APPOINTMENT_TYPE_KEYS.filter((t) => settings[t].selfBookable);
}
