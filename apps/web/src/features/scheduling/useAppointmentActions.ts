/**
 * The front desk's actions on one appointment, shared by the calendar's details and the day list. Every
 * change refetches the appointment lists; a dosing check-in opens the new session's page (as the board's
 * "New session" does), so the nurse never types the patient, protocol, plan or chair twice.
 */
import type {
  CancelAppointmentRequest,
  NoShowRequest,
  RescheduleAppointmentRequest,
} from '@plasticity/contracts';
import { useMe } from '../../app/auth.tsx';
import { useNavigate } from '../../app/router.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { sessionKeys } from '../sessions/queries.ts';
import {
  cancelAppointment,
  checkIn,
  markNoShow,
  rescheduleAppointment,
  sendConfirmationRequest,
} from './api.ts';
import { scheduleKeys } from './queries.ts';

const LISTS = [scheduleKeys.appointments()];

/** Roles that open dosing sessions (the front desk checks in; the nurse takes over on the board). */
const SESSION_ROLES: readonly string[] = ['admin', 'prescriber', 'nurse', 'therapist'];

export function useCheckIn() {
  const navigate = useNavigate();
  const role = useMe().role;
  return useApiMutation(checkIn, {
    invalidates: [...LISTS, sessionKeys.board()],
    onSuccess: (result) => {
      if (result.kind === 'session' && SESSION_ROLES.includes(role)) {
        navigate(`/sessions/${result.session.id}`);
      }
    },
  });
}

export function useNoShow() {
  return useApiMutation(({ id, body }: { id: string; body: NoShowRequest }) => markNoShow(id, body), {
    invalidates: LISTS,
  });
}

export function useCancelAppointment() {
  return useApiMutation(
    ({ id, body }: { id: string; body: CancelAppointmentRequest }) => cancelAppointment(id, body),
    { invalidates: LISTS },
  );
}

export function useReschedule() {
  return useApiMutation(
    ({ id, body }: { id: string; body: RescheduleAppointmentRequest }) => rescheduleAppointment(id, body),
    { invalidates: LISTS },
  );
}

/** Sends the patient the visit's confirmation request now (a fresh one-time link replaces the older one). */
export function useSendConfirmationRequest() {
  return useApiMutation(sendConfirmationRequest, { invalidates: LISTS });
}
