/** Typed calls of the notes API (schemas from @plasticity/contracts). */
import {
  ClinicalNote,
  type CreateNoteRequest,
  NoteList,
  NoteSearchResult,
  PsychotherapyCustody,
  PsychotherapyHandoverResult,
} from '@plasticity/contracts';
import type { z } from 'zod';
import { request, send } from '../../api/client.ts';

const patientNotes = (patientId: string) => `/api/v1/patients/${encodeURIComponent(patientId)}/notes`;
const note = (id: string) => `/api/v1/notes/${encodeURIComponent(id)}`;

export const listNotes = (patientId: string, signal?: AbortSignal) =>
  request('GET', patientNotes(patientId), NoteList, { signal }).then((r) => r.items);
export const createNote = (patientId: string, body: z.input<typeof CreateNoteRequest>) =>
  request('POST', patientNotes(patientId), ClinicalNote, { body });
export const addAddendum = (id: string, body: string) =>
  request('POST', `${note(id)}/addenda`, ClinicalNote, { body: { body } });
export const markEnteredInError = (id: string, reason: string) =>
  request('POST', `${note(id)}/entered-in-error`, ClinicalNote, { body: { reason } });

/** Searches the clinic's progress and integration notes (never psychotherapy notes). */
export const searchNotes = (q: string, signal?: AbortSignal) =>
  request('GET', '/api/v1/notes/search', NoteSearchResult, { query: { q }, signal }).then((r) => r.items);

export const getCustody = (signal?: AbortSignal) =>
  request('GET', '/api/v1/psychotherapy-notes/handover', PsychotherapyCustody, { signal });
export const handOver = (successorId: string) =>
  request('POST', '/api/v1/psychotherapy-notes/handover', PsychotherapyHandoverResult, {
    body: { successorId },
  });

/** Saves a fetched file under a name without patient data. */
function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the printable record (PDF) through the API client (cookies, error handling). */
export async function downloadRecordPdf(patientId: string): Promise<void> {
  const res = await send('GET', `/api/v1/patients/${encodeURIComponent(patientId)}/record.pdf`);
  save(await res.blob(), 'patient-record.pdf');
}

/** Downloads the record export (JSON). */
export async function downloadRecordExport(patientId: string): Promise<void> {
  const res = await send('GET', `/api/v1/patients/${encodeURIComponent(patientId)}/record-export`);
  save(await res.blob(), 'patient-record.json');
}
