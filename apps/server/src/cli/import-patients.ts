/**
 * `plasticity import patients FILE.csv [--clinic <id>] [--dry-run]` — registers a clinic's existing patients
 * from a CSV file (columns in README, "Importing patients"). Every row is validated as the API validates a
 * create-patient body, MRNs against the rest of the file and the clinic; any bad row lists each problem by
 * line and column (never the value) and writes nothing (exit 1). Otherwise all rows go in one transaction with
 * their audit entries, or none do. `--dry-run` stops after validating. Progress on stderr.
 * Exit codes: 0 imported (or a clean dry run), 1 bad rows or a bad file, 2 bad arguments or no such clinic.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Uuid } from '@plasticity/contracts';
import { migrate } from '@plasticity/db';
import type { Config } from '../config.ts';
import { AuditWriter } from '../modules/audit/audit-writer.ts';
import { type CsvProblem, formatProblem, parsePatientsCsv } from '../modules/patients/import/csv-rows.ts';
import { ImportRefused, importPatients, mrnsTaken } from '../modules/patients/import/write-patients.ts';
import { systemClock } from '../platform/clock.ts';
import { ArgumentError, chooseClinic } from './choose-clinic.ts';
import { openConfiguredDatabase } from './configured-database.ts';
import { endProgress, progress } from './progress.ts';

const NAME = 'plasticity import patients';

export async function importPatientsCommand(config: Config, args: string[]): Promise<number> {
  let file: string;
  let clinicArg: string | undefined;
  let dryRun: boolean;
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { clinic: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    if (positionals.length !== 1) throw new ArgumentError('give exactly one FILE.csv');
    file = positionals[0] as string;
    clinicArg = values.clinic;
    dryRun = values['dry-run'] === true;
    if (clinicArg !== undefined && !Uuid.safeParse(clinicArg).success)
      throw new ArgumentError('--clinic must be a clinic id');
  } catch (e) {
    return fail((e as Error).message);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return fail(`cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!isUtf8(bytes)) {
    process.stderr.write(`${NAME}: ${file} is not UTF-8 text; save it as CSV UTF-8\n`);
    return 1;
  }

  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database.db);
    const clinicId = await chooseClinic(database.db, clinicArg);
    let startedAt = Date.now();
    const parsed = parsePatientsCsv(bytes, {
      onProgress: (done, total) => progress(done, total, startedAt, 'rows checked'),
    });
    endProgress();
    const problems = [...parsed.problems, ...(await mrnsTaken(database.db, clinicId, parsed.rows))];
    if (problems.length) return report(parsed.rowCount, problems);
    if (dryRun) {
      console.log(`${summary(parsed.rowCount, 0)}: ready to import (dry run, nothing written).`);
      return 0;
    }
    const audit = new AuditWriter(database.db, systemClock, 60_000);
    startedAt = Date.now();
    let imported: number;
    try {
      imported = await importPatients(
        database.db,
        audit,
        { clinicId, userId: null, email: null, role: null, sourceAddress: 'cli' },
        parsed.rows,
        {
          now: systemClock.now(),
          onProgress: (done, total) => progress(done, total, startedAt, 'patients imported'),
        },
      );
    } catch (e) {
      if (e instanceof ImportRefused) return report(parsed.rowCount, e.problems);
      throw e;
    } finally {
      endProgress();
    }
    await audit.flush(); // seal the new entries into the audit chain now
    console.log(`Imported ${imported.toLocaleString('en-US')} patients into clinic ${clinicId}.`);
    return 0;
  } catch (e) {
    if (e instanceof ArgumentError) return fail(e.message);
    throw e;
  } finally {
    await database.close();
  }
}

const summary = (rows: number, bad: number) =>
  `${rows.toLocaleString('en-US')} row${rows === 1 ? '' : 's'}, ${bad.toLocaleString('en-US')} bad`;

/** Lists every problem by line (the operator's own file; line, column and message — never a value). */
function report(rowCount: number, problems: CsvProblem[]): number {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  for (const p of sorted) console.log(formatProblem(p));
  const badRows = new Set(sorted.filter((p) => p.line > 1).map((p) => p.line)).size;
  console.log(`${summary(rowCount, badRows)}. Nothing was imported.`);
  return 1;
}

function fail(message: string): number {
  process.stderr.write(`${NAME}: ${message}\n`);
  return 2;
}
