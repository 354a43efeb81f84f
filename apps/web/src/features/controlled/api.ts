/** Typed calls to the controlled-substance register API (schemas from @plasticity/contracts). */
import {
  ConfigLists,
  CountDiscrepancy,
  CountResult,
  DiscrepancyList,
  ExpiryList,
  LedgerList,
  LossReport,
  LossReportList,
  MovementResponse,
  StockItem,
  StockList,
} from '@plasticity/contracts';
import type { z } from 'zod';
import { request } from '../../api/client.ts';

export type Stock = z.infer<typeof StockItem>;
export type Discrepancy = z.infer<typeof CountDiscrepancy>;
export type Witness = { email: string; password: string };

const base = '/api/v1/controlled';

export const listStock = (signal?: AbortSignal) =>
  request('GET', `${base}/stock`, StockList, { signal }).then((r) => r.items);
export const listExpiring = (signal?: AbortSignal) =>
  request('GET', `${base}/expiring`, ExpiryList, { signal });
export const getConfig = (signal?: AbortSignal) => request('GET', `${base}/config`, ConfigLists, { signal });
export const listLedger = (
  query: { from?: string; to?: string; containerId?: string; sessionId?: string },
  signal?: AbortSignal,
) => request('GET', `${base}/ledger`, LedgerList, { query, signal }).then((r) => r.items);
export const recordMovement = (body: Record<string, unknown>) =>
  request('POST', `${base}/movements`, MovementResponse, { body });
export const receiveStock = (body: Record<string, unknown>) =>
  request('POST', `${base}/containers`, StockItem, { body });
export const recordCount = (body: Record<string, unknown>) =>
  request('POST', `${base}/counts`, CountResult, { body });
export const listDiscrepancies = (signal?: AbortSignal) =>
  request('GET', `${base}/discrepancies`, DiscrepancyList, { signal }).then((r) => r.items);
export const resolveDiscrepancy = (
  id: string,
  body: { explanation: string; adjust?: boolean; witness?: Witness },
) => request('POST', `${base}/discrepancies/${encodeURIComponent(id)}/resolve`, CountDiscrepancy, { body });
export const escalateDiscrepancy = (id: string, note: string) =>
  request('POST', `${base}/discrepancies/${encodeURIComponent(id)}/escalate`, CountDiscrepancy, {
    body: { note },
  });
export const listLosses = (signal?: AbortSignal) =>
  request('GET', `${base}/losses`, LossReportList, { signal }).then((r) => r.items);
export const recordLoss = (body: Record<string, unknown>) =>
  request('POST', `${base}/losses`, LossReport, { body });

/** Report download URLs (same-origin GET with the session cookie; no patient names in the URL). */
export const reportUrl = {
  inventory: (kind: 'initial' | 'biennial', format: 'pdf' | 'csv') =>
    `${base}/reports/inventory?kind=${kind}&format=${format}`,
  administrations: (from: string, to: string, format: 'pdf' | 'csv') =>
    `${base}/reports/administrations?from=${from}&to=${to}&format=${format}`,
  patient: (patientId: string, format: 'pdf' | 'csv') =>
    `${base}/reports/patients/${encodeURIComponent(patientId)}?format=${format}`,
};
