/**
 * GET /api/v1/outcomes.csv?… (the same filters as GET /api/v1/outcomes) — the dashboard's figures as a CSV
 * download, suppressed exactly as on screen. Roles admin, prescriber. 200 text/csv; 400 naming the field.
 * Audited as an export.
 */
import { OutcomesQuery } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { buildOutcomesReport } from './build-report.ts';
import { outcomesCsv } from './outcomes-csv.ts';
import { READ_OUTCOMES } from './policies.ts';

export function exportOutcomesCsvRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/outcomes.csv',
    {
      config: { policy: READ_OUTCOMES },
      schema: { querystring: OutcomesQuery, tags: ['outcomes'] },
    },
    async (req, reply) => {
      const report = await buildOutcomesReport(ctx, req, req.query, 'csv');
      const day = ctx.clock.now().toISOString().slice(0, 10);
      return reply
        .serializer((x: unknown) => x as string)
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="outcomes-${day}.csv"`)
        .send(outcomesCsv(report) as never);
    },
  );
}
