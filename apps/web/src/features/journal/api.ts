/** Typed calls of the journal API (schemas from @plasticity/contracts). */
import {
  type CreateJournalEntryRequest,
  type CreateJournalPromptRequest,
  type CreateMoodCheckInRequest,
  JournalEntry,
  JournalEntryList,
  JournalPrompt,
  JournalPromptList,
  MoodCheckIn,
  MoodTrend,
  PortalJournalPrompts,
  SharedJournalEntryList,
  type UpdateJournalPromptRequest,
} from '@plasticity/contracts';
import type { z } from 'zod';
import { request } from '../../api/client.ts';

export type JournalPromptT = z.output<typeof JournalPrompt>;

const enc = encodeURIComponent;

export const listOwnEntries = (signal?: AbortSignal) =>
  request('GET', '/api/v1/portal/journal', JournalEntryList, { signal }).then((r) => r.items);
export const writeEntry = (body: CreateJournalEntryRequest) =>
  request('POST', '/api/v1/portal/journal', JournalEntry, { body });
export const setEntrySharing = (id: string, shared: boolean) =>
  request('PATCH', `/api/v1/portal/journal/${enc(id)}`, JournalEntry, { body: { shared } });
export const listPortalPrompts = (signal?: AbortSignal) =>
  request('GET', '/api/v1/portal/journal/prompts', PortalJournalPrompts, { signal });
export const listSharedEntries = (patientId: string, signal?: AbortSignal) =>
  request('GET', `/api/v1/patients/${enc(patientId)}/journal`, SharedJournalEntryList, { signal }).then(
    (r) => r.items,
  );

export const listPrompts = (signal?: AbortSignal) =>
  request('GET', '/api/v1/journal-prompts', JournalPromptList, { signal }).then((r) => r.items);
export const createPrompt = (body: CreateJournalPromptRequest) =>
  request('POST', '/api/v1/journal-prompts', JournalPrompt, { body });
export const updatePrompt = (id: string, body: UpdateJournalPromptRequest) =>
  request('PATCH', `/api/v1/journal-prompts/${enc(id)}`, JournalPrompt, { body });

export const recordMood = (body: CreateMoodCheckInRequest) =>
  request('POST', '/api/v1/portal/mood', MoodCheckIn, { body });
export const getMoodTrend = (patientId: string, signal?: AbortSignal) =>
  request('GET', `/api/v1/patients/${enc(patientId)}/mood`, MoodTrend, { signal }).then((r) => r.items);
