import { useQuery } from '@tanstack/react-query';
import {
  getConfirmation,
  listClinicSlots,
  listMyAppointments,
  listOpenSlots,
  type SelfBookableType,
} from './api.ts';

/**
 * Query keys of the portal's appointments: the patient's upcoming visits and the open slots (booking or
 * cancelling invalidates `all`); the public confirmation page's view by token (memory only).
 */
export const portalKeys = {
  all: ['portal-appointments'] as const,
  mine: () => [...portalKeys.all, 'mine'] as const,
  slots: (type: SelfBookableType | 'any') => [...portalKeys.all, 'slots', type] as const,
  confirmation: (token: string) => ['public-confirmation', token] as const,
  /** Staff: the clinic's open slots. */
  clinicSlots: () => [...portalKeys.all, 'clinic-slots'] as const,
};

export function useClinicSlots() {
  return useQuery({ queryKey: portalKeys.clinicSlots(), queryFn: ({ signal }) => listClinicSlots(signal) });
}

export function useMyAppointments() {
  return useQuery({ queryKey: portalKeys.mine(), queryFn: ({ signal }) => listMyAppointments(signal) });
}

export function useOpenSlots(type: SelfBookableType | 'any') {
  return useQuery({
    queryKey: portalKeys.slots(type),
    queryFn: ({ signal }) => listOpenSlots(type === 'any' ? undefined : type, signal),
  });
}

export function useConfirmation(token: string) {
  return useQuery({
    queryKey: portalKeys.confirmation(token),
    queryFn: ({ signal }) => getConfirmation(token, signal),
    enabled: token.length > 0,
    gcTime: 0,
  });
}
