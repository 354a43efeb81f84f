/**
 * `npx plasticity <command>` — serve, migrate, user create, demo generate, import patients, export clinic, audit
 * verify, backup, restore.
 * Each command opens the same database the server would (DATABASE_URL, or the embedded one in
 * PLASTICITY_DATA_DIR, which refuses to open while another process holds it).
 *
 * Each command's module is loaded when the command runs. For `serve` that lets the embedded database start on its
 * worker thread while the server's modules load here: about 1 s of each, side by side on two cores rather than one
 * after the other (see bench/README.md, Start-up).
 */
import { parseArgs } from 'node:util';
import { DataDirLockedError, migrate } from '@plasticity/db';
import { ConfigError, loadConfig } from '../config.ts';
import { UserError } from './backup/backup.ts';
import { CorruptBackupError } from './backup/file.ts';
import { MissingToolError } from './backup/pg-tools.ts';
import { openConfiguredDatabase } from './configured-database.ts';

const HELP = `Usage: plasticity <command> [options]

Commands:
  serve                 Start the web app and API (PORT, default 3000)
  migrate               Apply pending database migrations and exit
  user create           Create a user: --email <e> --name <n> --role <role> [--clinic <id>]
                        [--clinic-name <n>] [--password-stdin]  (without a password, prints a one-time link)
  demo generate         Add synthetic patients to the demo clinic: --patients <n> [--seed <s>] (seeds the
                        demo clinic first when the database is empty)
  import patients FILE.csv
                        Register patients from a CSV file [--clinic <id>] [--dry-run]: every row is validated
                        first; any bad row is listed by line and column and nothing is written (exit 1)
  export clinic --out DIR
                        Write the clinic's whole record into DIR (new or empty) [--clinic <id>]: every FHIR
                        resource as NDJSON (fhir/<Type>.ndjson), each patient's PDFs (documents/<patient id>/)
                        and manifest.json with each file's SHA-256. Psychotherapy notes and private journal
                        entries are never included. Embedded: stop the server first.
  audit verify          Check the audit log's hash chain; exits 1 and names the first bad entry
  backup FILE           Write a checksummed backup of the database to FILE [--force to replace FILE].
                        Embedded: works while the server runs (it takes the snapshot). PostgreSQL: uses pg_dump.
  restore FILE          Restore a backup (checksum verified first), then run audit verify. Refuses a
                        database that is not empty unless --force. Embedded: stop the server first.
                        PostgreSQL: uses pg_restore.

Environment: DATABASE_URL, PLASTICITY_DATA_DIR, PORT, PLASTICITY_DEMO (see README, Configuration).
`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, sub] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(HELP);
    return cmd ? 0 : 1;
  }
  try {
    const config = loadConfig();
    if (cmd === 'serve') {
      const say = (line: string) => {
        if (config.demo) console.log(line);
      };
      const [database, { startServer }] = await Promise.all([
        openConfiguredDatabase(config, { thread: true, say }),
        import('../server.ts'),
      ]);
      await startServer(config, database);
      return -1; // keep running
    }
    if (cmd === 'migrate') {
      const database = await openConfiguredDatabase(config);
      try {
        const { applied } = await migrate(database.db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
        return 0;
      } finally {
        await database.close();
      }
    }
    if (cmd === 'user' && sub === 'create')
      return await (await import('./user-create.ts')).userCreateCommand(config, argv.slice(2));
    if (cmd === 'demo' && sub === 'generate')
      return await (await import('./demo-generate.ts')).demoGenerateCommand(config, argv.slice(2));
    if (cmd === 'import' && sub === 'patients')
      return await (await import('./import-patients.ts')).importPatientsCommand(config, argv.slice(2));
    if (cmd === 'export' && sub === 'clinic')
      return await (await import('./export-clinic.ts')).exportClinicCommand(config, argv.slice(2));
    if (cmd === 'audit' && sub === 'verify')
      return await (await import('./audit-verify.ts')).auditVerifyCommand(config);
    if (cmd === 'backup' || cmd === 'restore') {
      let parsed: ReturnType<typeof parseBackupArgs>;
      try {
        parsed = parseBackupArgs(argv.slice(1));
      } catch (e) {
        process.stderr.write(`plasticity ${cmd}: ${(e as Error).message}\n\n${HELP}`);
        return 2;
      }
      const { values, positionals } = parsed;
      if (positionals.length !== 1) {
        process.stderr.write(`plasticity ${cmd}: give exactly one FILE\n\n${HELP}`);
        return 2;
      }
      const opts = { force: values.force === true, say: (line: string) => console.log(line) };
      const file = positionals[0] as string;
      return cmd === 'backup'
        ? await (await import('./backup/backup.ts')).backupCommand(config, file, opts)
        : await (await import('./backup/restore.ts')).restoreCommand(config, file, opts);
    }
    process.stderr.write(`Unknown command: ${argv.join(' ')}\n\n${HELP}`);
    return 2;
  } catch (e) {
    if (
      e instanceof DataDirLockedError ||
      e instanceof ConfigError ||
      e instanceof UserError ||
      e instanceof CorruptBackupError ||
      e instanceof MissingToolError
    ) {
      process.stderr.write(`plasticity: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

function parseBackupArgs(args: string[]) {
  return parseArgs({ args, options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
}

export { parseArgs };
