import { z } from 'zod';

/** Calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');

/** Timestamp with an explicit offset, e.g. `2026-11-27T14:05:00Z` or `...-05:00`. */
export const IsoDateTime = z.iso.datetime({ offset: true });

export const Uuid = z.uuid();

export const IdParams = z.object({ id: Uuid });

export const Role = z.enum(['admin', 'prescriber', 'nurse', 'therapist', 'front_desk', 'patient']);
export type Role = z.infer<typeof Role>;

export const STAFF_ROLES = ['admin', 'prescriber', 'nurse', 'therapist', 'front_desk'] as const;
export const CLINICIAN_ROLES = ['prescriber', 'nurse', 'therapist'] as const;

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(z.object({ field: z.string().optional(), message: z.string() }).passthrough())
      .optional(),
  }),
});

export const OkResponse = z.object({ ok: z.literal(true) });
