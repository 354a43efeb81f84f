import { Alert, AlertList } from '@plasticity/contracts';
import type { z } from 'zod';
import { request } from '../../api/client.ts';

export type AlertT = z.infer<typeof Alert>;

export const listAlerts = (
  query: { status?: 'open' | 'acknowledged' | 'all'; assignedTo?: 'me' },
  signal?: AbortSignal,
) => request('GET', '/api/v1/alerts', AlertList, { query, signal }).then((r) => r.items);

export const ackAlert = (id: string, note: string) =>
  request('POST', `/api/v1/alerts/${encodeURIComponent(id)}/ack`, Alert, { body: { note } });
