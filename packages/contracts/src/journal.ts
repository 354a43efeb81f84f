/**
 * API shapes of the journal module: the patient's journal (private unless the patient shares an entry with the
 * care team; staff see shared entries only), the clinic's library of journal prompts per phase of the course
 * and per protocol, and the daily mood check-in (0–10) with its trend, one point per clinic-local day.
 * Phase rule and trend: `@plasticity/clinical/integration/journal-phase` and `…/mood-trend`
 * (docs/clinical-sources.md#journal-prompts-and-mood-check-in).
 */
import { z } from 'zod';
import { IsoDate, Uuid } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const JournalPhase = z.enum(['before_session', 'evening_after', 'week_after', 'any']);
export type JournalPhase = z.infer<typeof JournalPhase>;

/** A prompt of the clinic's library as staff manage it. */
export const JournalPrompt = z.object({
  id: Uuid,
  text: z.string(),
  phase: JournalPhase,
  /** The protocol line (its key) the prompt is for, or null for every protocol. */
  protocolKey: z.string().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  /** One of the product's starter prompts (possibly edited since). */
  starter: z.boolean(),
  updatedAt: z.string(),
});
export type JournalPrompt = z.infer<typeof JournalPrompt>;
export const JournalPromptList = z.object({ items: z.array(JournalPrompt) });

export const CreateJournalPromptRequest = z
  .object({
    text: text(500),
    phase: JournalPhase,
    protocolKey: text(120).nullable().optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();
export type CreateJournalPromptRequest = z.input<typeof CreateJournalPromptRequest>;

/** An edit of a prompt (audited); `active: false` retires it (prompts are never deleted). */
export const UpdateJournalPromptRequest = z
  .object({
    text: text(500).optional(),
    phase: JournalPhase.optional(),
    protocolKey: text(120).nullable().optional(),
    active: z.boolean().optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'names nothing to change' });
export type UpdateJournalPromptRequest = z.input<typeof UpdateJournalPromptRequest>;

/** The prompts the portal offers the patient now: their phase, and the prompts for it. */
export const PortalJournalPrompts = z.object({
  phase: JournalPhase,
  items: z.array(z.object({ id: Uuid, text: z.string(), phase: JournalPhase })),
});
export type PortalJournalPrompts = z.infer<typeof PortalJournalPrompts>;

export const CreateJournalEntryRequest = z
  .object({
    text: text(20_000),
    promptId: Uuid.optional(),
    /** Share the entry with the care team (false keeps it private: no staff member ever sees it). */
    shared: z.boolean(),
  })
  .strict();
export type CreateJournalEntryRequest = z.input<typeof CreateJournalEntryRequest>;

export const UpdateJournalEntryRequest = z.object({ shared: z.boolean() }).strict();

/** An entry as its author, the patient, sees it. */
export const JournalEntry = z.object({
  id: Uuid,
  text: z.string(),
  promptId: Uuid.nullable(),
  /** The prompt's words as they read when the entry was written. */
  promptText: z.string().nullable(),
  shared: z.boolean(),
  sharedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;
export const JournalEntryList = z.object({ items: z.array(JournalEntry) });

/** A shared entry as the care team sees it (private entries are never in any staff answer). */
export const SharedJournalEntry = z.object({
  id: Uuid,
  patientId: Uuid,
  text: z.string(),
  promptText: z.string().nullable(),
  sharedAt: z.string(),
  createdAt: z.string(),
});
export type SharedJournalEntry = z.infer<typeof SharedJournalEntry>;
export const SharedJournalEntryList = z.object({ items: z.array(SharedJournalEntry) });

export const CreateMoodCheckInRequest = z
  .object({
    score: z.number().int().min(0).max(10),
    note: text(500).optional(),
  })
  .strict();
export type CreateMoodCheckInRequest = z.input<typeof CreateMoodCheckInRequest>;

export const MoodCheckIn = z.object({
  id: Uuid,
  score: z.number().int(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  /** The clinic-local date of the check-in. */
  date: IsoDate,
});
export type MoodCheckIn = z.infer<typeof MoodCheckIn>;

export const MoodTrendQuery = z.object({ days: z.coerce.number().int().min(1).max(730).optional() });

/** The trend: one point per clinic-local day (the day's latest check-in), oldest first. */
export const MoodTrend = z.object({
  items: z.array(z.object({ date: IsoDate, score: z.number().int(), recordedAt: z.string() })),
});
export type MoodTrend = z.infer<typeof MoodTrend>;
