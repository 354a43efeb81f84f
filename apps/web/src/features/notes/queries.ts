import { useQuery } from '@tanstack/react-query';
import { getCustody, listNotes, searchNotes } from './api.ts';

/** Query keys of the notes feature: one patient's notes, and the caller's psychotherapy-note custody. */
export const noteKeys = {
  all: ['notes'] as const,
  patient: (patientId: string) => [...noteKeys.all, 'patient', patientId] as const,
  custody: () => [...noteKeys.all, 'custody'] as const,
  search: (q: string) => [...noteKeys.all, 'search', q] as const,
};

export function usePatientNotes(patientId: string) {
  return useQuery({
    queryKey: noteKeys.patient(patientId),
    queryFn: ({ signal }) => listNotes(patientId, signal),
  });
}

export function useCustody(enabled: boolean) {
  return useQuery({ queryKey: noteKeys.custody(), queryFn: ({ signal }) => getCustody(signal), enabled });
}

/** Runs when `q` is set (the user submitted the search), not on every keystroke. */
export function useNoteSearch(q: string) {
  return useQuery({
    queryKey: noteKeys.search(q),
    queryFn: ({ signal }) => searchNotes(q, signal),
    enabled: q !== '',
  });
}
