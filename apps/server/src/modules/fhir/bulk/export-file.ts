/**
 * GET /fhir/R4/$export-file/{job}/{file} — one NDJSON file of a finished Bulk Data export (FHIR Bulk Data Access IG
 * 2.0.0, "File Request"), streamed from disk as application/fhir+ndjson. Roles: admin (`exportPolicy`), only the
 * export's requester, and only for a type the caller may read. 404 for a file the manifest does not list, a job
 * that is not done, cancelled or past its expiry, or a file already deleted. Each download is audited (the type and
 * the count of resources, never a value). A file holding Part 2 records (a system client's export) is released only
 * while every consent it was written under is still in force — a consent revoked since makes it 404 — and each
 * download enters them in the accounting of disclosures in the same transaction (42 CFR 2.25; part2.ts).
 */

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FhirBulkFileParams } from '@plasticity/contracts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { exportPolicy, type FhirResourceType, fhirCaller } from '../access.ts';
import { consentsStillInForce, recordPart2Disclosures } from '../part2.ts';
import { findOwnJob } from './export-jobs.ts';
import { jobDir } from './write-export.ts';

const NDJSON = 'application/fhir+ndjson';

export function exportFileRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/$export-file/:jobId/:file',
    {
      config: { policy: exportPolicy, ownContentType: true },
      schema: { params: FhirBulkFileParams, tags: ['fhir'] },
    },
    async (req, reply) => {
      const caller = fhirCaller(req);
      const job = await findOwnJob(ctx.db, caller, req.params.jobId);
      const live = job?.status === 'done' && job.expires_at !== null && job.expires_at > ctx.clock.now();
      const entry = live ? job.output.find((f) => f.file === req.params.file) : undefined;
      if (!job || !entry) throw notFound('export file');
      if (!caller.mayRead(entry.type as FhirResourceType))
        throw forbidden(`your access does not include ${entry.type}`);
      const path = join(jobDir(ctx.config, job.id), entry.file);
      const size = await stat(path).then(
        (s) => s.size,
        (e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT') throw notFound('export file');
          throw e;
        },
      );
      const now = ctx.clock.now();
      await ctx.db.transaction().execute(async (trx) => {
        const part2 = entry.part2 ?? [];
        if (!(await consentsStillInForce(trx, caller, part2, now))) throw notFound('export file');
        await recordPart2Disclosures(trx, caller, 'export', part2, now);
        await ctx.audit.record(trx, caller.actor, {
          action: 'export',
          resourceType: 'fhir_bulk_export',
          resourceId: job.id,
          details: { interface: 'fhir', operation: '$export-file', type: entry.type, count: entry.count },
        });
      });
      return reply.type(NDJSON).header('content-length', String(size)).send(createReadStream(path));
    },
  );
}
