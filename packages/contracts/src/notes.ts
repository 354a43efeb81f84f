/**
 * API shapes of the notes module: progress and integration notes (part of the medical record, read by the
 * care team) and psychotherapy notes (45 CFR 164.501: notes recorded by a mental health professional
 * analysing the contents of a counseling session, kept separate from the rest of the record). A
 * psychotherapy note is returned to its custodian only — its author, or the named successor it was handed
 * to — and never appears in a record print, an export, a search result or another user's listing
 * (docs/clinical-sources.md#psychotherapy-notes).
 *
 * Every note is signed by its author when it is written and is locked: later changes are addenda, a wrong
 * note is marked entered in error (never deleted).
 */
import { z } from 'zod';
import { Uuid } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const NoteKind = z.enum(['progress', 'integration', 'psychotherapy']);
export type NoteKind = z.infer<typeof NoteKind>;

/**
 * The integration note template: experience and themes, insights, intentions revisited, actions for daily
 * life, mood and risk check, plan. Every part is optional; the note's body carries the summary.
 */
export const IntegrationSections = z.object({
  experience: optionalText(5000),
  insights: optionalText(5000),
  intentions: optionalText(5000),
  actions: optionalText(5000),
  moodRisk: optionalText(5000),
  plan: optionalText(5000),
});
export type IntegrationSections = z.infer<typeof IntegrationSections>;

export const CreateNoteRequest = z.object({
  kind: NoteKind,
  body: text(20000),
  sessionId: Uuid.optional(),
  /** Integration notes only. */
  sections: IntegrationSections.optional(),
  /**
   * Progress and integration notes: entries of this patient's journal that the patient shares with the care
   * team and the note discusses (never a private entry).
   */
  citedJournalEntryIds: z
    .array(Uuid)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'names the same entry twice')
    .optional(),
});
export type CreateNoteRequest = z.infer<typeof CreateNoteRequest>;

export const NoteAddendumRequest = z.object({ body: text(20000) });
export type NoteAddendumRequest = z.infer<typeof NoteAddendumRequest>;

export const NoteEnteredInErrorRequest = z.object({ reason: text(500) });
export type NoteEnteredInErrorRequest = z.infer<typeof NoteEnteredInErrorRequest>;

export const NoteAddendum = z.object({
  id: Uuid,
  authorId: Uuid,
  authorName: z.string(),
  body: z.string(),
  signedAt: z.string(),
});
export type NoteAddendum = z.infer<typeof NoteAddendum>;

/**
 * A journal entry the note discusses. `text` and `promptText` are the entry's words while the patient shares
 * it; when the patient has stopped sharing it they are null and only the date remains.
 */
export const CitedJournalEntry = z.object({
  id: Uuid,
  writtenAt: z.string(),
  stillShared: z.boolean(),
  text: z.string().nullable(),
  promptText: z.string().nullable(),
});
export type CitedJournalEntry = z.infer<typeof CitedJournalEntry>;

export const ClinicalNote = z.object({
  id: Uuid,
  patientId: Uuid,
  sessionId: Uuid.nullable(),
  kind: NoteKind,
  authorId: Uuid,
  authorName: z.string(),
  authorRole: z.string(),
  /** Psychotherapy notes: who holds them now (the author or their successor); null for other kinds. */
  custodianId: Uuid.nullable(),
  body: z.string(),
  sections: IntegrationSections.nullable(),
  signedAt: z.string(),
  status: z.enum(['signed', 'entered_in_error']),
  enteredInErrorAt: z.string().nullable(),
  enteredInErrorByName: z.string().nullable(),
  enteredInErrorReason: z.string().nullable(),
  addenda: z.array(NoteAddendum),
  /** Journal entries the note discusses (progress and integration notes; empty otherwise). */
  citedJournalEntries: z.array(CitedJournalEntry),
});
export type ClinicalNote = z.infer<typeof ClinicalNote>;

export const NoteList = z.object({ items: z.array(ClinicalNote) });
export type NoteList = z.infer<typeof NoteList>;

export const NoteSearchQuery = z.object({ q: text(200) });
export type NoteSearchQuery = z.infer<typeof NoteSearchQuery>;

export const NoteSearchHit = z.object({
  noteId: Uuid,
  patientId: Uuid,
  patientName: z.string(),
  kind: z.enum(['progress', 'integration']),
  authorName: z.string(),
  signedAt: z.string(),
  /** The note's text around the first match. */
  excerpt: z.string(),
});
export type NoteSearchHit = z.infer<typeof NoteSearchHit>;

export const NoteSearchResult = z.object({ items: z.array(NoteSearchHit) });
export type NoteSearchResult = z.infer<typeof NoteSearchResult>;

export const PsychotherapyHandoverRequest = z.object({ successorId: Uuid });
export type PsychotherapyHandoverRequest = z.infer<typeof PsychotherapyHandoverRequest>;

export const PsychotherapyHandoverResult = z.object({
  successorId: Uuid,
  successorName: z.string(),
  count: z.number().int(),
  at: z.string(),
});
export type PsychotherapyHandoverResult = z.infer<typeof PsychotherapyHandoverResult>;

/** What the account page needs to offer a handover: how many notes the caller holds and who may receive them. */
export const PsychotherapyCustody = z.object({
  count: z.number().int(),
  successors: z.array(
    z.object({ id: Uuid, displayName: z.string(), role: z.enum(['therapist', 'prescriber']) }),
  ),
});
export type PsychotherapyCustody = z.infer<typeof PsychotherapyCustody>;
