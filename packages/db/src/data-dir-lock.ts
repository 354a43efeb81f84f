/**
 * An exclusive lock on the embedded database's data directory.
 *
 * PGlite does not lock its directory, and two processes writing one directory lose committed data,
 * so Plasticity takes the lock before opening it: `<dataDir>/plasticity.lock` is created with the
 * exclusive-create flag (atomic on POSIX file systems) and holds the owner's pid. A second process
 * finds it and refuses. A lock left by a process that no longer runs (kill -9, power loss) is stale
 * and is taken over, so a restart after a crash needs no manual step.
 *
 * @example
 * const lock = acquireDataDirLock('./data'); // throws DataDirLockedError when in use
 * try { ... } finally { lock.release(); }
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data directory ${dataDir} is locked: it is in use by another Plasticity process (pid ${ownerPid}). ` +
        'Stop that process first, or set PLASTICITY_DATA_DIR to another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A reused pid after a crash belongs to some other program: only a node process can hold our lock.
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /node|tsx|plasticity/.test(cmd);
  } catch {
    return true; // no /proc (not Linux): trust the signal check
  }
}

function readOwner(path: string): number {
  try {
    return Number.parseInt(readFileSync(path, 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return Number.NaN;
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'plasticity.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n${new Date().toISOString()}\n`);
      closeSync(fd);
      let released = false;
      return {
        path,
        release(): void {
          if (released) return;
          released = true;
          if (readOwner(path) === process.pid) unlinkSync(path);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readOwner(path);
      if (owner === process.pid || isAlive(owner)) throw new DataDirLockedError(dataDir, owner);
      // Stale: move it aside atomically, then retry the exclusive create.
      try {
        renameSync(path, `${path}.stale-${process.pid}`);
        unlinkSync(`${path}.stale-${process.pid}`);
      } catch {
        /* another process moved it first: retry */
      }
    }
  }
  throw new DataDirLockedError(dataDir, readOwner(path));
}
