/**
 * The outcomes dashboard: `GET /api/v1/outcomes` (admin, prescriber) and its CSV export. Every count is a
 * number or the string "<11" (suppressed, docs/clinical-sources.md#outcomes-small-cell-suppression); a rate
 * built on a suppressed figure is null. Rates are fractions 0–1.
 */
import { z } from 'zod';
import { IsoDate, Uuid } from './common.ts';
import { Sex } from './patients.ts';
import { ProtocolRoute } from './protocols.ts';

export const OutcomeIndication = z.enum([
  'trd',
  'mdd_with_suicidal_ideation',
  'depression',
  'anxiety',
  'ptsd',
  'alcohol_use_disorder',
  'opioid_use_disorder',
]);
export const OutcomeAgeBand = z.enum(['under_18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+']);

export const OutcomesQuery = z
  .object({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    indication: OutcomeIndication.optional(),
    /** The protocol's key (shared by its versions), as dosing sessions record it. */
    protocolId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,120}$/, 'must be a protocol key')
      .optional(),
    instrument: z
      .string()
      .regex(/^[a-z0-9_]{2,40}$/, 'must be an instrument id')
      .optional(),
    route: ProtocolRoute.optional(),
    clinicianId: Uuid.optional(),
    ageBand: OutcomeAgeBand.optional(),
    sex: Sex.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type OutcomesQuery = z.infer<typeof OutcomesQuery>;

/** A count as shown: the number, or "<11" when it is between 1 and 10. */
export const ShownCount = z.union([z.number().int().nonnegative(), z.literal('<11')]);
export type ShownCount = z.infer<typeof ShownCount>;
const Share = z.object({ n: ShownCount, rate: z.number().nullable() });

export const OutcomeTimePointKey = z.enum(['end_of_induction', 'month_3', 'month_6']);

export const OutcomesReport = z.object({
  patients: ShownCount,
  sessions: ShownCount,
  response: Share,
  remission: Share,
  evaluable: z.object({ response: ShownCount, remission: ShownCount }),
  timePoints: z.array(
    z.object({
      key: OutcomeTimePointKey,
      evaluableResponse: ShownCount,
      response: Share,
      evaluableRemission: ShownCount,
      remission: Share,
    }),
  ),
  timeToResponse: z.object({ n: ShownCount, medianDays: z.number().nullable() }),
  measurementCompletion: z.object({ due: ShownCount, completed: ShownCount, rate: z.number().nullable() }),
  adverseEvents: z.object({ n: ShownCount, per100Sessions: z.number().nullable() }),
  alerts: z.object({ n: ShownCount, per100Sessions: z.number().nullable() }),
  dropout: Share,
  distribution: z.array(z.object({ category: z.enum(['response', 'partial', 'none']), n: ShownCount })),
  trajectory: z.array(
    z.object({ week: z.number().int(), patients: ShownCount, meanChangePct: z.number().nullable() }),
  ),
  minCellSize: z.number().int(),
  /** The scales the cohort was measured on (the chosen one, or each indication's primary scale). */
  instruments: z.array(z.string()),
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
});
export type OutcomesReport = z.infer<typeof OutcomesReport>;
