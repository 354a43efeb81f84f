/**
 * The clinic's settings per appointment type: the product defaults (`@plasticity/clinical/scheduling`),
 * replaced by the clinic's own row in `appointment_types` when an admin changed them (stored whole, so
 * `isDefault` is "no row"). Also how long a visit lasts (a dosing visit from its protocol) and which chair
 * kind it needs (a dosing visit from the protocol's route).
 */
import type { Protocol } from '@plasticity/clinical/protocols';
import { chairKindFor, defaultAppointmentTypes, dosingVisitMinutes } from '@plasticity/clinical/scheduling';
import {
  APPOINTMENT_TYPE_KEYS,
  type AppointmentTypeKey,
  type AppointmentTypeSettings,
  type AppointmentTypeView,
  type ChairKind,
} from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

/** Length of a dosing visit when neither the request, the clinic's setting nor a protocol says. */
export const DOSING_FALLBACK_MIN = 120;

/** The product default of a type (`@plasticity/clinical/scheduling`) as settings. */
export function defaultTypeSettings(type: AppointmentTypeKey): AppointmentTypeSettings {
  const { key: _key, source: _source, ...settings } = defaultAppointmentTypes()[type];
  return settings;
}

/** The chair kind a visit needs: the type's setting, else for dosing the protocol's route's kind. */
export function neededChairKind(
  type: AppointmentTypeKey,
  settings: AppointmentTypeSettings,
  protocol: Protocol | null,
): ChairKind | null {
  if (settings.chairKind) return settings.chairKind;
  return type === 'dosing' && protocol ? chairKindFor('dosing', protocol.route) : null;
}

/** Minutes of the visit: the request's, the type's, or for dosing the protocol's visit length. */
export function visitMinutes(
  requested: number | undefined,
  settings: AppointmentTypeSettings,
  protocol: Protocol | null,
): number {
  if (requested !== undefined) return requested;
  if (settings.durationMin !== null) return settings.durationMin;
  if (protocol)
    return dosingVisitMinutes(protocol, {
      prepMin: settings.prepMin ?? 0,
      recoveryMin: settings.recoveryMin ?? 0,
    }).minutes;
  return DOSING_FALLBACK_MIN;
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
