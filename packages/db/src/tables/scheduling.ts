/**
 * Kysely types of the scheduling tables (migration packages/db/migrations/0019_scheduling.sql): chairs and
 * rooms, appointment-type settings, clinicians' hours and exceptions, courses, appointments and their events.
 */
import type {
  AppointmentStatus,
  AppointmentTypeKey,
  AppointmentTypeSettings,
  ChairKind,
} from '@plasticity/contracts';
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, Json, NullableTimestamp, Timestamp } from '../schema.ts';

export interface ChairsTable {
  id: Generated<string>;
  clinic_id: string;
  name: string;
  kind: ChairKind;
  active: Generated<boolean>;
  device_id: string | null;
  sort_order: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface AppointmentTypesTable {
  clinic_id: string;
  type: AppointmentTypeKey;
  settings: Json<AppointmentTypeSettings>;
  updated_by: string | null;
  updated_at: DefaultTimestamp;
}

/** `start_time`/`end_time` are `HH:MM:SS` strings (PostgreSQL `time`). */
export interface ClinicianHoursTable {
  id: Generated<string>;
  clinic_id: string;
  user_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
}

export interface ClinicianExceptionsTable {
  id: Generated<string>;
  clinic_id: string;
  user_id: string;
  kind: 'leave' | 'hours';
  from_date: string;
  to_date: string;
  start_time: string | null;
  end_time: string | null;
  note: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  cancelled_at: NullableTimestamp;
}

export interface AppointmentCoursesTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  plan_id: string | null;
  protocol_id: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface AppointmentsTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  type: AppointmentTypeKey;
  status: ColumnType<AppointmentStatus, AppointmentStatus | undefined, AppointmentStatus>;
  start_at: Timestamp;
  end_at: Timestamp;
  held_until: Timestamp;
  chair_id: string | null;
  clinician_id: string | null;
  protocol_id: string | null;
  plan_id: string | null;
  course_id: string | null;
  course_index: number | null;
  session_id: string | null;
  notes: string | null;
  booked_via: ColumnType<'staff' | 'portal', 'staff' | 'portal' | undefined, 'staff' | 'portal'>;
  status_reason: string | null;
  status_changed_at: NullableTimestamp;
  status_changed_by: string | null;
  confirmed_at: NullableTimestamp;
  escort_name: string | null;
  escort_phone: string | null;
  fasting_confirmed: Generated<boolean>;
  no_driving_confirmed: Generated<boolean>;
  reschedule_requested_at: NullableTimestamp;
  reschedule_note: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface AppointmentEventsTable {
  id: Generated<string>;
  seq: Generated<number>;
  clinic_id: string;
  appointment_id: string;
  at: DefaultTimestamp;
  action: string;
  actor_user_id: string | null;
  actor_kind: ColumnType<
    'user' | 'patient_link' | 'system',
    'user' | 'patient_link' | 'system' | undefined,
    'user' | 'patient_link' | 'system'
  >;
  details: Json<Record<string, unknown>>;
}

export interface AppointmentSlotsTable {
  id: Generated<string>;
  clinic_id: string;
  type: AppointmentTypeKey;
  start_at: Timestamp;
  end_at: Timestamp;
  clinician_id: string | null;
  chair_id: string | null;
  appointment_id: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  withdrawn_at: NullableTimestamp;
}

export interface AppointmentConfirmationLinksTable {
  id: Generated<string>;
  clinic_id: string;
  appointment_id: string;
  token_hash: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface AppointmentRemindersTable {
  appointment_id: string;
  kind: '48h' | '24h';
  clinic_id: string;
  outbox_id: string | null;
  created_at: DefaultTimestamp;
}

export interface SchedulingTables {
  appointment_slots: AppointmentSlotsTable;
  appointment_confirmation_links: AppointmentConfirmationLinksTable;
  appointment_reminders: AppointmentRemindersTable;
  chairs: ChairsTable;
  appointment_types: AppointmentTypesTable;
  clinician_hours: ClinicianHoursTable;
  clinician_exceptions: ClinicianExceptionsTable;
  appointment_courses: AppointmentCoursesTable;
  appointments: AppointmentsTable;
  appointment_events: AppointmentEventsTable;
}
