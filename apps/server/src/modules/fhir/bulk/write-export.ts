/**
 * Writes one Bulk Data export job's files: for each of its types, every resource of the clinic (changed after
 * `_since`, when given) as one NDJSON line built by the type's own mapper (sources.ts: the same one read and
 * search use, so nothing is mapped twice and what no source maps — psychotherapy notes, private journal entries —
 * cannot be exported). Each type's rows are read by one query through a server-side cursor in batches of
 * `EXPORT_BATCH_ROWS` (export-cursor.ts: no re-reads, no sort) and piped to the file with backpressure (the cursor
 * is not read further while the file's buffer is full): memory holds one batch whatever the export's size. About
 * once a second the job's progress is recorded; a job cancelled meanwhile stops there (its cursor closed) and its
 * folder goes. The writer of one type's file (`writeResourceFile`) is also the FHIR part of `plasticity export
 * clinic` (cli/export-clinic.ts).
 */

import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Database, DB } from '@plasticity/db';
import type { FhirExportFile } from '@plasticity/db/tables/fhir-export';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Config } from '../../../config.ts';
import { describeError } from '../../../platform/jobs.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import { type FhirResourceType, requesterClient } from '../access.ts';
import { groupMembers } from '../group-source.ts';
import { type Part2Recipient, type Part2Release, part2Releasable } from '../part2.ts';
import { release } from '../release.ts';
import type { ResourceSource, SourceRow } from '../resource-source.ts';
import { allOf } from '../search-sql.ts';
import { FHIR_SOURCES } from '../sources.ts';
import { cursorBatches } from './export-cursor.ts';
import { type ExportJob, failJob, finishJob, reportProgress } from './export-jobs.ts';

/** Rows per `fetch` from the export's cursor. */
export const EXPORT_BATCH_ROWS = 5000;

/** How often a running export records its progress and looks whether it was cancelled. */
const PROGRESS_EVERY_MS = 1000;

/** The folder of a job's files. */
export const jobDir = (config: Pick<Config, 'bulkExport'>, jobId: string): string =>
  join(config.bulkExport.dir, jobId);

/** The file name of a type's resources in a job's folder. */
const fileName = (type: string): string => `${type}.ndjson`;

class ExportCancelled extends Error {}

function sourceOf(type: string): ResourceSource<SourceRow> {
  if (!(type in FHIR_SOURCES)) throw new Error('an export job names a type no source serves');
  return FHIR_SOURCES[type as FhirResourceType];
}

/** Resources changed after `since` (a row whose change time is unknown is included rather than missed). */
const changedSince = (since: Date | null): RawBuilder<unknown> =>
  since ? sql`(last_updated is null or last_updated > ${since})` : sql`true`;

/** At Group level, the rows about the group's members (group-source.ts); every row at the other levels. */
function inGroup(source: ResourceSource<SourceRow>, job: ExportJob): RawBuilder<unknown> {
  if (job.group_id === null) return sql`true`;
  if (source.patientColumn === null) return sql`false`;
  return sql`${sql.ref(`r.${source.patientColumn}`)}::uuid in (${groupMembers(job.clinic_id, job.group_id)})`;
}

