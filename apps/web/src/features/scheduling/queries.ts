import type { AppointmentListQuery } from '@plasticity/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  getAppointmentHistory,
  listAppointments,
  listAppointmentTypes,
  listChairs,
  listClinicians,
  listCoursePlans,
} from './api.ts';

/**
 * Query keys of the scheduling feature. Resources (chairs, clinicians' hours, appointment types) sit under
 * `resources()`; every list of appointments (calendar ranges, the day list, a patient's course) and each
 * appointment's history under `appointments()`, so a booking, move, cancellation or check-in refetches them
 * all with one prefix.
 */
export const scheduleKeys = {
  all: ['scheduling'] as const,
  resources: () => [...scheduleKeys.all, 'resources'] as const,
  chairs: (includeInactive: boolean) => [...scheduleKeys.resources(), 'chairs', { includeInactive }] as const,
  clinicians: () => [...scheduleKeys.resources(), 'clinicians'] as const,
  types: () => [...scheduleKeys.resources(), 'types'] as const,
  appointments: () => [...scheduleKeys.all, 'appointments'] as const,
  list: (query: AppointmentListQuery) => [...scheduleKeys.appointments(), 'list', query] as const,
  history: (id: string) => [...scheduleKeys.appointments(), 'history', id] as const,
  coursePlans: (patientId: string) => [...scheduleKeys.appointments(), 'course-plans', patientId] as const,
};

export function useChairs(includeInactive = false) {
  return useQuery({
    queryKey: scheduleKeys.chairs(includeInactive),
    queryFn: ({ signal }) => listChairs(includeInactive, signal),
  });
}

export function useClinicians(enabled = true) {
  return useQuery({
    queryKey: scheduleKeys.clinicians(),
    queryFn: ({ signal }) => listClinicians(signal),
    enabled,
  });
}

export function useAppointmentTypes() {
  return useQuery({ queryKey: scheduleKeys.types(), queryFn: ({ signal }) => listAppointmentTypes(signal) });
}

/** Appointments in a range (or of a patient); the previous range stays on screen while the next loads. */
export function useAppointments(query: AppointmentListQuery, enabled = true) {
  return useQuery({
    queryKey: scheduleKeys.list(query),
    queryFn: ({ signal }) => listAppointments(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAppointmentHistory(id: string, enabled = true) {
  return useQuery({
    queryKey: scheduleKeys.history(id),
    queryFn: ({ signal }) => getAppointmentHistory(id, signal),
    enabled,
  });
}

/** The patient's plans a course can be booked from (refetched with the appointment lists). */
export function useCoursePlans(patientId: string) {
  return useQuery({
    queryKey: scheduleKeys.coursePlans(patientId),
    queryFn: ({ signal }) => listCoursePlans(patientId, signal),
  });
}
