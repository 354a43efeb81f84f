/** The admin's FHIR system clients (SMART Backend Services): requests and the query that lists them. */
import {
  type DisableFhirClientRequest,
  FhirClient,
  FhirClientList,
  type RegisterFhirClientRequest,
} from '@plasticity/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from '../../api/client.ts';
import { adminKeys } from './queries.ts';

export const fhirClientKeys = { list: () => [...adminKeys.all, 'fhir-clients'] as const };

const listFhirClients = (signal?: AbortSignal) =>
  request('GET', '/api/v1/fhir-clients', FhirClientList, { signal });
export const registerFhirClient = (body: z.input<typeof RegisterFhirClientRequest>) =>
  request('POST', '/api/v1/fhir-clients', FhirClient, { body });
export const disableFhirClient = (id: string, body: z.input<typeof DisableFhirClientRequest>) =>
  request('POST', `/api/v1/fhir-clients/${encodeURIComponent(id)}/disable`, FhirClient, { body });

export function useFhirClients() {
  return useQuery({ queryKey: fhirClientKeys.list(), queryFn: ({ signal }) => listFhirClients(signal) });
}
