/**
 * Typed calls to the scheduling API. Request bodies are the contract schemas' inputs; every response is
 * parsed with its contract schema (`@plasticity/contracts`) before a screen uses it.
 */
import {
  type AddHoursExceptionRequest,
  Appointment,
  AppointmentHistory,
  AppointmentList,
  type AppointmentListQuery,
  AppointmentTypeList,
  AppointmentTypeView,
  type BookAppointmentRequest,
  type BookCourseRequest,
  BookedCourse,
  type CancelAppointmentRequest,
  Chair,
  ChairList,
  ClinicianSchedule,
  ClinicianScheduleList,
  ConfirmationRequestQueued,
  CoursePlanList,
  CourseProposal,
  type CreateChairRequest,
  type NoShowRequest,
  type ProposeCourseRequest,
  type RescheduleAppointmentRequest,
  SessionRecord,
  type SetWeeklyHoursRequest,
  type UpdateAppointmentTypeRequest,
  type UpdateChairRequest,
} from '@plasticity/contracts';
import { z } from 'zod';
import { parser, request } from '../../api/client.ts';

const enc = encodeURIComponent;
const a = (id: string) => `/api/v1/appointments/${enc(id)}`;
const c = (id: string) => `/api/v1/clinicians/${enc(id)}`;

export const listChairs = (includeInactive = false, signal?: AbortSignal) =>
  request('GET', '/api/v1/chairs', ChairList, {
    query: { includeInactive: includeInactive ? 'true' : undefined },
    signal,
  }).then((r) => r.items);
export const createChair = (body: z.input<typeof CreateChairRequest>) =>
  request('POST', '/api/v1/chairs', Chair, { body });
export const updateChair = (id: string, body: z.input<typeof UpdateChairRequest>) =>
  request('PATCH', `/api/v1/chairs/${enc(id)}`, Chair, { body });

export const listClinicians = (signal?: AbortSignal) =>
  request('GET', '/api/v1/clinicians', ClinicianScheduleList, { signal }).then((r) => r.items);
/** The hours routes answer with the clinician's schedule; the screens refetch the list either way. */
const ScheduleOrAny = parser<unknown>((data) => ClinicianSchedule.safeParse(data).data ?? data ?? null);
export const setWeeklyHours = (id: string, body: z.input<typeof SetWeeklyHoursRequest>) =>
  request('PUT', `${c(id)}/hours`, ScheduleOrAny, { body });
export const addHoursException = (id: string, body: z.input<typeof AddHoursExceptionRequest>) =>
  request('POST', `${c(id)}/exceptions`, ScheduleOrAny, { body });
export const cancelHoursException = (id: string, exceptionId: string) =>
  request('POST', `${c(id)}/exceptions/${enc(exceptionId)}/cancel`, ScheduleOrAny, { body: {} });

export const listAppointmentTypes = (signal?: AbortSignal) =>
  request('GET', '/api/v1/appointment-types', AppointmentTypeList, { signal }).then((r) => r.items);
export const updateAppointmentType = (type: string, body: z.input<typeof UpdateAppointmentTypeRequest>) =>
  request('PATCH', `/api/v1/appointment-types/${enc(type)}`, AppointmentTypeView, { body });

export const listAppointments = (query: AppointmentListQuery, signal?: AbortSignal) =>
  request('GET', '/api/v1/appointments', AppointmentList, { query, signal }).then((r) => r.items);
export const getAppointmentHistory = (id: string, signal?: AbortSignal) =>
  request('GET', `${a(id)}/history`, AppointmentHistory, { signal }).then((r) => r.items);
export const bookAppointment = (body: z.input<typeof BookAppointmentRequest>) =>
  request('POST', '/api/v1/appointments', Appointment, { body });
export const rescheduleAppointment = (id: string, body: z.input<typeof RescheduleAppointmentRequest>) =>
  request('POST', `${a(id)}/reschedule`, Appointment, { body });
export const cancelAppointment = (id: string, body: z.input<typeof CancelAppointmentRequest>) =>
  request('POST', `${a(id)}/cancel`, Appointment, { body });
export const markNoShow = (id: string, body: z.input<typeof NoShowRequest>) =>
  request('POST', `${a(id)}/no-show`, Appointment, { body });

/** A dosing appointment's check-in answers with the new session; any other type with the appointment. */
const CheckInResult = z.union([
  SessionRecord.transform((session) => ({ kind: 'session' as const, session })),
  Appointment.transform((appointment) => ({ kind: 'appointment' as const, appointment })),
]);
export const checkIn = (id: string) => request('POST', `${a(id)}/check-in`, CheckInResult, { body: {} });
export const sendConfirmationRequest = (id: string) =>
  request('POST', `${a(id)}/confirmation-request`, ConfirmationRequestQueued, { body: {} });

export const listCoursePlans = (patientId: string, signal?: AbortSignal) =>
  request('GET', `/api/v1/patients/${enc(patientId)}/course-plans`, CoursePlanList, { signal }).then(
    (r) => r.items,
  );

const plan = (id: string) => `/api/v1/plans/${enc(id)}/course`;
export const proposeCourse = (planId: string, body: z.input<typeof ProposeCourseRequest>) =>
  request('POST', `${plan(planId)}/proposal`, CourseProposal, { body });
export const bookCourse = (planId: string, body: z.input<typeof BookCourseRequest>) =>
  request('POST', plan(planId), BookedCourse, { body });
