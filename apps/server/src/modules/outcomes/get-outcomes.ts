/**
 * GET /api/v1/outcomes?from=&to=&indication=&protocolId=&instrument=&route=&clinicianId=&ageBand=&sex= — the
 * outcomes dashboard for a cohort: patients treated, sessions, response and remission (overall and at the end
 * of induction, 3 and 6 months), time to response, measurement completion, adverse events and alerts per 100
 * sessions, dropout, the response distribution and the weekly trajectory. Counts of 1–10 are "<11" with a
 * null rate, and complementary cells are hidden (docs/clinical-sources.md#outcomes-small-cell-suppression).
 * Roles admin, prescriber. 200 OutcomesReport; 400 naming the field for a bad filter or unknown instrument.
 * Audited (an aggregate read, no patient named).
 */
import { OutcomesQuery, OutcomesReport } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { buildOutcomesReport } from './build-report.ts';
import { READ_OUTCOMES } from './policies.ts';

export function getOutcomesRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/outcomes',
    {
      config: { policy: READ_OUTCOMES },
      schema: { querystring: OutcomesQuery, response: { 200: OutcomesReport }, tags: ['outcomes'] },
    },
    async (req) => buildOutcomesReport(ctx, req, req.query, 'json'),
  );
}
