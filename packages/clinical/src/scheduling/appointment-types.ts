/**
 * Product defaults for the six appointment types a clinic books. Every number here is a Plasticity product
 * default that each clinic can change in its settings (docs/clinical-sources.md#scheduling-defaults); none is
 * a clinical rule. A dosing visit's length comes from the patient's protocol (`dosingVisitMinutes`), and its
 * chair kind from the protocol's route (`chairKindFor`).
 */
import type { Route } from '../protocols/types.ts';

export const APPOINTMENT_TYPE_KEYS: readonly [
  'consultation',
  'dosing',
  'integration',
  'therapy',
  'follow_up',
  'assessment',
] = ['consultation', 'dosing', 'integration', 'therapy', 'follow_up', 'assessment'];
export type AppointmentTypeKey = (typeof APPOINTMENT_TYPE_KEYS)[number];
export const CHAIR_KINDS: readonly ['infusion_chair', 'spravato_room', 'therapy_room'] = [
  'infusion_chair',
  'spravato_room',
  'therapy_room',
];
export type ChairKind = (typeof CHAIR_KINDS)[number];
/** The staff roles that run appointments (admin and front desk book them but do not run them). */
export const SCHEDULED_ROLES: readonly ['prescriber', 'nurse', 'therapist'] = [
  'prescriber',
  'nurse',
  'therapist',
];
export type ScheduledRole = (typeof SCHEDULED_ROLES)[number];

/** Labels of the chair kinds, for screens. */
export const CHAIR_KIND_LABELS: Readonly<Record<ChairKind, string>> = {
  infusion_chair: 'Infusion chair',
  spravato_room: 'SPRAVATO monitoring room',
  therapy_room: 'Therapy room',
};

export interface AppointmentTypeDefaults {
  key: AppointmentTypeKey;
  /** US English label for staff and patients. */
  label: string;
  /** Length in minutes; `null` for dosing: from the protocol (`dosingVisitMinutes`). */
  durationMin: number | null;
  /** Which kind of chair or room it holds; `null` for dosing (from the route, `chairKindFor`) or for none. */
  chairKind: ChairKind | null;
  /** Staff roles that may run it. */
  roles: ScheduledRole[];
  /** Chair or room turnover after the visit, in minutes. */
  bufferMin: number;
  /** Whether a patient may book it from the patient app. */
  selfBookable: boolean;
  /** Hours before the start after which a patient cancellation counts as late. */
  cancelNoticeHours: number;
  /** Chair time before the dose (dosing only; 0 for the others). */
  prepMin: number;
  /** Chair time after the earliest discharge (dosing only; 0 for the others). */
  recoveryMin: number;
  source: string;
}

const PRODUCT_DEFAULT =
  'Plasticity product default (no clinical source); each clinic can change it in its settings ' +
  '(docs/clinical-sources.md#scheduling-defaults)';
const DOSING_SOURCE =
  `${PRODUCT_DEFAULT}. Length from the protocol: administration and the discharge observation minimum ` +
  '(docs/clinical-sources.md#discharge) plus prep and recovery';

const DEFAULTS: Readonly<Record<AppointmentTypeKey, AppointmentTypeDefaults>> = {
  consultation: {
    key: 'consultation',
    label: 'Consultation',
    durationMin: 60,
    chairKind: null,
    roles: ['prescriber'],
    bufferMin: 0,
    selfBookable: false,
    cancelNoticeHours: 24,
    prepMin: 0,
    recoveryMin: 0,
    source: PRODUCT_DEFAULT,
  },
  dosing: {
    key: 'dosing',
    label: 'Dosing visit',
    durationMin: null,
    chairKind: null,
    roles: ['prescriber', 'nurse'],
    bufferMin: 15,
    selfBookable: false,
    cancelNoticeHours: 24,
    prepMin: 15,
    recoveryMin: 15,
    source: DOSING_SOURCE,
  },
  integration: {
    key: 'integration',
    label: 'Integration session',
    durationMin: 60,
    chairKind: 'therapy_room',
    roles: ['therapist'],
    bufferMin: 10,
    selfBookable: true,
    cancelNoticeHours: 24,
    prepMin: 0,
    recoveryMin: 0,
    source: PRODUCT_DEFAULT,
  },
  therapy: {
    key: 'therapy',
    label: 'Therapy session',
    durationMin: 50,
    chairKind: 'therapy_room',
    roles: ['therapist'],
    bufferMin: 10,
    selfBookable: false,
    cancelNoticeHours: 24,
    prepMin: 0,
    recoveryMin: 0,
    source: PRODUCT_DEFAULT,
  },
  follow_up: {
    key: 'follow_up',
    label: 'Follow-up',
    durationMin: 30,
    chairKind: null,
    roles: ['prescriber', 'nurse'],
    bufferMin: 0,
    selfBookable: true,
    cancelNoticeHours: 24,
    prepMin: 0,
    recoveryMin: 0,
    source: PRODUCT_DEFAULT,
  },
  assessment: {
    key: 'assessment',
    label: 'Assessment',
    durationMin: 45,
    chairKind: null,
    roles: ['prescriber', 'nurse', 'therapist'],
    bufferMin: 0,
    selfBookable: false,
    cancelNoticeHours: 24,
    prepMin: 0,
    recoveryMin: 0,
    source: PRODUCT_DEFAULT,
  },
};

/**
 * Fresh copies of the six appointment-type defaults, keyed by type (callers may mutate the result).
 *
 * @example
 * defaultAppointmentTypes().dosing.label; // 'Dosing visit'
 */
export function defaultAppointmentTypes(): Record<AppointmentTypeKey, AppointmentTypeDefaults> {
  const copy = (key: AppointmentTypeKey): AppointmentTypeDefaults => ({
    ...DEFAULTS[key],
    roles: [...DEFAULTS[key].roles],
  });
  return {
    consultation: copy('consultation'),
    dosing: copy('dosing'),
    integration: copy('integration'),
    therapy: copy('therapy'),
    follow_up: copy('follow_up'),
    assessment: copy('assessment'),
  };
}

/** Whether a string is one of the six appointment-type keys. */
export function isAppointmentTypeKey(value: string): value is AppointmentTypeKey {
  return (APPOINTMENT_TYPE_KEYS as readonly string[]).includes(value);
}

/**
 * The chair kind an appointment holds by default: dosing from the protocol's route (intranasal esketamine in a
 * SPRAVATO monitoring room, every other route, or none given, in an infusion chair); integration and therapy
 * in a therapy room; the others none.
 *
 * @example
 * chairKindFor('dosing', 'intranasal'); // 'spravato_room'
 * chairKindFor('dosing', 'iv'); // 'infusion_chair'
 * chairKindFor('follow_up'); // null
 */
export function chairKindFor(typeKey: AppointmentTypeKey, route?: Route): ChairKind | null {
  if (typeKey === 'dosing') return route === 'intranasal' ? 'spravato_room' : 'infusion_chair';
  return DEFAULTS[typeKey].chairKind;
}
