/**
 * Reading and checking clinic settings: the clinic row (name, time zone, address, phone, DEA number,
 * NPI, TIN) and the policy settings kept in `clinics.settings`.
 *
 * Identifiers are checked field by field and stored normalised: the DEA registration number by its check
 * digit (21 CFR 1301; DEA Diversion Control Division), the NPI by its Luhn check digit over 80840
 * (45 CFR 162.406, CMS NPI standard), the TIN as the IRS's nine-digit XX-XXXXXXX, the phone as a US
 * (NANP) number. A bad value is a 400 naming the field, and nothing is changed.
 */

import {
  normaliseDeaNumber,
  normaliseNpi,
  normaliseTin,
  normaliseUsPhone,
} from '@plasticity/clinical/identifiers';
import { type ClinicAddress, type ClinicSettings, parseClinicSettings } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { badField, notFound } from '../../platform/errors.ts';

const ADDRESS_KEYS = ['line1', 'line2', 'city', 'state', 'postalCode'] as const;

export function addressOf(raw: unknown): ClinicAddress {
  const a = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out = {} as ClinicAddress;
  for (const k of ADDRESS_KEYS) out[k] = typeof a[k] === 'string' ? a[k] : '';
  return out;
}

/**
 * The clinic's settings as an admin edits them, through the given executor: inside the update's
 * transaction it must be `trx` (the embedded database has one connection).
 */
export async function loadClinicSettings(executor: Kysely<DB>, clinicId: string): Promise<ClinicSettings> {
  const c = await executor
    .selectFrom('clinics')
    .select(['name', 'time_zone', 'settings', 'address', 'phone', 'dea_number', 'npi', 'tin'])
    .where('id', '=', clinicId)
    .executeTakeFirst();
  if (!c) throw notFound('clinic');
  const s = parseClinicSettings(c.settings);
  return {
    name: c.name,
    timeZone: c.time_zone,
    mfaRequiredRoles: s.mfaRequiredRoles,
    idleTimeoutMin: s.idleTimeoutMin,
    absoluteLifetimeHours: s.absoluteLifetimeHours,
    clinicDeviceSelfReport: s.clinicDeviceSelfReport,
    clinicDeviceConsent: s.clinicDeviceConsent,
    remsSettingCertification: s.remsSettingCertification,
    openingHours: s.openingHours,
    address: addressOf(c.address),
    phone: c.phone,
    deaNumber: c.dea_number,
    npi: c.npi,
    tin: c.tin,
  };
}

const CHECKS = {
  phone: [normaliseUsPhone, 'is not a US phone number: use 10 digits, such as 919-555-0142'],
  deaNumber: [
    normaliseDeaNumber,
    'is not a valid DEA registration number: two letters and seven digits, the last being the check digit',
  ],
  npi: [normaliseNpi, 'is not a valid NPI: 10 digits starting with 1 or 2, the last being the check digit'],
  tin: [normaliseTin, 'is not a valid TIN: 9 digits written XX-XXXXXXX'],
} as const;

/** The identifiers of an update, normalised (empty → null); throws 400 naming the first bad field. */
export function checkedIdentifiers(body: Partial<ClinicSettings>): {
  phone?: string | null;
  dea_number?: string | null;
  npi?: string | null;
  tin?: string | null;
} {
  const out: Record<string, string | null> = {};
  for (const key of Object.keys(CHECKS) as (keyof typeof CHECKS)[]) {
    const v = body[key];
    if (v === undefined) continue;
    const column = key === 'deaNumber' ? 'dea_number' : key;
    if (v === null || v.trim() === '') {
      out[column] = null;
      continue;
    }
    const [normalise, message] = CHECKS[key];
    const ok = normalise(v);
    if (!ok) throw badField(`body.${key}`, message);
    out[column] = ok;
  }
  return out;
}

/** The clinic's address on one line: "811 Spring Forest Road, Suite 1400, Raleigh, NC 27609". */
export function addressLine(raw: unknown): string {
  const a = addressOf(raw);
  const cityLine = [[a.city, a.state].filter(Boolean).join(', '), a.postalCode].filter(Boolean).join(' ');
  return [a.line1, a.line2, cityLine].filter(Boolean).join(', ');
}

/** What documents print at their head: the clinic's name, address and phone, from clinic settings. */
export async function clinicLetterhead(
  db: Kysely<DB>,
  clinicId: string,
): Promise<{ name: string; address: string; phone: string }> {
  const c = await db
    .selectFrom('clinics')
    .select(['name', 'address', 'phone'])
    .where('id', '=', clinicId)
    .executeTakeFirstOrThrow();
  return { name: c.name, address: addressLine(c.address), phone: c.phone ?? '' };
}
