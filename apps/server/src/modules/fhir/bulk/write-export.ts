/**
 * Writes one Bulk Data export job's files: for each of its types, every resource of the clinic (changed after
 * `_since`, when given) as one NDJSON line built by the type's own mapper (sources.ts: the same one read and
 * search use, so nothing is mapped twice and what no source maps — psychotherapy notes, private journal entries —
 * cannot be exported). Rows are read in pages of `EXPORT_PAGE_ROWS`, keyed by the FHIR id (each page starts after
 * the last id of the one before, in one short statement), and piped to the file with backpressure: memory holds
 * one page whatever the export's size, and the embedded database's one connection is free between pages.
 * After each page the job's progress is recorded; a job cancelled meanwhile stops there and its folder goes.
 */

import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DB } from '@plasticity/db';
import type { FhirExportFile } from '@plasticity/db/tables/fhir-export';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Config } from '../../../config.ts';
import { describeError } from '../../../platform/jobs.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import { type FhirResourceType, requesterClient } from '../access.ts';
import { type Part2Recipient, type Part2Release, part2Releasable } from '../part2.ts';
import { release } from '../release.ts';
import type { ResourceSource, SourceRow } from '../resource-source.ts';
import { allOf } from '../search-sql.ts';
import { FHIR_SOURCES } from '../sources.ts';
import { type ExportJob, failJob, finishJob, reportProgress } from './export-jobs.ts';

export const EXPORT_PAGE_ROWS = 1000;

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

/** The rows in pages, by id (byte order, so the same in every database collation). */
async function* pages(
  db: Kysely<DB>,
  source: ResourceSource<SourceRow>,
  clinicId: string,
  where: RawBuilder<unknown>,
  pageRows: number,
): AsyncGenerator<SourceRow[]> {
  let after = '';
  for (;;) {
    const { rows } = await sql<SourceRow>`
      with r as (${source.relation(clinicId)})
      select * from r where ${where} and id collate "C" > ${after}
       order by id collate "C" limit ${pageRows}`.execute(db);
    const last = rows.at(-1);
    if (!last) return;
    yield rows;
    if (rows.length < pageRows) return;
    after = last.id;
  }
}

/**
 * Writes one type's file; the number of lines written and the Part 2 records in it per patient and consent. A
 * system client's export holds what its searches would (`part2Releasable`, labelled by `release`); the accounting
 * of disclosures is written when it downloads the file (export-file.ts).
 */
async function writeType(
  ctx: ModuleContext,
  job: ExportJob,
  type: string,
  path: string,
  pageRows: number,
): Promise<{ count: number; part2: Part2Release[] }> {
  const source = sourceOf(type);
  const to: Part2Recipient = { clinicId: job.clinic_id, clientId: requesterClient(job.requester) };
  const where = allOf([changedSince(job.since), part2Releasable(source, to, ctx.clock.now())]);
  const total = await countRows(ctx.db, source, job.clinic_id, where);
  const part2 = new Map<string, Part2Release>();
  if (total === 0) return { count: 0, part2: [] };
  let written = 0;
  async function* lines() {
    for await (const rows of pages(ctx.db, source, job.clinic_id, where, pageRows)) {
      const released = await release(ctx.db, source, to, rows, ctx.clock.now());
      for (const r of released.releases) {
        const key = `${r.patientId} ${r.consentId}`;
        const one = part2.get(key);
        part2.set(key, one ? { ...one, count: one.count + r.count } : r);
      }
      yield released.resources.map((r) => `${JSON.stringify(r)}\n`).join('');
      written += rows.length;
      const percent = Math.min(100, Math.floor((written * 100) / total));
      if (!(await reportProgress(ctx.db, job.id, `${type} ${percent} %`, ctx.clock.now())))
        throw new ExportCancelled();
    }
  }
  await pipeline(lines(), createWriteStream(path));
  return { count: written, part2: [...part2.values()] };
}

/**
 * Runs a claimed job to its end: done with its files and their expiry, or failed (its partial files removed,
 * the error's class recorded — never its message, which can quote stored values — and the error rethrown for the
 * job runner to log). A job cancelled meanwhile leaves nothing behind.
 */
export async function runExportJob(
  ctx: ModuleContext,
  job: ExportJob,
  pageRows = EXPORT_PAGE_ROWS,
): Promise<void> {
  const dir = jobDir(ctx.config, job.id);
  try {
    await mkdir(dir, { recursive: true });
    const output: FhirExportFile[] = [];
    for (const type of job.types) {
      const file = fileName(type);
      const { count, part2 } = await writeType(ctx, job, type, join(dir, file), pageRows);
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
