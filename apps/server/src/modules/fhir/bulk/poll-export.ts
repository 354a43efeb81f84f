/**
 * GET /fhir/R4/$export-poll/{job} — the status of a Bulk Data export (FHIR Bulk Data Access IG 2.0.0, "Bulk Data
 * Status Request"): 202 with `X-Progress` ("Observation 40 %") and `Retry-After` while it is queued or running; 200
 * with the manifest (application/json) and `Expires` (the HTTP date its files are deleted) once done; 500
 * OperationOutcome when it failed; 404 for an unknown job, another requester's or clinic's, a cancelled one or one
 * past its expiry. The answer that hands out the manifest is audited. When the files hold Part 2 records (a system
 * client's export), the manifest's `extension` carries the notice of 42 CFR 2.32 and each consent's explanation.
 * DELETE /fhir/R4/$export-poll/{job} — "Delete a Bulk Data Request": 202 with an empty body; the job is marked
 * cancelled (a running export stops after its current page), its files are deleted, later polls answer 404.
 * Audited. Roles: admin (`exportPolicy`), and only the export's requester.
 */

import { rm } from 'node:fs/promises';
import { FhirBulkJobParams, FhirBulkManifest } from '@plasticity/contracts';
import { z } from 'zod';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { exportPolicy, fhirCaller } from '../access.ts';
import { fhirBase } from '../bundle.ts';
import { cancelOwnJob, type ExportJob, findOwnJob } from './export-jobs.ts';
import { part2Notice } from './part2-notice.ts';
import { jobDir } from './write-export.ts';

/** How long a client is asked to wait before polling again, in seconds. */
const RETRY_AFTER_SECONDS = 2;

function manifest(
  job: ExportJob,
  base: string,
  part2: FhirBulkManifest['extension'] | undefined,
): FhirBulkManifest {
  return {
    ...(part2 ? { extension: part2 } : {}),
    transactionTime: job.transaction_time.toISOString(),
    request: job.request,
    requiresAccessToken: true,
    output: job.output.map((f) => ({
      type: f.type,
      url: `${base}/$export-file/${job.id}/${f.file}`,
      count: f.count,
    })),
    error: [],
  };
}

export function pollExportRoutes(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/$export-poll/:jobId',
    {
      config: { policy: exportPolicy, ownContentType: true },
      schema: {
        params: FhirBulkJobParams,
        response: { 200: FhirBulkManifest, 202: z.undefined() },
        tags: ['fhir'],
      },
    },
    async (req, reply) => {
      const caller = fhirCaller(req);
      const now = ctx.clock.now();
      const job = await findOwnJob(ctx.db, caller, req.params.jobId);
      if (!job || (job.expires_at && job.expires_at <= now)) throw notFound('export');
      if (job.status === 'failed')
        throw new AppError('internal', `the export failed (${job.error ?? 'error'})`);
      if (job.status !== 'done' || !job.expires_at)
        return reply
          .code(202)
          .header('x-progress', job.progress)
          .header('retry-after', String(RETRY_AFTER_SECONDS))
          .send(undefined);
      const expires = job.expires_at;
      await ctx.db.transaction().execute((trx) =>
        ctx.audit.record(trx, caller.actor, {
          action: 'read',
          resourceType: 'fhir_bulk_export',
          resourceId: job.id,
          details: {
            interface: 'fhir',
            operation: '$export-poll',
            files: job.output.map((f) => ({ type: f.type, count: f.count })),
          },
        }),
      );
      return reply
        .code(200)
        .header('expires', expires.toUTCString())
        .type('application/json; charset=utf-8')
        .send(manifest(job, fhirBase(req, ctx.config), await part2Notice(ctx.db, job, now)));
    },
  );

  app.delete(
    '/$export-poll/:jobId',
    { config: { policy: exportPolicy }, schema: { params: FhirBulkJobParams, tags: ['fhir'] } },
    async (req, reply) => {
      const caller = fhirCaller(req);
      await ctx.db.transaction().execute(async (trx) => {
        const job = await cancelOwnJob(trx, caller, req.params.jobId, ctx.clock.now());
        if (!job) throw notFound('export');
        await ctx.audit.record(trx, caller.actor, {
          action: 'delete',
          resourceType: 'fhir_bulk_export',
          resourceId: job.id,
          details: { interface: 'fhir', operation: '$export-poll', status: 'cancelled' },
        });
      });
      await rm(jobDir(ctx.config, req.params.jobId.toLowerCase()), { recursive: true, force: true });
      return reply.code(202).send();
    },
  );
}
