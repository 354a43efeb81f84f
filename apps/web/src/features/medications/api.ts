/** Typed calls of the medications API (schemas from @plasticity/contracts). */
import { type AddMedicationEntryRequest, MedicationLists } from '@plasticity/contracts';
import { request } from '../../api/client.ts';

const base = (patientId: string) => `/api/v1/patients/${encodeURIComponent(patientId)}/medications`;

export const getLists = (patientId: string, signal?: AbortSignal) =>
  request('GET', base(patientId), MedicationLists, { signal });
export const addEntry = (patientId: string, body: AddMedicationEntryRequest) =>
  request('POST', base(patientId), MedicationLists, { body });
export const closeEntry = (
  patientId: string,
  entryId: string,
  action: 'stop' | 'entered-in-error',
  reason: string,
) =>
  request('POST', `${base(patientId)}/${encodeURIComponent(entryId)}/${action}`, MedicationLists, {
    body: { reason },
  });
export const reconcile = (patientId: string, entryIds: string[]) =>
  request('POST', `${base(patientId)}/reconcile`, MedicationLists, { body: { entryIds } });
