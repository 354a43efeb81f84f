/**
 * Scheduling resources: chairs and rooms, the clinic's appointment types, and clinicians' working hours with
 * their exceptions. Times of day are the clinic's local wall-clock times (`HH:MM`), weekdays ISO (1 = Monday).
 */
import {
  APPOINTMENT_TYPE_KEYS,
  CHAIR_KIND_LABELS,
  CHAIR_KINDS,
  SCHEDULED_ROLES,
} from '@plasticity/clinical/scheduling';
import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const ChairKind = z.enum(CHAIR_KINDS);
export type ChairKind = z.infer<typeof ChairKind>;
export const AppointmentTypeKey = z.enum(APPOINTMENT_TYPE_KEYS);
export type AppointmentTypeKey = z.infer<typeof AppointmentTypeKey>;
export { APPOINTMENT_TYPE_KEYS, CHAIR_KIND_LABELS, CHAIR_KINDS };

export const Chair = z.object({
  id: Uuid,
  name: z.string(),
  kind: ChairKind,
  active: z.boolean(),
  /** The bedside monitor's identifier, for device feeds. */
  deviceId: z.string().nullable(),
  sortOrder: z.number().int(),
});
export type Chair = z.infer<typeof Chair>;
export const ChairList = z.object({ items: z.array(Chair) });
export type ChairList = z.infer<typeof ChairList>;

export const ChairListQuery = z
  .object({ includeInactive: z.enum(['true', 'false']).optional(), kind: ChairKind.optional() })
  .strict();

/**
 * A bedside monitor's identifier: any text up to 64 characters (monitors send their EUI-64, 16 hex digits, in
 * OBX-18 of IHE PCD-01 messages); unique among the clinic's chairs.
 */
export const DEVICE_ID_MAX = 64;
const DeviceId = text(DEVICE_ID_MAX);

