/** Typed calls of the outcomes API (schemas from @plasticity/contracts). */
import { type OutcomesQuery, OutcomesReport } from '@plasticity/contracts';
import type { z } from 'zod';
import { request, send } from '../../api/client.ts';

export type OutcomesReportT = z.output<typeof OutcomesReport>;
export type OutcomesFilters = z.input<typeof OutcomesQuery>;

/** Only the filters that are set (an empty select sends nothing). */
function query(f: OutcomesFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (typeof v === 'string' && v !== '') out[k] = v;
  return out;
}

export const getOutcomes = (f: OutcomesFilters, signal?: AbortSignal) =>
  request('GET', '/api/v1/outcomes', OutcomesReport, { query: query(f), signal });

/** The same figures as CSV, suppressed as on screen. */
export async function fetchOutcomesCsv(f: OutcomesFilters): Promise<Blob> {
  const res = await send('GET', '/api/v1/outcomes.csv', { query: query(f) });
  return res.blob();
}
