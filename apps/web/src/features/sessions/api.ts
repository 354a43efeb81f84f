/**
 * Typed calls to the dosing-session API. Response shapes mirror the server's session record;
 * each response is checked to be an object of the expected kind before the UI uses it.
 */
import type { InfusionEvent, InfusionProgress } from '@plasticity/clinical/dosing';
import type { ObservationsDue } from '@plasticity/clinical/monitoring';
import type { ObservationSchedule, Protocol } from '@plasticity/clinical/protocols';
import {
  type AdministrationEnteredInErrorRequest,
  type AdministrationEventRequest,
  type Alert,
  Board,
  type BoardSession,
  PatientSessionList,
  type PrescribedDose,
  type RemsEnrolment,
  type RemsFormUpdate,
  RemsFormView,
  type StoredVital,
} from '@plasticity/contracts';
import { parser, request, send } from '../../api/client.ts';

type Vital = StoredVital;
type SessionAlert = Alert;

export type { BoardSession };
export { Board, PatientSessionList };

export interface ChecklistItem {
  key: string;
  label: string;
  kind: string;
  blocking: boolean;
  allowNotApplicable: boolean;
  attested: boolean;
  passed: boolean;
  /** False when a failing item cannot be overridden (a record for another drug or route). */
  overridable: boolean;
  message: string;
  attestation: { status: string; note?: string; by: string; at: string; rems?: RemsEnrolment } | null;
  source: string;
}

interface DischargeEval {
  ready: boolean;
  failing: Array<{ key: string; message: string }>;
  earliestAt?: string;
}

/** Draw, administration and witnessed waste appended to the register with a dose (container's unit). */
export interface AdministrationRegister {
  drawEntryId: string;
  administerEntryId: string;
  wasteEntryId: string | null;
  unit: string | null;
  drawn: string | null;
  given: string | null;
  wasted: string | null;
  wasteWitnessUserId: string | null;
  wasteWitnessName: string | null;
  /** Correcting entries appended when the dose was entered in error. */
  correctionEntryIds?: string[];
}

/** What the dose form is pre-filled from (server: `doseOrderFor`), for the shared pure calculator. */
export interface DoseOrder {
  planId: string | null;
  prescribed: PrescribedDose | null;
  weightKg: number | null;
  weightMeasuredAt: string | null;
  heightCm?: number | null;
  sex?: string;
  ageYears: number;
  maxWeightAgeDays: number;
  protocol: Protocol;
}

export interface Administration {
  id: string;
  drug: string;
  route: string;
  doseMg: string;
  volumeMl?: string | null;
  concentrationMgPerMl?: string | null;
  containerId?: string | null;
  /** The register entries of this dose; null when it was not drawn from a register container. */
  register?: AdministrationRegister | null;
  lot: string | null;
  expiry: string | null;
  startedAt: string;
  stoppedAt: string | null;
  verifiedBy: string | null;
  doseCheck?: { mgPerKg?: number | null; weightKg?: number | null; plannedMg?: number | null } | null;
  overrideReason?: string | null;
  doseChangeReason?: string | null;
  notFromRegisterReason?: string | null;
  durationMin?: number | null;
  rateMlPerHour?: number | null;
  infusion?: InfusionProgress | null;
  events?: InfusionEvent[];
  enteredInError?: boolean;
  enteredInErrorReason?: string | null;
}

export interface SessionRecord {
  id: string;
  patientId: string;
  /** The clinic, for the printed discharge sheet (name, phone, time zone). */
  clinic: { name: string; phone: string | null; timeZone: string };
  patient: { id: string; mrn: string; firstName: string; lastName: string; dateOfBirth: string; sex: string };
  protocol: {
    id: string;
    version: number;
    name: string;
    drug: string;
    route: string;
    cadenceMin: number;
    alerts: Record<string, unknown>;
    observationSchedule: ObservationSchedule;
  };
  chair: string;
  scheduledAt: string;
  status: string;
  statusReason: string | null;
  escort: { name: string; phone: string } | null;
  prescriberOnSiteId: string | null;
  doseStartedAt: string | null;
  dischargedAt: string | null;
  lockedAt: string | null;
  dischargeAssessment: {
    gait?: string;
    nausea?: string;
    escortPresent?: boolean;
    sedationResolved?: boolean;
    dissociationResolved?: boolean;
    respiratoryDepression?: boolean;
    readyWithoutTwoHourRuleMin?: number;
  };
  transitions: Array<{
    from: string;
    to: string;
    at: string;
    by: string;
    reason: string | null;
    overrideReason: string | null;
    overridden: Array<{ key: string; message: string }> | null;
  }>;
  checklist: ChecklistItem[];
  checklistApplies: boolean;
  administrations: Administration[];
  /** While a dose can be recorded (null otherwise; absent from older servers): the form then starts empty. */
  doseOrder?: DoseOrder | null;
  vitals: Vital[];
  observations: Observation[];
  /** Which MOAA/S and CADSS-6 are due; null when the patient is not in the chair. */
  observationsDue: ObservationsDue | null;
  notes: Array<{ id: string; authorRole: string; text: string; addendum: boolean; signedAt: string }>;
  alerts: SessionAlert[];
  discharge: DischargeEval;
  rems: { submittedAt: string | null } | null;
}

