/**
 * `@plasticity/clinical/scheduling`: pure scheduling logic — clinic-time-zone arithmetic, weekly series, how long
 * a dosing visit holds a chair, the appointment-type defaults and the proposal of a course of dosing visits.
 * Sources: docs/clinical-sources.md#scheduling-defaults (product defaults, clinic-configurable) and
 * docs/clinical-sources.md#default-protocols (course shapes).
 */
export {
  APPOINTMENT_TYPE_KEYS,
  type AppointmentTypeDefaults,
  type AppointmentTypeKey,
  CHAIR_KIND_LABELS,
  CHAIR_KINDS,
  type ChairKind,
  chairKindFor,
  defaultAppointmentTypes,
  isAppointmentTypeKey,
  SCHEDULED_ROLES,
  type ScheduledRole,
} from './scheduling/appointment-types.ts';
export {
  type BusyInterval,
  COURSE_DEFAULTS,
  type CourseProposal,
  courseVisitCount,
  type OpenInterval,
  type ProposeCourseInput,
  type ProposedVisit,
  proposeCourse,
  type TimeInterval,
} from './scheduling/course.ts';
export {
  type DosingVisitLength,
  type DosingVisitParts,
  dosingVisitMinutes,
} from './scheduling/dosing-visit.ts';
export { type WeeklySeriesInput, weeklySeries } from './scheduling/series.ts';
export {
  addDays,
  daysBetween,
  instantToLocal,
  isoWeekday,
  type LocalTime,
  localToInstant,
  parseTime,
} from './scheduling/zoned.ts';
