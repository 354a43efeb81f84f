/** Typed calls of the 42 CFR Part 2 disclosure consent API (schemas from @plasticity/contracts). */
import {
  Part2Consent,
  Part2ConsentList,
  Part2DisclosureList,
  Part2RecipientList,
  type RecordPart2ConsentRequest,
  type RevokePart2ConsentRequest,
} from '@plasticity/contracts';
import { useQuery } from '@tanstack/react-query';
import { request } from '../../api/client.ts';

const p = (id: string) => `/api/v1/patients/${encodeURIComponent(id)}`;

/** Query keys: per patient the consents and the accounting; the clinic's recipients. */
export const part2Keys = {
  all: ['part2'] as const,
  patient: (patientId: string) => [...part2Keys.all, 'patient', patientId] as const,
  consents: (patientId: string) => [...part2Keys.patient(patientId), 'consents'] as const,
  disclosures: (patientId: string) => [...part2Keys.patient(patientId), 'disclosures'] as const,
  recipients: () => [...part2Keys.all, 'recipients'] as const,
};

export const recordPart2Consent = (patientId: string, body: RecordPart2ConsentRequest) =>
  request('POST', `${p(patientId)}/part2-consents`, Part2Consent, { body });
export const revokePart2Consent = (patientId: string, consentId: string, body: RevokePart2ConsentRequest) =>
  request('POST', `${p(patientId)}/part2-consents/${encodeURIComponent(consentId)}/revoke`, Part2Consent, {
    body,
  });
export const part2ConsentPdfUrl = (patientId: string, consentId: string) =>
  `${p(patientId)}/part2-consents/${encodeURIComponent(consentId)}/pdf`;

export function usePart2Consents(patientId: string) {
  return useQuery({
    queryKey: part2Keys.consents(patientId),
    queryFn: ({ signal }) =>
      request('GET', `${p(patientId)}/part2-consents`, Part2ConsentList, { signal }).then((r) => r.items),
  });
}

export function usePart2Disclosures(patientId: string) {
  return useQuery({
    queryKey: part2Keys.disclosures(patientId),
    queryFn: ({ signal }) =>
      request('GET', `${p(patientId)}/part2-disclosures`, Part2DisclosureList, { signal }).then(
        (r) => r.items,
      ),
  });
}

export function usePart2Recipients() {
  return useQuery({
    queryKey: part2Keys.recipients(),
    queryFn: ({ signal }) =>
      request('GET', '/api/v1/part2-recipients', Part2RecipientList, { signal }).then((r) => r.items),
  });
}
