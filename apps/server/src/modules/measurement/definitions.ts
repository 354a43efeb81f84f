/**
 * The instruments a clinic uses: the built-in definitions (sources cited in each definition), with the
 * clinic's settings applied (`clinics.settings.measurement.instrumentSettings`, e.g. PCL-5 cut-off 31–33,
 * MADRS remission 10–12, MADRS item 10 safety threshold 1–4), plus the clinic's own instruments in the same format
 * (`clinics.settings.measurement.customInstruments`), each checked with `validateDefinition`; an
 * invalid custom definition is skipped rather than breaking scoring of the others.
 */
import {
  configureDefinition,
  getInstrument,
  INSTRUMENTS,
  type InstrumentDefinition,
  validateDefinition,
} from '@plasticity/clinical/instruments';
import { parseClinicSettings, type Role } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

/** Every instrument of the clinic, built-ins first, from the clinic's settings JSON. */
export function instrumentsFromSettings(rawSettings: unknown): InstrumentDefinition[] {
  const s = parseClinicSettings(rawSettings).measurement;
  const out: InstrumentDefinition[] = INSTRUMENTS.map((def) => {
    const cfg = s.instrumentSettings?.[def.id];
    if (!cfg) return def;
    try {
      return configureDefinition(def, cfg);
    } catch {
      return def; // an out-of-range setting falls back to the cited default
    }
  });
  for (const c of s.customInstruments ?? []) {
    if (validateDefinition(c).length === 0) {
      const def = c as InstrumentDefinition;
      if (!getInstrument(def.id) && !out.some((d) => d.id === def.id)) out.push(def);
    }
  }
  return out;
}

export async function clinicInstruments(db: Kysely<DB>, clinicId: string): Promise<InstrumentDefinition[]> {
  const row = await db.selectFrom('clinics').select('settings').where('id', '=', clinicId).executeTakeFirst();
  return instrumentsFromSettings(row?.settings);
}

export async function clinicInstrument(
  db: Kysely<DB>,
  clinicId: string,
  id: string,
): Promise<InstrumentDefinition | undefined> {
  return (await clinicInstruments(db, clinicId)).find((d) => d.id === id);
}

/**
 * Who may enter a clinician-rated instrument. MADRS, MOAA/S and CADSS-6 are rated by the prescriber or
 * nurse who observes the patient (MOAA/S and CADSS-6 are in-chair sedation and dissociation
 * ratings). The C-SSRS screener is a self-report instrument since its version 2.0.0 (Columbia publishes
 * self-report screeners), so the patient and every clinician, therapists included, may enter it.
 */
export const CLINICIAN_RATED_ENTRY_ROLES: Readonly<Record<string, readonly Role[]>> = {
  default: ['prescriber', 'nurse'],
};

export function mayEnter(def: InstrumentDefinition, role: Role): boolean {
  if (role === 'patient') return def.kind === 'self_report';
  if (!['prescriber', 'nurse', 'therapist'].includes(role)) return false;
  if (def.kind === 'self_report') return true;
  const roles = CLINICIAN_RATED_ENTRY_ROLES[def.id] ?? CLINICIAN_RATED_ENTRY_ROLES.default ?? [];
  return roles.includes(role);
}

/** Public fields of a definition for the API and the forms (the whole data definition is public). */
export function publicDefinition(def: InstrumentDefinition): InstrumentDefinition {
  return { ...def };
}
