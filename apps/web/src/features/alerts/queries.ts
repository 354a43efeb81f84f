import { useQuery } from '@tanstack/react-query';
import { listAlerts } from './api.ts';

export type AlertStatusFilter = 'open' | 'acknowledged' | 'all';

/**
 * Query keys of the alerts feature: the clinic's alert lists by status. Acknowledging an alert (here or on
 * a session) and a live alert event invalidate `all`.
 */
export const alertKeys = {
  all: ['alerts'] as const,
  list: (status: AlertStatusFilter) => [...alertKeys.all, status] as const,
};

/** The clinic's alerts, re-read every `refreshMs` while on screen (alerts can be raised from anywhere). */
export function useAlerts(status: AlertStatusFilter, refreshMs: number) {
  return useQuery({
    queryKey: alertKeys.list(status),
    queryFn: ({ signal }) => listAlerts({ status }, signal),
    refetchInterval: refreshMs,
  });
}
