/**
 * The dashboard's answer for one request: queued patients' summaries brought up to date, the cohort's totals in
 * one statement over them, the suppressed report, and the audit entry (an aggregate read: no patient is named;
 * the entry keeps the filters and the cohort size).
 */
import { cohortReport } from '@plasticity/clinical/outcomes';
import type { OutcomesQuery, OutcomesReport } from '@plasticity/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { clinicInstruments } from '../measurement/definitions.ts';
import { cohortTotals } from './cohort-totals.ts';
import { dateBounds } from './date-bounds.ts';
import { refreshQueuedOutcomes } from './summaries/refresh.ts';

export async function buildOutcomesReport(
  ctx: ModuleContext,
  req: FastifyRequest,
  q: OutcomesQuery,
  format: 'json' | 'csv',
): Promise<OutcomesReport> {
  const a = authOf(req);
  const definitions = await clinicInstruments(ctx.db, a.clinicId);
  if (q.instrument && !definitions.some((d) => d.id === q.instrument)) {
    throw new AppError('validation_failed', `querystring.instrument: unknown instrument "${q.instrument}"`, [
      { field: 'querystring.instrument', message: `unknown instrument "${q.instrument}"` },
    ]);
  }
  const bounds = dateBounds(q, a.timeZone);
  await refreshQueuedOutcomes(ctx.db, a.clinicId, definitions);
  const { facts, instruments } = await cohortTotals(
    ctx.db,
    a.clinicId,
    q,
    bounds,
    ctx.clock.now(),
    definitions.map((d) => d.id),
  );
  await ctx.audit.record(ctx.db, actorOf(req), {
    action: format === 'csv' ? 'export' : 'read',
    resourceType: 'outcomes_report',
    category: 'assessment',
    details: { filters: q, patients: facts.patients, format },
  });
  return { ...cohortReport(facts), instruments: [...instruments], from: q.from ?? null, to: q.to ?? null };
}
