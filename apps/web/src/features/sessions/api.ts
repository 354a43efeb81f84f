/**
 * Typed calls to the dosing-session API. Request bodies and responses are the contract schemas of
 * `@plasticity/contracts` (the server answers through the same schemas); each response is parsed with its
 * schema before the UI uses it.
 */
import {
  type AdministrationEnteredInErrorRequest,
  type AdministrationEventRequest,
  type AdministrationRequest,
  type AdministrationView,
  Alert,
  Board,
  type BoardSession,
  type ChecklistItemView,
  type ChecklistUpdate,
  ConfirmVitalsResult,
  type CreateSessionRequest,
  type DischargeAssessmentRequest,
  DischargeAssessmentResult,
  type ObservationRequest,
  ObservationResult,
  PatientSessionList,
  type RemsFormUpdate,
  RemsFormView,
  RemsPending,
  SessionNote,
  type SessionObservation,
  SessionRecord,
  type TransitionRequest,
  type VitalsUpload,
  VitalsUploadResult,
} from '@plasticity/contracts';
import type { z } from 'zod';
import { request, send } from '../../api/client.ts';

export type { AdministrationRegister, DoseOrder } from '@plasticity/contracts';
export type { BoardSession, SessionRecord };

export type ChecklistItem = ChecklistItemView;
export type Administration = AdministrationView;
export type Observation = SessionObservation;

/** The SPRAVATO REMS Patient Monitoring Form as the server pre-fills it (contract `RemsFormView`). */
export type RemsForm = RemsFormView;

const s = (id: string) => `/api/v1/sessions/${encodeURIComponent(id)}`;

export const getBoard = (signal?: AbortSignal) => request('GET', '/api/v1/board', Board, { signal });
export const listPatientSessions = (patientId: string, signal?: AbortSignal) =>
  request('GET', `/api/v1/patients/${encodeURIComponent(patientId)}/sessions`, PatientSessionList, {
    signal,
  });
export const getSession = (id: string, signal?: AbortSignal) =>
  request('GET', s(id), SessionRecord, { signal });
export const createSession = (body: z.input<typeof CreateSessionRequest>) =>
  request('POST', '/api/v1/sessions', SessionRecord, { body });
export const transition = (id: string, body: z.input<typeof TransitionRequest>) =>
  request('POST', `${s(id)}/transition`, SessionRecord, { body });
export const setChecklist = (id: string, key: string, body: z.input<typeof ChecklistUpdate>) =>
  request('PUT', `${s(id)}/checklist/${encodeURIComponent(key)}`, SessionRecord, { body });
export const recordDose = (id: string, body: z.input<typeof AdministrationRequest>) =>
  request('POST', `${s(id)}/administrations`, SessionRecord, { body });
export const administrationEvent = (
  id: string,
  administrationId: string,
  body: z.input<typeof AdministrationEventRequest>,
) =>
  request('POST', `${s(id)}/administrations/${encodeURIComponent(administrationId)}/events`, SessionRecord, {
    body,
  });
export const administrationEnteredInError = (
  id: string,
  administrationId: string,
  body: z.input<typeof AdministrationEnteredInErrorRequest>,
) =>
  request(
    'POST',
    `${s(id)}/administrations/${encodeURIComponent(administrationId)}/entered-in-error`,
    SessionRecord,
    {
      body,
    },
  );
export const postVitals = (id: string, body: z.input<typeof VitalsUpload>) =>
  request('POST', `${s(id)}/vitals`, VitalsUploadResult, { body });
/** The validation of device data: a nurse confirms readings a bedside monitor sent. */
export const confirmVitals = (id: string, vitalIds: string[]) =>
  request('POST', `${s(id)}/vitals/confirm`, ConfirmVitalsResult, { body: { vitalIds } });
export const postObservation = (id: string, body: z.input<typeof ObservationRequest>) =>
  request('POST', `${s(id)}/observations`, ObservationResult, { body });
export const addNote = (id: string, text: string) =>
  request('POST', `${s(id)}/notes`, SessionNote, { body: { text } });
export const acknowledge = (id: string, alertId: string, note: string) =>
  request('POST', `${s(id)}/alerts/${encodeURIComponent(alertId)}/acknowledge`, Alert, {
    body: { note },
  });
export const setDischargeAssessment = (id: string, body: z.input<typeof DischargeAssessmentRequest>) =>
  request('PUT', `${s(id)}/discharge-assessment`, DischargeAssessmentResult, { body });
export const listRemsPending = (signal?: AbortSignal) =>
  request('GET', '/api/v1/rems-forms/pending', RemsPending, { signal }).then((r) => r.items);
export const markRemsSubmitted = (id: string) =>
  request('PUT', `${s(id)}/rems-form`, RemsFormView, { body: { submitted: true } });
export const getRemsForm = (id: string, signal?: AbortSignal) =>
  request('GET', `${s(id)}/rems-form`, RemsFormView, { signal });
export const updateRemsForm = (id: string, body: z.input<typeof RemsFormUpdate>) =>
  request('PUT', `${s(id)}/rems-form`, RemsFormView, { body });

/** Downloads the REMS PDF through the API client (cookies, error handling) and saves it as a file. */
export async function downloadRemsPdf(id: string): Promise<void> {
  const res = await send('GET', `${s(id)}/rems-form.pdf`);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'rems-monitoring-form.pdf';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