export interface Observation {
  id: string;
  kind: string;
  at: string;
  data: Record<string, unknown>;
  recordedBy?: string | null;
}

/** The SPRAVATO REMS Patient Monitoring Form as the server pre-fills it (contract `RemsFormView`). */
export type RemsForm = RemsFormView;

export interface RemsPendingItem {
  sessionId: string;
  patientId: string;
  patientName: string;
  treatmentDate: string;
  dueBy: string;
  overdue: boolean;
  status: string;
}

const isObj = (d: unknown): d is Record<string, unknown> => typeof d === 'object' && d !== null;
const sessionP = parser<SessionRecord>((d) =>
  isObj(d) && typeof d.id === 'string' && Array.isArray(d.vitals)
    ? (d as unknown as SessionRecord)
    : undefined,
);
const boardP = parser<Board>((d) => Board.safeParse(d).data);
const patientSessionsP = parser<PatientSessionList>((d) => PatientSessionList.safeParse(d).data);
const anyP = parser<Record<string, unknown>>((d) => (isObj(d) ? d : undefined));
const remsP = parser<RemsForm>((d) => {
  const r = RemsFormView.safeParse(d);
  return r.success ? r.data : undefined;
});
const pendingP = parser<{ items: RemsPendingItem[] }>((d) =>
  isObj(d) && Array.isArray(d.items) ? (d as { items: RemsPendingItem[] }) : undefined,
);

const s = (id: string) => `/api/v1/sessions/${encodeURIComponent(id)}`;

export const getBoard = (signal?: AbortSignal) => request('GET', '/api/v1/board', boardP, { signal });
export const listPatientSessions = (patientId: string, signal?: AbortSignal) =>
  request('GET', `/api/v1/patients/${encodeURIComponent(patientId)}/sessions`, patientSessionsP, { signal });
export const getSession = (id: string, signal?: AbortSignal) => request('GET', s(id), sessionP, { signal });
export const createSession = (body: {
  patientId: string;
  protocolId: string;
  scheduledAt: string;
  chair: string;
}) => request('POST', '/api/v1/sessions', sessionP, { body });
export const transition = (id: string, body: { to: string; overrideReason?: string; reason?: string }) =>
  request('POST', `${s(id)}/transition`, sessionP, { body });
export const setChecklist = (id: string, key: string, body: Record<string, unknown>) =>
  request('PUT', `${s(id)}/checklist/${encodeURIComponent(key)}`, sessionP, { body });
export const recordDose = (id: string, body: Record<string, unknown>) =>
  request('POST', `${s(id)}/administrations`, sessionP, { body });
export const administrationEvent = (id: string, administrationId: string, body: AdministrationEventRequest) =>
  request('POST', `${s(id)}/administrations/${encodeURIComponent(administrationId)}/events`, sessionP, {
    body,
  });
export const administrationEnteredInError = (
  id: string,
  administrationId: string,
  body: AdministrationEnteredInErrorRequest,
) =>
  request(
    'POST',
    `${s(id)}/administrations/${encodeURIComponent(administrationId)}/entered-in-error`,
    sessionP,
    {
      body,
    },
  );
export const postVitals = (
  id: string,
  body: { idempotencyKey: string; readings: Array<Record<string, unknown>> },
) => request('POST', `${s(id)}/vitals`, anyP, { body });
export const postObservation = (id: string, body: Record<string, unknown>) =>
  request('POST', `${s(id)}/observations`, anyP, { body });
export const addNote = (id: string, text: string) =>
  request('POST', `${s(id)}/notes`, anyP, { body: { text } });
export const acknowledge = (id: string, alertId: string, note: string) =>
  request('POST', `${s(id)}/alerts/${encodeURIComponent(alertId)}/acknowledge`, anyP, { body: { note } });
export const setDischargeAssessment = (id: string, body: Record<string, unknown>) =>
  request('PUT', `${s(id)}/discharge-assessment`, anyP, { body });
export const listRemsPending = (signal?: AbortSignal) =>
  request('GET', '/api/v1/rems-forms/pending', pendingP, { signal }).then((r) => r.items);
export const markRemsSubmitted = (id: string) =>
  request('PUT', `${s(id)}/rems-form`, anyP, { body: { submitted: true } });
export const getRemsForm = (id: string, signal?: AbortSignal) =>
  request('GET', `${s(id)}/rems-form`, remsP, { signal });
export const updateRemsForm = (id: string, body: RemsFormUpdate) =>
  request('PUT', `${s(id)}/rems-form`, remsP, { body });

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
