import { useQuery } from '@tanstack/react-query';
import { getAftercare, getEducationPage, getPatientEducation, listEducationPages } from './api.ts';

/**
 * Query keys of education: the clinic's pages (list and each page; an edit or a read invalidates `all`),
 * a patient's read state for the chart, and the portal's after-care sheet.
 */
export const educationKeys = {
  all: ['education'] as const,
  pages: () => [...educationKeys.all, 'pages'] as const,
  page: (slug: string) => [...educationKeys.all, 'page', slug] as const,
  patient: (patientId: string) => [...educationKeys.all, 'patient', patientId] as const,
  aftercare: () => [...educationKeys.all, 'aftercare'] as const,
};

export function useEducationPages() {
  return useQuery({ queryKey: educationKeys.pages(), queryFn: ({ signal }) => listEducationPages(signal) });
}

export function useEducationPage(slug: string | null) {
  return useQuery({
    queryKey: educationKeys.page(slug ?? ''),
    queryFn: ({ signal }) => getEducationPage(slug ?? '', signal),
    enabled: slug !== null,
  });
}

export function usePatientEducation(patientId: string) {
  return useQuery({
    queryKey: educationKeys.patient(patientId),
    queryFn: ({ signal }) => getPatientEducation(patientId, signal),
  });
}

export function useAftercare() {
  return useQuery({ queryKey: educationKeys.aftercare(), queryFn: ({ signal }) => getAftercare(signal) });
}
