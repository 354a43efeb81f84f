/**
 * The backup file: a one-line header with a SHA-256 checksum, a one-line JSON manifest, then the payload
 * (the embedded database's data directory as a gzipped tar, or a `pg_dump --format=custom` archive, which is
 * compressed already).
 *
 *   PLASTICITY-BACKUP 1 sha256=<64 hex digits>\n
 *   {"format":1,"database":"embedded",…}\n
 *   <payload bytes>
 *
 * The checksum covers everything after the header line (manifest and payload), so a change to any byte
 * after it — a truncated copy, a flipped bit — is found before anything is restored.
 *
 * @example
 *   await writeBackupFile('/backups/monday.plasticity', manifest, payloadPath);
 *   const { manifest, payloadOffset } = await verifyBackupFile('/backups/monday.plasticity'); // throws if corrupt
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  openSync,
  readSync,
  renameSync,
  statSync,
} from 'node:fs';
import { pipeline } from 'node:stream/promises';

const MAGIC = 'PLASTICITY-BACKUP 1 sha256=';
const HEADER_BYTES = MAGIC.length + 64 + 1;

export interface BackupManifest {
  format: 1;
  /** Where the backup came from, and where it can be restored to. */
  database: 'embedded' | 'postgresql';
  payload: 'pglite-data-dir-tar-gzip' | 'pg_dump-custom';
  createdAt: string;
  /** Applied migrations (file names) at backup time: a restore refuses a backup newer than its code. */
  migrations: string[];
  payloadBytes: number;
  /** How the embedded snapshot was taken: by the running server, or with the data directory opened here. */
  takenBy?: 'running-server' | 'cli';
  serverVersion?: string;
}

export class CorruptBackupError extends Error {
  constructor(why: string) {
    super(`the backup file is corrupt or not a Plasticity backup (${why}); nothing was restored`);
    this.name = 'CorruptBackupError';
  }
}

/** Writes header + manifest + payload (from a file) to `path`, atomically (a .part file renamed at the end). */
export async function writeBackupFile(
  path: string,
  manifest: Omit<BackupManifest, 'payloadBytes'>,
  payloadPath: string,
): Promise<{ sha256: string; bytes: number }> {
  const full: BackupManifest = { ...manifest, payloadBytes: statSync(payloadPath).size };
  const manifestLine = `${JSON.stringify(full)}\n`;
  const hash = createHash('sha256').update(manifestLine);
  for await (const chunk of createReadStream(payloadPath)) hash.update(chunk as Buffer);
  const sha256 = hash.digest('hex');
  const part = `${path}.part`;
  const out = createWriteStream(part, { mode: 0o600 });
  out.write(`${MAGIC}${sha256}\n`);
  out.write(manifestLine);
  await pipeline(createReadStream(payloadPath), out);
  renameSync(part, path);
  return { sha256, bytes: statSync(path).size };
}

/**
 * Checks the header, the checksum over the rest and the manifest. Returns the manifest and where the
 * payload starts; throws `CorruptBackupError` when anything does not match.
 */
export async function verifyBackupFile(
  path: string,
): Promise<{ manifest: BackupManifest; payloadOffset: number; sha256: string }> {
  const size = statSync(path).size;
  const head = Buffer.alloc(Math.min(size, HEADER_BYTES + 64 * 1024));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const header = head.subarray(0, HEADER_BYTES).toString('latin1');
  const m = /^PLASTICITY-BACKUP 1 sha256=([0-9a-f]{64})\n$/.exec(header);
  if (!m) throw new CorruptBackupError('no Plasticity backup header');
  const expected = m[1] as string;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { start: HEADER_BYTES })) hash.update(chunk as Buffer);
  const actual = hash.digest('hex');
  if (actual !== expected) throw new CorruptBackupError('checksum mismatch');
  const nl = head.indexOf(10, HEADER_BYTES);
  if (nl < 0) throw new CorruptBackupError('no manifest');
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(head.subarray(HEADER_BYTES, nl).toString('utf8'));
  } catch {
    throw new CorruptBackupError('unreadable manifest');
  }
  const payloadOffset = nl + 1;
  if (manifest.format !== 1) throw new CorruptBackupError(`unknown format ${String(manifest.format)}`);
  if (manifest.payloadBytes !== size - payloadOffset) throw new CorruptBackupError('payload length mismatch');
  return { manifest, payloadOffset, sha256: actual };
}

/** Copies the payload of a verified backup file to `dest`. */
export async function extractPayload(path: string, payloadOffset: number, dest: string): Promise<void> {
  await pipeline(createReadStream(path, { start: payloadOffset }), createWriteStream(dest, { mode: 0o600 }));
}

/** "12.3 MB" */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
