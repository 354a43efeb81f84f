/** Typed calls of the plans API (schemas from @plasticity/contracts). */
import {
  ConsentSignature,
  type DoseCalculateRequest,
  DoseCalculateResponse,
  EligibilityDecision,
  EligibilityList,
  IntakeList,
  IntakeRecord,
  type IntakeRequest,
  PatientConsents,
  ProtocolItem,
  ProtocolList,
  TreatmentPlan,
  TreatmentPlanList,
} from '@plasticity/contracts';
import { request } from '../../api/client.ts';

const p = (id: string) => `/api/v1/patients/${encodeURIComponent(id)}`;

export const listProtocols = (history = false, signal?: AbortSignal) =>
  request('GET', '/api/v1/protocols', ProtocolList, {
    query: history ? { history: 'true' } : {},
    signal,
  }).then((r) => r.items);
export const saveProtocol = (id: string, protocol: unknown, changeNote: string, makeDefault?: boolean) =>
  request('PUT', `/api/v1/protocols/${encodeURIComponent(id)}`, ProtocolItem, {
    body: { protocol, changeNote, ...(makeDefault !== undefined ? { makeDefault } : {}) },
  });

export const listIntakes = (patientId: string, signal?: AbortSignal) =>
  request('GET', `${p(patientId)}/intake`, IntakeList, { signal }).then((r) => r.items);
export const submitIntake = (patientId: string, body: IntakeRequest) =>
  request('POST', `${p(patientId)}/intake`, IntakeRecord, { body });

export const listEligibility = (patientId: string, signal?: AbortSignal) =>
  request('GET', `${p(patientId)}/eligibility`, EligibilityList, { signal }).then((r) => r.items);
export const evaluateEligibility = (patientId: string, protocolId?: string) =>
  request('POST', `${p(patientId)}/eligibility`, EligibilityDecision, {
    body: protocolId ? { protocolId } : {},
  });
export const signEligibility = (
  patientId: string,
  decisionId: string,
  decision: 'approved' | 'declined',
  reason?: string,
) =>
  request('POST', `${p(patientId)}/eligibility/${encodeURIComponent(decisionId)}/sign`, EligibilityDecision, {
    body: { decision, ...(reason ? { reason } : {}) },
  });

export const getConsents = (patientId: string, signal?: AbortSignal) =>
  request('GET', `${p(patientId)}/consents`, PatientConsents, { signal });
export const signConsent = (
  patientId: string,
  body: { documentId: string; typedName: string; textSha256?: string; agree: true },
) => request('POST', `${p(patientId)}/consents`, ConsentSignature, { body });
/** In the clinic: the patient signs on a clinic device a staff member handed over (recorded as such). */
export const signConsentOnClinicDevice = (
  patientId: string,
  body: { documentId: string; typedName: string; textSha256?: string; agree: true },
) => request('POST', `${p(patientId)}/consents/clinic-device`, ConsentSignature, { body });
export const withdrawConsent = (patientId: string, signatureId: string, reason: string) =>
  request('POST', `${p(patientId)}/consents/${encodeURIComponent(signatureId)}/withdraw`, ConsentSignature, {
    body: { reason },
  });
export const consentPdfUrl = (patientId: string, signatureId: string) =>
  `${p(patientId)}/consents/${encodeURIComponent(signatureId)}/pdf`;

export const listPlans = (patientId: string, signal?: AbortSignal) =>
  request('GET', `${p(patientId)}/plans`, TreatmentPlanList, { signal }).then((r) => r.items);
export const createPlan = (
  patientId: string,
  body: { protocolId: string; indications: string[]; plannedSessions?: number; notes?: string },
) => request('POST', `${p(patientId)}/plans`, TreatmentPlan, { body });
export const transitionPlan = (
  patientId: string,
  planId: string,
  to: 'approved' | 'active' | 'completed' | 'stopped',
  reason?: string,
) =>
  request('POST', `${p(patientId)}/plans/${encodeURIComponent(planId)}/transition`, TreatmentPlan, {
    body: { to, ...(reason ? { reason } : {}) },
  });

export const calculateDose = (body: DoseCalculateRequest) =>
  request('POST', '/api/v1/dose/calculate', DoseCalculateResponse, { body });

/** SHA-256 (hex) of the exact text shown, so the server can confirm the patient signed what they read. */
export async function sha256Hex(text: string): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
