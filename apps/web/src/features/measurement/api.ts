import {
  Assessment,
  AssessmentCreated,
  AssessmentList,
  ClinicDeviceSelfReport,
  DemoMailbox,
  InstrumentList,
  MeasurementSchedule,
  OutboxList,
  PendingCheckIns,
  SelfReportForm,
  SelfReportLinkCreated,
  SelfReportResult,
} from '@plasticity/contracts';
import type { z } from 'zod';
import { request } from '../../api/client.ts';

export type Answers = (number | null)[];
export type AssessmentCreatedT = z.infer<typeof AssessmentCreated>;
export type AssessmentListT = z.infer<typeof AssessmentList>;
export type OutboxItemT = z.infer<typeof OutboxList>['items'][number];

const p = (id: string) => `/api/v1/patients/${encodeURIComponent(id)}`;

export const listInstruments = (signal?: AbortSignal) =>
  request('GET', '/api/v1/instruments', InstrumentList, { signal }).then((r) => r.items);

export const listAssessments = (patientId: string, instrument?: string, signal?: AbortSignal) =>
  request('GET', `${p(patientId)}/assessments`, AssessmentList, { query: { instrument }, signal });

export const createAssessment = (
  patientId: string,
  body: { instrument: string; answers: Answers; administeredAt?: string },
) => request('POST', `${p(patientId)}/assessments`, AssessmentCreated, { body });

export const getSchedule = (patientId: string, signal?: AbortSignal) =>
  request('GET', `${p(patientId)}/measurement-schedule`, MeasurementSchedule, { signal });

export const putSchedule = (
  patientId: string,
  items: { instrument: string; cadence: 'before_each_session' | 'weekly' | 'monthly' }[],
) => request('PUT', `${p(patientId)}/measurement-schedule`, MeasurementSchedule, { body: { items } });

export const markEnteredInError = (patientId: string, assessmentId: string, reason: string) =>
  request(
    'POST',
    `${p(patientId)}/assessments/${encodeURIComponent(assessmentId)}/entered-in-error`,
    Assessment,
    { body: { reason } },
  );

export const listCheckIns = (patientId: string, signal?: AbortSignal) =>
  request('GET', `${p(patientId)}/check-ins`, PendingCheckIns, { signal });

export const getSelfReportForm = (token: string, signal?: AbortSignal) =>
  request('GET', `/api/v1/self-report/${encodeURIComponent(token)}`, SelfReportForm, {
    signal,
    quiet401: true,
  });

export const submitSelfReport = (token: string, responses: { instrument: string; answers: Answers }[]) =>
  request('POST', `/api/v1/self-report/${encodeURIComponent(token)}`, SelfReportResult, {
    body: { responses },
    quiet401: true,
  });

export const listOutbox = (status: 'unsent' | 'all', signal?: AbortSignal) =>
  request('GET', '/api/v1/outbox', OutboxList, { query: { status }, signal }).then((r) => r.items);

export type DemoMailboxItemT = z.infer<typeof DemoMailbox>['items'][number];
export const readDemoMailbox = (signal?: AbortSignal) =>
  request('GET', '/api/v1/demo/mailbox', DemoMailbox, { signal }).then((r) => r.items);

/** Sends the patient forms by email: the link goes to the patient only. */
export const sendSelfReportLink = (patientId: string, instruments: string[]) =>
  request('POST', `${p(patientId)}/self-report-links`, SelfReportLinkCreated, { body: { instruments } });

/** "Hand the patient a clinic device": a short-lived link to open here, recorded as handed over by the caller. */
export const handOverSelfReport = (patientId: string, instruments: string[]) =>
  request('POST', `${p(patientId)}/self-report-links/clinic-device`, ClinicDeviceSelfReport, {
    body: { instruments },
  });
