/**
 * GET /fhir/R4/$export — system-level Bulk Data export; GET /fhir/R4/Patient/$export — Patient-level (the Patient
 * compartment of every patient of the clinic); GET /fhir/R4/Group/{id}/$export — Group-level (the same compartment of
 * the group's members: group-source.ts). FHIR Bulk Data Access IG 2.0.0, "Bulk Data Kick-off Request".
 * Roles: admin (`exportPolicy`), and every exported type must be one the caller may read. 202 with
 * `Content-Location: {base}/$export-poll/{job}` and an empty body: the job is queued for the background worker
 * (export-worker.ts). 400 OperationOutcome without `Prefer: respond-async` or with a bad `_type`, `_since`,
 * `_outputFormat` or another parameter (export-request.ts); 403 for another role. The kick-off is audited in the
 * transaction that stores the job. 404 OperationOutcome for a Group the clinic does not have.
 */
import { FhirIdParams, FhirSearchQuery } from '@plasticity/contracts';
import type { FastifyRequest } from 'fastify';
import { ownOrigin } from '../../../platform/auth-hook.ts';
import { notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { exportPolicy, fhirCaller } from '../access.ts';
import { fhirBase } from '../bundle.ts';
import { groupSource } from '../group-source.ts';
import { findPage, idIs } from '../resource-source.ts';
import { createJob } from './export-jobs.ts';
import { type ExportLevel, parseExportRequest } from './export-request.ts';

/** Checks and stores the export, audited; its polling URL. */
async function kickOff(
  ctx: ModuleContext,
  level: ExportLevel,
  req: FastifyRequest,
  query: Record<string, string | string[]>,
  groupId: string | null = null,
): Promise<string> {
  const caller = fhirCaller(req);
  const asked = parseExportRequest(level, req.headers.prefer, query, caller.mayRead);
  const request = `${ownOrigin(req, ctx.config) ?? ''}${req.url}`;
  const job = await ctx.db.transaction().execute(async (trx) => {
    if (groupId !== null) {
      const where = idIs(groupSource, groupId);
      const found = await findPage(trx, groupSource, caller.clinicId, { where, limit: 1, offset: 0 });
      if (!found.rows[0]) throw notFound('Group');
    }
    const job = await createJob(
      trx,
      caller,
      level,
      asked,
      request,
      ctx.clock.now(),
      groupId?.toLowerCase() ?? null,
    );
    await ctx.audit.record(trx, caller.actor, {
      action: 'export',
      resourceType: 'fhir_bulk_export',
      resourceId: job.id,
      details: {
        interface: 'fhir',
        operation: '$export',
        level,
        ...(groupId === null ? {} : { group: groupId.toLowerCase() }),
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
  app.get(
    '/Group/:id/$export',
    {
      config: { policy: exportPolicy },
      schema: { params: FhirIdParams, querystring: FhirSearchQuery, tags: ['fhir'] },
    },
    async (req, reply) =>
      reply
        .code(202)
        .header('content-location', await kickOff(ctx, 'group', req, req.query, req.params.id))
        .send(),
  );
}
