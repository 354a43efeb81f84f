/**
 * The clinic's settings per appointment type: the product defaults, replaced by the clinic's own row in
 * `appointment_types` when an admin changed them (stored whole, so `isDefault` is "no row"). Also how long
 * a dosing visit lasts (from its protocol) and which chair kind it needs (from the protocol's route).
 */
import type { Protocol, Route } from '@plasticity/clinical/protocols';
import {
  APPOINTMENT_TYPE_KEYS,
  type AppointmentTypeKey,
  type AppointmentTypeSettings,
  type AppointmentTypeView,
  type ChairKind,
} from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

/**
 * TEMPORARY copy of the product defaults until `@plasticity/clinical/scheduling` is on this branch; then
 * these come from there. Dosing: no fixed length (from the protocol), its chair kind from the route.
 */
const TEMPORARY_TYPE_DEFAULTS: Record<AppointmentTypeKey, AppointmentTypeSettings> = {
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
    roles: ['prescriber', 'nurse'],
    bufferMin: 15,
    selfBookable: false,
    cancelNoticeHours: 48,
    prepMin: 15,
    recoveryMin: 30,
  },
  integration: {
    label: 'Integration session',
    durationMin: 60,
    chairKind: null,
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
    durationMin: 60,
    chairKind: null,
    roles: ['prescriber', 'nurse', 'therapist'],
    bufferMin: 0,
    selfBookable: false,
    cancelNoticeHours: 24,
  },
};

/** Length of a dosing visit when neither the request, the type nor a protocol says. */
export const DOSING_FALLBACK_MIN = 120;

export function defaultTypeSettings(type: AppointmentTypeKey): AppointmentTypeSettings {
  return TEMPORARY_TYPE_DEFAULTS[type];
}

/** The chair kind a dosing route needs: infusion chair for IV/IM, the Spravato room for intranasal. */
export function chairKindForRoute(route: Route): ChairKind {
  if (route === 'iv' || route === 'im') return 'infusion_chair';
  if (route === 'intranasal') return 'spravato_room';
  return 'therapy_room';
}

/**
 * Minutes a dosing visit holds its chair: preparation, administration, the protocol's minimum observation
 * before discharge, and recovery (SPRAVATO label section 2: at least 2 hours of monitoring).
 */
export function dosingVisitMinutes(
  protocol: Protocol,
  t: { prepMin?: number; recoveryMin?: number },
): { minutes: number } {
  const d = protocol.discharge;
  const administration = protocol.durationMin ?? 0;
  const observation = d.minMinutesAfterDose ?? administration + (d.minMinutesAfterAdministrationEnd ?? 60);
  return { minutes: (t.prepMin ?? 0) + Math.max(observation, administration) + (t.recoveryMin ?? 0) };
}

type Db = Kysely<DB>;

/** Every type's settings for the clinic, defaults merged with its changes, in the product's order. */
export async function listTypeSettings(db: Db, clinicId: string): Promise<AppointmentTypeView[]> {
  const rows = await db
    .selectFrom('appointment_types')
    .select(['type', 'settings'])
    .where('clinic_id', '=', clinicId)
    .execute();
  const byType = new Map(rows.map((r) => [r.type, r.settings]));
  return APPOINTMENT_TYPE_KEYS.map((type) => {
    const own = byType.get(type);
    return { ...defaultTypeSettings(type), ...own, type, isDefault: !own };
  });
}

export async function typeSettings(
  db: Db,
  clinicId: string,
  type: AppointmentTypeKey,
): Promise<AppointmentTypeSettings> {
  const row = await db
    .selectFrom('appointment_types')
    .select('settings')
    .where('clinic_id', '=', clinicId)
    .where('type', '=', type)
    .executeTakeFirst();
  return { ...defaultTypeSettings(type), ...row?.settings };
}

export const typeLabel = (views: AppointmentTypeView[], type: AppointmentTypeKey): string =>
  views.find((v) => v.type === type)?.label ?? defaultTypeSettings(type).label;