async function countRows(
  db: Kysely<DB>,
  source: ResourceSource<SourceRow>,
  clinicId: string,
  where: RawBuilder<unknown>,
) {
  const r = await sql<{ n: number }>`
    with r as (${source.relation(clinicId)}) select count(*)::int as n from r where ${where}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/** One type's resources to write to one file. */
export interface ResourceFile {
  source: ResourceSource<SourceRow>;
  clinicId: string;
  /** Who receives: a system client's file holds what its searches would (`part2Releasable`, labelled by `release`). */
  to: Part2Recipient;
  /** Conditions beyond Part 2 on the relation `r` (`_since`, a Group's members), or `true`. */
  where: RawBuilder<unknown>;
  path: string;
  batchRows: number;
  now: () => Date;
  /** Called after each batch with the rows written so far and the total; throwing stops the writing. */
  onBatch(written: number, total: number): Promise<void> | void;
}

/**
 * Writes one type's NDJSON file (nothing when no row matches): the number of lines written and the Part 2 records
 * in it per patient and consent. Shared by the Bulk Data export job and `plasticity export clinic`.
 */
export async function writeResourceFile(
  database: Database,
  f: ResourceFile,
): Promise<{ count: number; part2: Part2Release[] }> {
  const where = allOf([f.where, part2Releasable(f.source, f.to, f.now())]);
  const total = await countRows(database.db, f.source, f.clinicId, where);
  const part2 = new Map<string, Part2Release>();
  if (total === 0) return { count: 0, part2: [] };
  const query = sql`with r as (${f.source.relation(f.clinicId)}) select * from r where ${where}`;
  let written = 0;
  async function* lines() {
    for await (const rows of cursorBatches<SourceRow>(database, query, f.batchRows)) {
      const released = await release(database.db, f.source, f.to, rows, f.now());
      for (const r of released.releases) {
        const key = `${r.patientId} ${r.consentId}`;
        const one = part2.get(key);
        part2.set(key, one ? { ...one, count: one.count + r.count } : r);
      }
      // One string per batch: V8 joins the concatenated lines lazily, without an array of lines in between.
      let text = '';
      for (const resource of released.resources) text += `${JSON.stringify(resource)}\n`;
      written += rows.length;
      yield text;
      await f.onBatch(written, total);
    }
  }
  await pipeline(lines(), createWriteStream(f.path));
  return { count: written, part2: [...part2.values()] };
}

/**
 * Writes one type's file of a job; the accounting of disclosures is written when a system client downloads the
 * file (export-file.ts). About once a second the job's progress is recorded; a job cancelled meanwhile stops.
 */
async function writeType(
  ctx: ModuleContext,
  job: ExportJob,
  type: string,
  path: string,
  batchRows: number,
): Promise<{ count: number; part2: Part2Release[] }> {
  const source = sourceOf(type);
  let reportedAt = performance.now();
  const written = await writeResourceFile(ctx.database, {
    source,
    clinicId: job.clinic_id,
    to: { clinicId: job.clinic_id, clientId: requesterClient(job.requester) },
    where: allOf([changedSince(job.since), inGroup(source, job)]),
    path,
    batchRows,
    now: () => ctx.clock.now(),
    async onBatch(done, total) {
      if (performance.now() - reportedAt < PROGRESS_EVERY_MS) return;
      reportedAt = performance.now();
      const percent = Math.min(100, Math.floor((done * 100) / total));
      if (!(await reportProgress(ctx.db, job.id, `${type} ${percent} %`, ctx.clock.now())))
        throw new ExportCancelled();
    },
  });
  if (written.count === 0) return written;
  if (!(await reportProgress(ctx.db, job.id, `${type} 100 %`, ctx.clock.now()))) throw new ExportCancelled();
  return written;
}

/**
 * Runs a claimed job to its end: done with its files and their expiry, or failed (its partial files removed,
 * the error's class recorded — never its message, which can quote stored values — and the error rethrown for the
 * job runner to log). A job cancelled meanwhile leaves nothing behind.
 */
export async function runExportJob(
  ctx: ModuleContext,
  job: ExportJob,
  batchRows = EXPORT_BATCH_ROWS,
): Promise<void> {
  const dir = jobDir(ctx.config, job.id);
  try {
    await mkdir(dir, { recursive: true });
    const output: FhirExportFile[] = [];
    for (const type of job.types) {
      const file = fileName(type);
      const { count, part2 } = await writeType(ctx, job, type, join(dir, file), batchRows);
      if (count > 0) output.push({ type, file, count, ...(part2.length ? { part2 } : {}) });
    }
    const now = ctx.clock.now();
    const expiresAt = new Date(now.getTime() + ctx.config.bulkExport.ttlMinutes * 60_000);
    if (!(await finishJob(ctx.db, job.id, output, now, expiresAt)))
      await rm(dir, { recursive: true, force: true });
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    if (e instanceof ExportCancelled) return;
    const { errorClass, sqlstate, code } = describeError(e);
    await failJob(ctx.db, job.id, [errorClass, sqlstate ?? code].filter(Boolean).join(' '), ctx.clock.now());
    throw e;
  }
}
