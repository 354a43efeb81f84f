import {
  ChartSummary,
  type CreatePatientRequest,
  InviteResponse,
  Patient,
  PatientList,
  type UpdatePatientRequest,
} from '@plasticity/contracts';
import { request } from './client.ts';

/** One page (at most 50) of the clinic's patients in name order, or of those the term matches. */
export const searchPatientsPage = (query: string, after: string | null, signal?: AbortSignal) =>
  request('GET', '/api/v1/patients', PatientList, { query: { query: query.trim(), after }, signal });

/** The first page of matches, for pickers: the user narrows the term rather than paging. */
export const searchPatients = (query: string, signal?: AbortSignal) =>
  searchPatientsPage(query, null, signal).then((r) => r.items);

/** Every patient of the clinic, page after page (the register's patient names; small clinics only). */
export async function listAllPatients(signal?: AbortSignal): Promise<Patient[]> {
  const all: Patient[] = [];
  let after: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof searchPatientsPage>> = await searchPatientsPage('', after, signal);
    all.push(...page.items);
    after = page.nextCursor;
  } while (after);
  return all;
}

export const getPatient = (id: string, signal?: AbortSignal) =>
  request('GET', `/api/v1/patients/${encodeURIComponent(id)}`, Patient, { signal });

export const createPatient = (body: CreatePatientRequest) =>
  request('POST', '/api/v1/patients', Patient, { body });

export const updatePatient = (id: string, body: UpdatePatientRequest) =>
  request('PATCH', `/api/v1/patients/${encodeURIComponent(id)}`, Patient, { body });

export const invitePatientToPortal = (id: string, email?: string) =>
  request('POST', `/api/v1/patients/${encodeURIComponent(id)}/portal-invite`, InviteResponse, {
    body: email ? { email } : {},
  });

/** The chart's glance: open alerts, the active plan, the latest scores and the last sessions, in one read. */
export const getChartSummary = (id: string, signal?: AbortSignal) =>
  request('GET', `/api/v1/patients/${encodeURIComponent(id)}/chart-summary`, ChartSummary, { signal });
