import {
  type CreateSlotsRequest,
  OpenSlot,
  OpenSlotList,
  PortalAppointment,
  PortalAppointmentList,
  PublicConfirmationView,
  type SubmitConfirmationRequest,
} from '@plasticity/contracts';
import type { z } from 'zod';
import { request } from '../../api/client.ts';

export type PortalAppointmentT = z.infer<typeof PortalAppointment>;
export type OpenSlotT = z.infer<typeof OpenSlotList>['items'][number];
export type ConfirmationViewT = z.infer<typeof PublicConfirmationView>;
export type SubmitConfirmationT = z.input<typeof SubmitConfirmationRequest>;
export type SelfBookableType = 'integration' | 'follow_up';

export const listMyAppointments = (signal?: AbortSignal) =>
  request('GET', '/api/v1/portal/appointments', PortalAppointmentList, { signal }).then((r) => r.items);

export const listOpenSlots = (type: SelfBookableType | undefined, signal?: AbortSignal) =>
  request('GET', '/api/v1/portal/slots', OpenSlotList, { query: { type }, signal }).then((r) => r.items);

export const bookSlot = (slotId: string) =>
  request('POST', `/api/v1/portal/slots/${encodeURIComponent(slotId)}/book`, PortalAppointment, { body: {} });

export const cancelMyAppointment = (id: string) =>
  request('POST', `/api/v1/portal/appointments/${encodeURIComponent(id)}/cancel`, PortalAppointment, {
    body: {},
  });

/** The confirmation link's token goes to the API only: never into storage, logs or another address. */
export const getConfirmation = (token: string, signal?: AbortSignal) =>
  request('GET', `/api/v1/public/confirmations/${encodeURIComponent(token)}`, PublicConfirmationView, {
    signal,
    quiet401: true,
  });

export const submitConfirmation = (token: string, body: SubmitConfirmationT) =>
  request('POST', `/api/v1/public/confirmations/${encodeURIComponent(token)}`, PublicConfirmationView, {
    body,
    quiet401: true,
  });

export type CreateSlotsT = z.input<typeof CreateSlotsRequest>;

/** Staff: the clinic's open portal slots (default from now for 60 days). */
export const listClinicSlots = (signal?: AbortSignal) =>
  request('GET', '/api/v1/appointment-slots', OpenSlotList, { signal }).then((r) => r.items);

export const openSlots = (body: CreateSlotsT) =>
  request('POST', '/api/v1/appointment-slots', OpenSlotList, { body }).then((r) => r.items);

export const withdrawSlot = (id: string) =>
  request('POST', `/api/v1/appointment-slots/${encodeURIComponent(id)}/withdraw`, OpenSlot, { body: {} });
