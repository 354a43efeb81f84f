/**
 * Restoring the embedded database from a data-directory snapshot (`Database.dumpDataDir`, a tar).
 *
 * The snapshot is unpacked into `<dataDir>/pg.restoring` and opened once (PGlite checks and, if the
 * snapshot was taken from a running server, recovers it), and only then put in place of `<dataDir>/pg`
 * by renaming; a database that was there is kept beside it as `pg.before-restore-<time>`, never deleted.
 * The data-directory lock is held throughout, so no server can start on it meanwhile.
 *
 * @example
 *   if (embeddedDatabaseExists(dir) && !force) refuse();
 *   const { keptAs } = await restoreEmbeddedDataDir(dir, snapshotBlob);
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { createPGlite } from './pglite-options.mjs';

/** Where the embedded database lives inside the data directory (see open-database.ts). */
export const EMBEDDED_SUBDIR = 'pg';

export function embeddedDatabaseExists(dataDir: string): boolean {
  return existsSync(join(dataDir, EMBEDDED_SUBDIR, 'PG_VERSION'));
}

export async function restoreEmbeddedDataDir(dataDir: string, snapshot: Blob): Promise<{ keptAs?: string }> {
  const lock = acquireDataDirLock(dataDir);
  try {
    const target = join(dataDir, EMBEDDED_SUBDIR);
    const staging = join(dataDir, `${EMBEDDED_SUBDIR}.restoring`);
    rmSync(staging, { recursive: true, force: true }); // left over from an interrupted restore
    const pg = await createPGlite({ dataDir: staging, loadDataDir: snapshot });
    try {
      await pg.query('select 1');
    } finally {
      await pg.close();
    }
    let keptAs: string | undefined;
    if (existsSync(target)) {
      keptAs = join(
        dataDir,
        `${EMBEDDED_SUBDIR}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`,
      );
      renameSync(target, keptAs);
    }
    renameSync(staging, target);
    return keptAs ? { keptAs } : {};
  } finally {
    lock.release();
  }
}
