import { AuditPage, type AuditQuery } from '@plasticity/contracts';
import { type QueryValue, request, send } from './client.ts';

/** The audit query as the UI holds it (format is chosen by the call). */
export type AuditParams = Partial<Omit<AuditQuery, 'format'>>;

const toQuery = (params: AuditParams, format: 'json' | 'csv'): Record<string, QueryValue> => ({
  ...params,
  format: format === 'csv' ? 'csv' : undefined,
});

export const fetchAudit = (params: AuditParams, signal?: AbortSignal) =>
  request('GET', '/api/v1/audit', AuditPage, { query: toQuery(params, 'json'), signal });

/** Fetches the CSV export as a Blob (the caller turns it into a download). */
export async function fetchAuditCsv(params: AuditParams): Promise<Blob> {
  const response = await send('GET', '/api/v1/audit', { query: toQuery(params, 'csv') });
  return response.blob();
}
