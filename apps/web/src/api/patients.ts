import {
  type CreatePatientRequest,
  InviteResponse,
  Patient,
  PatientList,
  type UpdatePatientRequest,
} from '@plasticity/contracts';
import { request } from './client.ts';

export const searchPatients = (query: string, signal?: AbortSignal) =>
  request('GET', '/api/v1/patients', PatientList, { query: { query: query.trim() }, signal }).then(
    (r) => r.items,
  );

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
