/**
 * `npx plasticity <command>` — serve, migrate, user create, audit verify.
 * Each command opens the same database the server would (DATABASE_URL, or the embedded one in
 * PLASTICITY_DATA_DIR, which refuses to open while another process holds it).
 */
import { parseArgs } from 'node:util';
import { DataDirLockedError, migrate } from '@plasticity/db';
import { ConfigError, loadConfig } from '../config.ts';
import { openConfiguredDatabase, startServer } from '../server.ts';
import { auditVerifyCommand } from './audit-verify.ts';
import { userCreateCommand } from './user-create.ts';

const HELP = `Usage: plasticity <command> [options]

Commands:
  serve                 Start the web app and API (PORT, default 3000)
  migrate               Apply pending database migrations and exit
  user create           Create a user: --email <e> --name <n> --role <role> [--clinic <id>]
                        [--clinic-name <n>] [--password-stdin]  (without a password, prints a one-time link)
  audit verify          Check the audit log's hash chain; exits 1 and names the first bad entry

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
      await startServer(config);
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
    if (cmd === 'user' && sub === 'create') return await userCreateCommand(config, argv.slice(2));
    if (cmd === 'audit' && sub === 'verify') return await auditVerifyCommand(config);
    process.stderr.write(`Unknown command: ${argv.join(' ')}\n\n${HELP}`);
    return 2;
  } catch (e) {
    if (e instanceof DataDirLockedError || e instanceof ConfigError) {
      process.stderr.write(`plasticity: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

export { parseArgs };
