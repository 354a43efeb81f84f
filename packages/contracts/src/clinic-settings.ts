/**
 * What `clinics.settings` holds: one JSON object shared by several modules (session policy at the top
 * level, `sessions`, `plans`, `controlled`, `measurement`, `journal`). `StoredClinicSettings` reads it: each setting
 * that is missing or of the wrong type falls back to the default documented beside it, and keys this
 * schema does not know are kept (another module or a later version may own them), so a read-merge-write
 * never drops them. The API shape an admin edits is `ClinicSettings` (users.ts).
 */
import { z } from 'zod';
import { Role } from './common.ts';
import { RemsSettingCertification } from './rems.ts';
import { OpeningHours } from './scheduling-resources.ts';

const positive = (fallback: number) => z.number().positive().finite().catch(fallback);
const positiveInt = (fallback: number) => z.number().int().positive().catch(fallback);

/** A nested module section: its own defaults when the stored value is not an object. */
const section = <S extends z.ZodRawShape>(shape: S) => {
  const schema = z.looseObject(shape);
  return schema.catch(() => schema.parse({}));
};

export const SessionsClinicSettings = section({
  /**
   * Minutes an in-chair vital-sign alert may stay unacknowledged before it escalates to the prescriber.
   * Default 3: a Plasticity default that no guideline sets (a nurse watching several chairs should
   * answer within minutes); clinic-configurable.
   */
  alertEscalationMin: positive(3),
  /** Days after the session within which the SPRAVATO REMS Patient Monitoring Form is due (REMS 386: 7). */
  remsFormDueDays: positive(7),
  /**
   * Minutes a discharged, cancelled or aborted session stays on the live board after it closed. Default
   * 30: a Plasticity product default (no guideline sets it).
   */
  boardClosedVisibleMin: positive(30),
});

export const PlansClinicSettings = section({
  /**
   * Weight older than this many days blocks weight-based dosing. Default 30, the dose calculator's
   * `DOSING_DEFAULTS.maxWeightAgeDays` (`@plasticity/clinical/dosing`; a test keeps them equal).
   */
  maxWeightAgeDays: positive(30),
});

export const ControlledClinicSettings = section({
  /**
   * Days an opened multi-dose vial may be used (containers counted in mL); null turns the check off.
   * Default 28: USP <797>, unless the manufacturer's labelling says otherwise.
   */
  beyondUseDays: z.number().positive().nullable().catch(28),
  /** Days ahead stock is flagged as expiring. Default 60: a practice choice, not a regulation. */
  expiryAlertDays: z.number().int().nonnegative().catch(60),
});

const InstrumentSetting = z.looseObject({
  cutoff: z.number().optional().catch(undefined),
  remissionThreshold: z.number().optional().catch(undefined),
  responseReductionPct: z.number().optional().catch(undefined),
  safetyItemThreshold: z.number().optional().catch(undefined),
});

export const MeasurementClinicSettings = section({
  /** Per built-in instrument (cut-offs within the ranges the instrument allows); default none. */
  instrumentSettings: z.record(z.string(), InstrumentSetting).catch({}),
  /** The clinic's own instruments in the definition format, checked when used; default none. */
  customInstruments: z.array(z.unknown()).catch([]),
});

/**
 * When the portal's journal offers the prompts of each phase of the course
 * (`@plasticity/clinical/integration/journal-phase`, `JOURNAL_PHASE_DEFAULTS`; a test keeps them equal):
 * Plasticity product defaults, docs/clinical-sources.md#journal-prompts-and-mood-check-in.
 */
export const JournalClinicSettings = section({
  /** Hours after a discharge that count as the evening after a session. Default 24. */
  eveningAfterHours: positive(24),
  /** Hours before a booked dosing visit that count as before a session. Default 48. */
  beforeSessionHours: positive(48),
  /** Days after a discharge that count as the week after a session. Default 7. */
  weekAfterDays: positive(7),
});

/**
 * Opening hours until the clinic sets its own: Monday to Friday 08:00–18:00 and Saturday 09:00–13:00, the
 * clinic's local time. A Plasticity product default (no guideline sets it); the calendar flags bookings
 * outside the clinic's hours and never refuses them.
 */
export const DEFAULT_OPENING_HOURS: OpeningHours = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
  { weekday: 6, start: '09:00', end: '13:00' },
];

export const StoredClinicSettings = z.looseObject({
  /** Roles that must use two-factor sign-in. Default admin and prescriber. */
  mfaRequiredRoles: z.array(Role).catch(['admin', 'prescriber']),
  /** Minutes of inactivity that end a sign-in. Default 15. */
  idleTimeoutMin: positiveInt(15),
  /** Hours a sign-in lasts at most. Default 12. */
  absoluteLifetimeHours: positiveInt(12),
  /** Staff may open a self-report form for the patient on a clinic device. Default off. */
  clinicDeviceSelfReport: z.boolean().catch(false),
  /** Staff may hand the patient a clinic device to sign a consent in the clinic. Default off. */
  clinicDeviceConsent: z.boolean().catch(false),
  /** The clinic's SPRAVATO REMS healthcare-setting certification. Default none (null). */
  remsSettingCertification: RemsSettingCertification.nullable().catch(null),
  /** Minutes before an unacknowledged measurement alert goes to every clinician. Default 15. */
  alertEscalationMinutes: z.number().int().nonnegative().max(99_999).catch(15),
  /** When the clinic is open, per ISO weekday (none = closed). Default `DEFAULT_OPENING_HOURS`. */
  openingHours: OpeningHours.catch(() => DEFAULT_OPENING_HOURS.map((h) => ({ ...h }))),
  sessions: SessionsClinicSettings,
  plans: PlansClinicSettings,
  controlled: ControlledClinicSettings,
  measurement: MeasurementClinicSettings,
  journal: JournalClinicSettings,
});
export type StoredClinicSettings = z.infer<typeof StoredClinicSettings>;

/** Reads a stored `clinics.settings` value (any JSON) into settings with every default filled in. */
export function parseClinicSettings(raw: unknown): StoredClinicSettings {
  return StoredClinicSettings.parse(
    raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : {},
  );
}

/**
 * A change to the stored settings: top-level values replace, module sections merge key by key into what
 * is stored. Only keys the schema knows may be written; unknown stored keys are kept as they are.
 */
export type ClinicSettingsPatch = Partial<
  Omit<StoredClinicSettings, 'sessions' | 'plans' | 'controlled' | 'measurement' | 'journal'>
> & {
  sessions?: Partial<z.infer<typeof SessionsClinicSettings>>;
  plans?: Partial<z.infer<typeof PlansClinicSettings>>;
  controlled?: Partial<z.infer<typeof ControlledClinicSettings>>;
  measurement?: Partial<z.infer<typeof MeasurementClinicSettings>>;
  journal?: Partial<z.infer<typeof JournalClinicSettings>>;
};

const SECTIONS = ['sessions', 'plans', 'controlled', 'measurement', 'journal'] as const;

/**
 * The stored JSON after `patch`: starts from the raw stored object (not the parsed one, so defaults are
 * not frozen into storage and unknown keys survive), replaces top-level values and merges sections.
 */
export function mergeClinicSettings(raw: unknown, patch: ClinicSettingsPatch): Record<string, unknown> {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  const base: Record<string, unknown> = isObject(raw) ? { ...raw } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const stored = base[key];
    base[key] =
      (SECTIONS as readonly string[]).includes(key) && isObject(value)
        ? { ...(isObject(stored) ? stored : {}), ...value }
        : value;
  }
  return base;
}
