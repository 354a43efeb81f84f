/**
 * `plasticity export clinic --out DIR [--clinic <id>]` — the clinic's whole record for a clinic that leaves (or
 * keeps its own copy), written into DIR:
 * - `fhir/<Type>.ndjson` for every type the FHIR interface serves (modules/fhir/sources.ts), one resource a line,
 *   written by the Bulk Data export's own writer (`writeResourceFile`: the same relation, mapper and release
 *   rule, streamed through a cursor), an empty file for a type with no resources. The command reads as the
 *   clinic's own staff: no 42 CFR Part 2 filtering or labels, which apply to disclosures to system clients —
 *   this is the clinic's own record. Psychotherapy notes and private journal entries are mapped by no source and
 *   are never in it.
 * - `documents/<patient id>/…` the PDFs the app prints per patient (export-documents.ts).
 * - `manifest.json`: the clinic, the time, and per file its path, resource count (NDJSON), bytes and SHA-256.
 * One audit entry (`export`, `clinic_export`, source `cli`) records the export with its counts. Progress per
 * phase on stderr. DIR must be missing or empty; nothing is written when a refusal is given, and a failure part
 * way removes what was written.
 * Exit codes: 0 written, 2 bad arguments, a non-empty DIR or no such clinic.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { Uuid } from '@plasticity/contracts';
import { type Database, migrate } from '@plasticity/db';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { AuditWriter } from '../modules/audit/audit-writer.ts';
import { EXPORT_BATCH_ROWS, writeResourceFile } from '../modules/fhir/bulk/write-export.ts';
import { FHIR_SOURCES } from '../modules/fhir/sources.ts';
import { systemClock } from '../platform/clock.ts';
import { ArgumentError, chooseClinic } from './choose-clinic.ts';
import { openConfiguredDatabase } from './configured-database.ts';
import { writeDocuments } from './export-documents.ts';
import { endProgress, progress } from './progress.ts';

const NAME = 'plasticity export clinic';

/** One file of the export, as the manifest lists it. */
interface ManifestFile {
  path: string;
  /** NDJSON: the FHIR resource type and the number of resources (lines). */
  type?: string;
  count?: number;
  bytes: number;
  sha256: string;
}

export async function exportClinicCommand(config: Config, args: string[]): Promise<number> {
  let out: string;
  let clinicArg: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { out: { type: 'string' }, clinic: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length) throw new ArgumentError(`unexpected argument ${positionals[0]}`);
    if (!values.out) throw new ArgumentError('give the folder to write into with --out DIR');
    out = resolve(values.out);
    clinicArg = values.clinic;
    if (clinicArg !== undefined && !Uuid.safeParse(clinicArg).success)
      throw new ArgumentError('--clinic must be a clinic id');
    if ((await entriesOf(out)).length)
      throw new ArgumentError(`${out} is not empty; give a new or empty folder`);
  } catch (e) {
    return fail((e as Error).message);
  }

  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database.db);
    const clinicId = await chooseClinic(database.db, clinicArg);
    const clinic = await database.db
      .selectFrom('clinics')
      .select(['id', 'time_zone'])
      .where('id', '=', clinicId)
      .executeTakeFirstOrThrow();
    const now = systemClock.now();
    await mkdir(out, { recursive: true });
    let files: ManifestFile[];
    try {
      files = [
        ...(await writeFhir(database, clinicId, out)),
        ...(await hashed(
          out,
          await writeDocuments(
            database.db,
            { id: clinicId, timeZone: clinic.time_zone },
            out,
            now,
            (done, total) => progress(done, total, now.getTime(), 'patients’ documents'),
          ),
        )),
      ];
      endProgress();
      const manifest = { clinicId, exportedAt: now.toISOString(), fhirVersion: '4.0.1', files };
      await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    } catch (e) {
      endProgress();
      for (const name of ['fhir', 'documents', 'manifest.json'])
        await rm(join(out, name), { recursive: true, force: true });
      throw e;
    }
    const audit = new AuditWriter(database.db, systemClock, 60_000);
    const resources = files.reduce((n, f) => n + (f.count ?? 0), 0);
    const documents = files.filter((f) => f.count === undefined).length;
    await audit.record(
      database.db,
      { clinicId, userId: null, email: null, role: null, sourceAddress: 'cli' },
      {
        action: 'export',
        resourceType: 'clinic_export',
        resourceId: clinicId,
        details: { format: 'fhir-ndjson+pdf', resources, documents },
      },
    );
    await audit.flush(); // seal the entry into the audit chain now
    await audit.stop(); // and schedule no further sealing on a database about to close
    console.log(
      `Exported clinic ${clinicId} into ${out}: ${resources.toLocaleString('en-US')} FHIR resources, ${documents.toLocaleString('en-US')} documents (manifest.json lists each file with its SHA-256).`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ArgumentError) return fail(e.message);
    throw e;
  } finally {
    await database.close();
  }
}

/** Every FHIR type's NDJSON file under `out/fhir`, with a progress bar per type. */
async function writeFhir(database: Database, clinicId: string, out: string): Promise<ManifestFile[]> {
  await mkdir(join(out, 'fhir'));
  const files: ManifestFile[] = [];
  for (const source of Object.values(FHIR_SOURCES)) {
    const path = join('fhir', `${source.type}.ndjson`);
    const startedAt = Date.now();
    const unit = `${source.type} resources`;
    const { count } = await writeResourceFile(database, {
      source,
      clinicId,
      to: { clinicId, clientId: null }, // the clinic's own staff: no Part 2 filter (see above)
      where: sql`true`,
      path: join(out, path),
      batchRows: EXPORT_BATCH_ROWS,
      now: () => systemClock.now(),
      onBatch: (done, total) => progress(done, total, startedAt, unit),
    });
    if (count === 0) {
      await writeFile(join(out, path), '');
      progress(0, 0, startedAt, unit);
    }
    endProgress();
    files.push({ ...(await checksum(out, path)), type: source.type, count });
  }
  return files;
}

async function hashed(out: string, written: { path: string }[]): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  for (const w of written) files.push(await checksum(out, w.path));
  return files;
}

/** A written file's size and SHA-256, read back from disk (what the manifest vouches for is what is there). */
async function checksum(out: string, path: string): Promise<ManifestFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(createReadStream(join(out, path)), async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      bytes += chunk.length;
      hash.update(chunk);
    }
  });
  return { path, bytes, sha256: hash.digest('hex') };
}

/** The entries of a folder; none for a folder that does not exist yet. */
async function entriesOf(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw new ArgumentError(`${dir} is a file; give a new or empty folder`);
    throw e;
  }
}

function fail(message: string): number {
  process.stderr.write(`${NAME}: ${message}\n`);
  return 2;
}