export const CreateChairRequest = z
  .object({
    name: text(40),
    kind: ChairKind,
    deviceId: DeviceId.nullable().optional(),
    sortOrder: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
export type CreateChairRequest = z.infer<typeof CreateChairRequest>;

export const UpdateChairRequest = z
  .object({
    name: text(40).optional(),
    kind: ChairKind.optional(),
    active: z.boolean().optional(),
    deviceId: DeviceId.nullable().optional(),
    sortOrder: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
export type UpdateChairRequest = z.infer<typeof UpdateChairRequest>;

/** Staff roles that may run an appointment type. */
export const ClinicianRole = z.enum(SCHEDULED_ROLES);
export type ClinicianRole = z.infer<typeof ClinicianRole>;

/** A clinic's settings for one appointment type (product defaults until the clinic changes them). */
export const AppointmentTypeSettings = z.object({
  label: text(60),
  /** Default length in minutes; null for dosing = from the protocol (dose + monitoring + recovery). */
  durationMin: z.number().int().min(5).max(600).nullable(),
  /** The chair or room kind the visit needs; null for dosing = from the protocol's route; null otherwise = none. */
  chairKind: ChairKind.nullable(),
  roles: z.array(ClinicianRole).min(1),
  /** Minutes the chair or room stays held after the visit (turnover). */
  bufferMin: z.number().int().min(0).max(120),
  /** Patients may book it themselves on the portal into slots the clinic opened. */
  selfBookable: z.boolean(),
  /** Patients may cancel on the portal until this many hours before the start. */
  cancelNoticeHours: z.number().int().min(0).max(336),
  /** Dosing: minutes before the dose (check-in, vitals) and after monitoring (recovery). */
  prepMin: z.number().int().min(0).max(240).optional(),
  recoveryMin: z.number().int().min(0).max(240).optional(),
});
export type AppointmentTypeSettings = z.infer<typeof AppointmentTypeSettings>;

export const AppointmentTypeView = AppointmentTypeSettings.extend({
  type: AppointmentTypeKey,
  /** True when the clinic has not changed the product default. */
  isDefault: z.boolean(),
});
export type AppointmentTypeView = z.infer<typeof AppointmentTypeView>;
export const AppointmentTypeList = z.object({ items: z.array(AppointmentTypeView) });
export type AppointmentTypeList = z.infer<typeof AppointmentTypeList>;
export const AppointmentTypeParams = z.object({ type: AppointmentTypeKey });
export const UpdateAppointmentTypeRequest = AppointmentTypeSettings.partial().strict();
export type UpdateAppointmentTypeRequest = z.infer<typeof UpdateAppointmentTypeRequest>;

/** `HH:MM`, 00:00–23:59 (24:00 allowed as an end). */
export const LocalTime = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time as HH:MM (24-hour)');

export const WeeklyHours = z
  .object({ weekday: z.number().int().min(1).max(7), start: LocalTime, end: LocalTime })
  .strict()
  .refine((h) => h.end > h.start, { message: 'must end after it starts', path: ['end'] });
export type WeeklyHours = z.infer<typeof WeeklyHours>;

export const HoursException = z.object({
  id: Uuid,
  kind: z.enum(['leave', 'hours']),
  fromDate: IsoDate,
  toDate: IsoDate,
  start: LocalTime.nullable(),
  end: LocalTime.nullable(),
  note: z.string().nullable(),
});
export type HoursException = z.infer<typeof HoursException>;

export const ClinicianSchedule = z.object({
  userId: Uuid,
  displayName: z.string(),
  roles: z.array(z.string()),
  weekly: z.array(WeeklyHours),
  exceptions: z.array(HoursException),
});
export type ClinicianSchedule = z.infer<typeof ClinicianSchedule>;
export const ClinicianScheduleList = z.object({ items: z.array(ClinicianSchedule) });
export type ClinicianScheduleList = z.infer<typeof ClinicianScheduleList>;

/** PUT /api/v1/clinicians/{id}/hours: replaces the weekly hours. */
export const SetWeeklyHoursRequest = z.object({ weekly: z.array(WeeklyHours).max(40) }).strict();
export type SetWeeklyHoursRequest = z.infer<typeof SetWeeklyHoursRequest>;

export const AddHoursExceptionRequest = z
  .object({
    kind: z.enum(['leave', 'hours']),
    fromDate: IsoDate,
    toDate: IsoDate,
    start: LocalTime.optional(),
    end: LocalTime.optional(),
    note: text(500).optional(),
  })
  .strict();
export type AddHoursExceptionRequest = z.infer<typeof AddHoursExceptionRequest>;

/** POST /api/v1/clinicians/{id}/exceptions/{exceptionId}/cancel */
export const ClinicianExceptionParams = z.object({ id: Uuid, exceptionId: Uuid });

/**
 * The index of the first interval that overlaps an earlier one on the same weekday, or null. Intervals are
 * half-open: 08:00–12:00 and 12:00–16:00 do not overlap.
 */
export function firstOverlappingHours(hours: readonly WeeklyHours[]): number | null {
  for (let i = 0; i < hours.length; i++) {
    const h = hours[i] as WeeklyHours;
    for (let j = 0; j < i; j++) {
      const o = hours[j] as WeeklyHours;
      if (o.weekday === h.weekday && h.start < o.end && o.start < h.end) return i;
    }
  }
  return null;
}

/**
 * The clinic's opening hours, per ISO weekday (none = closed; a split day has two intervals); kept in clinic
 * settings. Two intervals overlapping on one weekday are refused, naming the later one.
 */
export const OpeningHours = z
  .array(WeeklyHours)
  .max(28)
  .superRefine((hours, ctx) => {
    const i = firstOverlappingHours(hours);
    if (i !== null)
      ctx.addIssue({ code: 'custom', path: [i], message: 'overlaps another interval on the same weekday' });
  });
export type OpeningHours = z.infer<typeof OpeningHours>;

/** A time the calendar flags: outside opening hours or the clinician's working hours. */
export const ScheduleFlag = z.object({
  code: z.enum(['outside_opening_hours', 'outside_working_hours', 'clinician_on_leave']),
  message: z.string(),
});
export type ScheduleFlag = z.infer<typeof ScheduleFlag>;

export const TimeRangeQuery = z.object({ from: IsoDateTime, to: IsoDateTime });
