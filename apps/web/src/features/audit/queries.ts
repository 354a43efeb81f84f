import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type AuditParams, fetchAudit } from '../../api/audit.ts';

/** Query keys of the audit report: one page of entries per filter, sort and page. */
const auditKeys = {
  all: ['audit'] as const,
  page: (params: AuditParams) => [...auditKeys.all, 'page', params] as const,
};

/** One page of the audit report; the previous page stays on screen (dimmed) while the next loads. */
export function useAuditPage(params: AuditParams) {
  return useQuery({
    queryKey: auditKeys.page(params),
    queryFn: ({ signal }) => fetchAudit(params, signal),
    placeholderData: keepPreviousData,
  });
}
