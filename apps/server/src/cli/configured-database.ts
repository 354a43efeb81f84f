/**
 * The database the configuration names: the PostgreSQL server at DATABASE_URL, or the embedded one in
 * PLASTICITY_DATA_DIR (locked to this process; the server runs it on a worker thread of its own).
 *
 * Kept apart from the server's modules so that `serve` can start opening the embedded database before it loads
 * them: the database starts on its thread while the app's modules load on this one (see cli/main.ts).
 */
import { type Database, embeddedDatabaseExists, openDatabase } from '@plasticity/db';
import type { Config } from '../config.ts';

export async function openConfiguredDatabase(
  config: Config,
  opts: { thread?: boolean; say?: (line: string) => void } = {},
): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ kind: 'postgres', url: config.databaseUrl });
  if (!embeddedDatabaseExists(config.dataDir)) opts.say?.(`Creating the database in ${config.dataDir}…`);
  return openDatabase({
    kind: 'pglite',
    dataDir: config.dataDir,
    sharedBuffersMb: config.embeddedSharedBuffersMb,
    ...(opts.thread ? { thread: true } : {}),
  });
}
