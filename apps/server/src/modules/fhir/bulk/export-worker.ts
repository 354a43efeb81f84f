/**
 * The Bulk Data export worker, run by the fhir module's background job (`ctx.jobs.every`, see platform/jobs.ts) in
 * every server process: one tick deletes the files of exports past their expiry, then works queued exports one at
 * a time until none is left. Tests call a tick directly.
 */
import { rm } from 'node:fs/promises';
import type { ModuleContext } from '../../../platform/module.ts';
import { claimJob, expireJobs } from './export-jobs.ts';
import { EXPORT_BATCH_ROWS, jobDir, runExportJob } from './write-export.ts';

/** How often each process looks for queued exports and expired files (a kick-off waits at most this long). */
export const BULK_EXPORT_POLL_MS = 2_000;

/** One tick; `batchRows` (rows per cursor fetch, 5,000 by default) lets tests cross page boundaries with a few rows. */
export async function runBulkExportTick(ctx: ModuleContext, batchRows = EXPORT_BATCH_ROWS): Promise<void> {
  for (const id of await expireJobs(ctx.db, ctx.clock.now()))
    await rm(jobDir(ctx.config, id), { recursive: true, force: true });
  for (let job = await claimJob(ctx.db, ctx.clock.now()); job; job = await claimJob(ctx.db, ctx.clock.now()))
    await runExportJob(ctx, job, batchRows);
}
