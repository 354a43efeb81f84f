/**
 * The patient's record as exported (JSON) and printed (PDF): demographics, treatment plans, dosing sessions
 * with their doses, assessments, and the progress and integration notes with their addenda. Psychotherapy
 * notes are never part of it (45 CFR 164.501, 164.524(a)(1)(i); docs/clinical-sources.md#psychotherapy-notes).
 */
import { z } from 'zod';
import { Uuid } from './common.ts';
import { ClinicalNote } from './notes.ts';

export const RecordExport = z.object({
  generatedAt: z.string(),
  clinicName: z.string(),
  patient: z.object({
    id: Uuid,
    mrn: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    dateOfBirth: z.string(),
    sex: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  plans: z.array(
    z.object({
      id: Uuid,
      protocolName: z.string(),
      indications: z.array(z.string()),
      plannedSessions: z.number().int(),
      sessionsCompleted: z.number().int(),
      status: z.string(),
      createdAt: z.string(),
      enteredInError: z.boolean(),
    }),
  ),
  sessions: z.array(
    z.object({
      id: Uuid,
      scheduledAt: z.string(),
      status: z.string(),
      chair: z.string(),
      dischargedAt: z.string().nullable(),
      doses: z.array(
        z.object({
          drug: z.string(),
          route: z.string(),
          doseMg: z.string(),
          startedAt: z.string(),
          enteredInError: z.boolean(),
        }),
      ),
    }),
  ),
  assessments: z.array(
    z.object({
      id: Uuid,
      instrumentId: z.string(),
      total: z.number(),
      severity: z.string().nullable(),
      administeredAt: z.string(),
      enteredInError: z.boolean(),
    }),
  ),
  /** Progress and integration notes only. */
  notes: z.array(ClinicalNote),
});
export type RecordExport = z.infer<typeof RecordExport>;
