/**
 * Test databases for integration tests: `testDatabases()` lists the backends to run a suite on
 * (embedded always; the PostgreSQL server when TEST_DATABASE_URL is set), and `openTestDatabase`
 * opens one — the embedded one from the migrated snapshot, the server one on this run's schema.
 */
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../open-database.ts';

export type TestBackend = 'pglite' | 'postgres';

export function testBackends(): TestBackend[] {
  return inject('pgSchema') ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * `applicationName` tags the server connections (pg_stat_activity) so a test can find and terminate them.
 * `thread` and `sharedBuffersMb` open the embedded one as `openDatabase` does with them.
 */
export async function openTestDatabase(
  backend: TestBackend,
  opts: { applicationName?: string; thread?: boolean; sharedBuffersMb?: number } = {},
): Promise<Database> {
  if (backend === 'pglite') {
    const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))]);
    return openDatabase({
      kind: 'pglite',
      loadDataDir: snapshot,
      ...(opts.thread ? { thread: true } : {}),
      ...(opts.sharedBuffersMb !== undefined ? { sharedBuffersMb: opts.sharedBuffersMb } : {}),
    });
  }
  return openDatabase({
    kind: 'postgres',
    url: inject('pgUrl'),
    schema: inject('pgSchema'),
    poolSize: 20,
    ...(opts.applicationName ? { applicationName: opts.applicationName } : {}),
  });
}
