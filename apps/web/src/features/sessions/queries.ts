import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { getRemsForm, getSession, listPatientSessions, listRemsPending, type SessionRecord } from './api.ts';

/**
 * Query keys of the sessions feature. A session's own screen reads `detail(id)` (its REMS form sits
 * under it, so a change to the session refetches the form too); a patient's list of sessions and the
 * REMS queue are separate. The live board keeps its own key under `all`.
 */
export const sessionKeys = {
  all: ['sessions'] as const,
  board: () => [...sessionKeys.all, 'board'] as const,
  /** Every open session screen: their pre-dose checklists read plans, eligibility and consents. */
  details: () => [...sessionKeys.all, 'detail'] as const,
  detail: (id: string) => [...sessionKeys.details(), id] as const,
  remsForm: (id: string) => [...sessionKeys.detail(id), 'rems-form'] as const,
  patient: (patientId: string) => [...sessionKeys.all, 'patient', patientId] as const,
  remsPending: () => [...sessionKeys.all, 'rems-pending'] as const,
};

export function useSessionQuery(id: string) {
  return useQuery({ queryKey: sessionKeys.detail(id), queryFn: ({ signal }) => getSession(id, signal) });
}

export function usePatientSessions(patientId: string) {
  return useQuery({
    queryKey: sessionKeys.patient(patientId),
    queryFn: ({ signal }) => listPatientSessions(patientId, signal),
  });
}

export function useRemsPending() {
  return useQuery({ queryKey: sessionKeys.remsPending(), queryFn: ({ signal }) => listRemsPending(signal) });
}

export function useRemsFormQuery(sessionId: string) {
  return useQuery({
    queryKey: sessionKeys.remsForm(sessionId),
    queryFn: ({ signal }) => getRemsForm(sessionId, signal),
  });
}

export interface SessionCache {
  /** Shows a session record the server just returned, then refetches what hangs off it. */
  set: (record: SessionRecord) => void;
  /** Refetches the session (after a change whose answer is not the record, or a live event). */
  refresh: () => void;
}

/** Writes to one session's cached record: every panel of the session screen reads it. */
export function useSessionCache(id: string): SessionCache {
  const queries = useQueryClient();
  const set = useCallback(
    (record: SessionRecord) => {
      queries.setQueryData(sessionKeys.detail(id), record);
      // The REMS form follows the session's phase; lists show its status.
      void queries.invalidateQueries({ queryKey: sessionKeys.remsForm(id) });
      void queries.invalidateQueries({ queryKey: [...sessionKeys.all, 'patient'] });
    },
    [queries, id],
  );
  const refresh = useCallback(() => {
    void queries.invalidateQueries({ queryKey: sessionKeys.detail(id) });
  }, [queries, id]);
  return useMemo(() => ({ set, refresh }), [set, refresh]);
}
