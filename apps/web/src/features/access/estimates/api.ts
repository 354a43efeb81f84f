/** Typed calls of the good-faith estimate API (schemas from @plasticity/contracts). */
import {
  Coverage,
  type CoverageStatus,
  type CreateEstimateRequest,
  Estimate,
  EstimatesDue,
  PatientEstimates,
} from '@plasticity/contracts';
import { request, send } from '../../../api/client.ts';

const p = (id: string) => `/api/v1/patients/${encodeURIComponent(id)}`;
const e = (id: string) => `/api/v1/estimates/${encodeURIComponent(id)}`;

export const getPatientEstimates = (patientId: string, signal?: AbortSignal) =>
  request('GET', `${p(patientId)}/estimates`, PatientEstimates, { signal });
export const setCoverage = (patientId: string, status: CoverageStatus) =>
  request('POST', `${p(patientId)}/coverage`, Coverage, { body: { status } });
export const createEstimate = (patientId: string, body: CreateEstimateRequest) =>
  request('POST', `${p(patientId)}/estimates`, Estimate, { body });
export const issueEstimate = (id: string) => request('POST', `${e(id)}/issue`, Estimate, { body: {} });
export const enterEstimateInError = (id: string, reason: string) =>
  request('POST', `${e(id)}/entered-in-error`, Estimate, { body: { reason } });
export const getEstimatesDue = (signal?: AbortSignal) =>
  request('GET', '/api/v1/estimates/due', EstimatesDue, { signal }).then((r) => r.items);

/** Downloads the estimate's PDF under a name without patient data. */
export async function downloadEstimatePdf(id: string): Promise<void> {
  const res = await send('GET', `${e(id)}.pdf`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = 'good-faith-estimate.pdf';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
