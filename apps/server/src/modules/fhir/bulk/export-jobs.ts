/**
 * The Bulk Data export jobs table (migration 0034): every statement on it, each scoped by clinic and requester
 * where a caller asks. A job is `queued` at kick-off, `running` while a worker writes its files, then `done` (with
 * its files and their expiry) or `failed`; `cancelled` by its requester's DELETE, `expired` once its files are
 * deleted. Cancelled and expired jobs answer 404 to their requester.
 */
import type { DB } from '@plasticity/db';
import { toJson } from '@plasticity/db';
import type { FhirExportFile } from '@plasticity/db/tables/fhir-export';
import type { Kysely, Selectable } from 'kysely';
import type { FhirCaller } from '../access.ts';
import { isUuid } from '../search-sql.ts';
import type { ExportLevel, ExportRequest } from './export-request.ts';

export type ExportJob = Selectable<DB['fhir_export_jobs']>;

/** A running job whose worker has not touched it for this long is taken up again (its process ended). */
const STALE_RUN_MS = 10 * 60_000;

export async function createJob(
  db: Kysely<DB>,
  caller: FhirCaller,
  level: ExportLevel,
  req: ExportRequest,
  request: string,
  now: Date,
  groupId: string | null = null,
): Promise<ExportJob> {
  return db
    .insertInto('fhir_export_jobs')
    .values({
      clinic_id: caller.clinicId,
      group_id: groupId,
      requester: caller.requester,
      requester_user_id: caller.actor.userId,
      level,
      types: toJson(req.types),
      since: req.since,
      output_format: req.outputFormat,
      request,
      transaction_time: now,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The caller's job with this id, while it is not cancelled or expired (undefined otherwise: 404). */
export async function findOwnJob(
  db: Kysely<DB>,
  caller: FhirCaller,
  jobId: string,
): Promise<ExportJob | undefined> {
  if (!isUuid(jobId)) return undefined;
  return db
    .selectFrom('fhir_export_jobs')
    .selectAll()
    .where('id', '=', jobId.toLowerCase())
    .where('clinic_id', '=', caller.clinicId)
    .where('requester', '=', caller.requester)
    .where('status', 'not in', ['cancelled', 'expired'])
    .executeTakeFirst();
}

/** Marks the caller's job cancelled; the job it was, or undefined when there was none to cancel. */
export async function cancelOwnJob(
  db: Kysely<DB>,
  caller: FhirCaller,
  jobId: string,
  now: Date,
): Promise<ExportJob | undefined> {
  const job = await findOwnJob(db, caller, jobId);
  if (!job) return undefined;
  return db
    .updateTable('fhir_export_jobs')
    .set({ status: 'cancelled', progress: 'cancelled', finished_at: now })
    .where('id', '=', job.id)
    .where('status', 'not in', ['cancelled', 'expired'])
    .returningAll()
    .executeTakeFirst();
}

/**
 * Takes the oldest queued job (or a running one whose worker stopped) for this worker: one process gets each job,
 * whichever claims first (`for update skip locked`).
 */
export async function claimJob(db: Kysely<DB>, now: Date): Promise<ExportJob | undefined> {
  const stale = new Date(now.getTime() - STALE_RUN_MS);
  return db.transaction().execute(async (trx) => {
    const next = await trx
      .selectFrom('fhir_export_jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb('status', '=', 'queued'),
          eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', stale)]),
        ]),
      )
      .orderBy('created_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!next) return undefined;
    return trx
      .updateTable('fhir_export_jobs')
      .set({ status: 'running', progress: 'started', started_at: now, heartbeat_at: now })
      .where('id', '=', next.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** Records progress; false when the job is no longer running here (cancelled meanwhile). */
export async function reportProgress(
  db: Kysely<DB>,
  jobId: string,
  progress: string,
  now: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('fhir_export_jobs')
    .set({ progress, heartbeat_at: now })
    .where('id', '=', jobId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function finishJob(
  db: Kysely<DB>,
  jobId: string,
  output: FhirExportFile[],
  now: Date,
  expiresAt: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('fhir_export_jobs')
    .set({
      status: 'done',
      progress: 'done',
      output: toJson(output),
      finished_at: now,
      expires_at: expiresAt,
    })
    .where('id', '=', jobId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function failJob(db: Kysely<DB>, jobId: string, error: string, now: Date): Promise<void> {
  await db
    .updateTable('fhir_export_jobs')
    .set({ status: 'failed', progress: 'failed', error, finished_at: now })
    .where('id', '=', jobId)
    .where('status', '=', 'running')
    .execute();
}

/** Finished jobs whose files are past their expiry, marked expired; their ids (their folders are to go). */
export async function expireJobs(db: Kysely<DB>, now: Date): Promise<string[]> {
  const rows = await db
    .updateTable('fhir_export_jobs')
    .set({ status: 'expired', progress: 'expired' })
    .where('status', '=', 'done')
    .where('expires_at', '<=', now)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
