/** Typed calls of the integration API (schemas from @plasticity/contracts). */
import {
  type DraftFromTemplateRequest,
  PreparationHistory,
  PreparationRecord,
  ProtocolItem,
  ProtocolTemplateList,
  type RecordPreparationRequest,
  Worklist,
  type WorklistStatus,
} from '@plasticity/contracts';
import type { z } from 'zod';
import { request } from '../../api/client.ts';

const p = (id: string) => `/api/v1/patients/${encodeURIComponent(id)}`;

export const getWorklist = (status: WorklistStatus | null, signal?: AbortSignal) =>
  request('GET', '/api/v1/integration/worklist', Worklist, {
    query: status ? { status } : {},
    signal,
  }).then((r) => r.items);

export const getPreparation = (patientId: string, signal?: AbortSignal) =>
  request('GET', `${p(patientId)}/preparation`, PreparationHistory, { signal });
export const recordPreparation = (patientId: string, body: z.input<typeof RecordPreparationRequest>) =>
  request('POST', `${p(patientId)}/preparation`, PreparationRecord, { body });

export const listProtocolTemplates = (signal?: AbortSignal) =>
  request('GET', '/api/v1/protocol-templates', ProtocolTemplateList, { signal }).then((r) => r.items);
export const draftFromTemplate = (key: string, body: z.input<typeof DraftFromTemplateRequest>) =>
  request('POST', `/api/v1/protocol-templates/${encodeURIComponent(key)}/draft`, ProtocolItem, { body });
