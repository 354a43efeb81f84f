/**
 * GET /fhir/R4/$export — system-level Bulk Data export; GET /fhir/R4/Patient/$export — Patient-level (the Patient
 * compartment of every patient of the clinic). FHIR Bulk Data Access IG 2.0.0, "Bulk Data Kick-off Request".
 * Roles: admin (`exportPolicy`), and every exported type must be one the caller may read. 202 with
 * `Content-Location: {base}/$export-poll/{job}` and an empty body: the job is queued for the background worker
 * (export-worker.ts). 400 OperationOutcome without `Prefer: respond-async` or with a bad `_type`, `_since`,
 * `_outputFormat` or another parameter (export-request.ts); 403 for another role. The kick-off is audited in the
 * transaction that stores the job. Group-level export is not offered: the record has no group of patients.
 */
import { FhirSearchQuery } from '@plasticity/contracts';
import type { FastifyRequest } from 'fastify';
import { ownOrigin } from '../../../platform/auth-hook.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { exportPolicy, fhirCaller } from '../access.ts';
import { fhirBase } from '../bundle.ts';
import { createJob } from './export-jobs.ts';
import { type ExportLevel, parseExportRequest } from './export-request.ts';

/** Checks and stores the export, audited; its polling URL. */
async function kickOff(
  ctx: ModuleContext,
  level: ExportLevel,
  req: FastifyRequest,
  query: Record<string, string | string[]>,
): Promise<string> {
  const caller = fhirCaller(req);
  const asked = parseExportRequest(level, req.headers.prefer, query, caller.mayRead);
  const request = `${ownOrigin(req, ctx.config) ?? ''}${req.url}`;
  const job = await ctx.db.transaction().execute(async (trx) => {
    const job = await createJob(trx, caller, level, asked, request, ctx.clock.now());
    await ctx.audit.record(trx, caller.actor, {
      action: 'export',
      resourceType: 'fhir_bulk_export',
      resourceId: job.id,
      details: {
        interface: 'fhir',
        operation: '$export',
        level,
        types: asked.types,
        since: asked.since?.toISOString() ?? null,
      },
    });
    return job;
  });
  return `${fhirBase(req, ctx.config)}/$export-poll/${job.id}`;
}

export function kickOffExportRoutes(app: ZodApp, ctx: ModuleContext) {
  const route = {
    config: { policy: exportPolicy },
    schema: { querystring: FhirSearchQuery, tags: ['fhir'] },
  };
  for (const [url, level] of [
    ['/$export', 'system'],
    ['/Patient/$export', 'patient'],
  ] as const)
    app.get(url, route, async (req, reply) =>
      reply
        .code(202)
        .header('content-location', await kickOff(ctx, level, req, req.query))
        .send(),
    );
}
