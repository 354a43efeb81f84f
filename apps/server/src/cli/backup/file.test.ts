import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CorruptBackupError, extractPayload, verifyBackupFile, writeBackupFile } from './file.ts';

const dir = mkdtempSync(join(tmpdir(), 'plasticity-backup-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const manifest = {
  format: 1 as const,
  database: 'postgresql' as const,
  payload: 'pg_dump-custom' as const,
  createdAt: '2026-03-01T12:00:00.000Z',
  migrations: ['0001_foundation.sql'],
};

async function sample(name: string) {
  const payload = join(dir, `${name}.payload`);
  writeFileSync(payload, Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 31) % 256)));
  const file = join(dir, `${name}.backup`);
  await writeBackupFile(file, manifest, payload);
  return { file, payload };
}

describe('backup file', () => {
  it('round-trips: header with the checksum, manifest, payload', async () => {
    const { file, payload } = await sample('ok');
    const v = await verifyBackupFile(file);
    expect(v.manifest).toEqual({ ...manifest, payloadBytes: 100_000 });
    expect(readFileSync(file, 'latin1').split('\n')[0]).toBe(`PLASTICITY-BACKUP 1 sha256=${v.sha256}`);
    const out = join(dir, 'ok.out');
    await extractPayload(file, v.payloadOffset, out);
    expect(readFileSync(out).equals(readFileSync(payload))).toBe(true);
  });

  it.each([
    ['a flipped payload byte', (b: Buffer) => flip(b, b.length - 1), /checksum mismatch/],
    ['a changed manifest', (b: Buffer) => flip(b, b.indexOf('2026-03-01')), /checksum mismatch/],
    ['a changed checksum', (b: Buffer) => flip(b, 30), /checksum mismatch|header/],
    ['a truncated file', (b: Buffer) => b.subarray(0, b.length - 1000), /checksum mismatch/],
    ['another file', () => Buffer.from('hello\n'), /no Plasticity backup header/],
  ])('refuses %s', async (_what, damage, why) => {
    const { file } = await sample('bad');
    writeFileSync(file, damage(readFileSync(file)));
    const err = await verifyBackupFile(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptBackupError);
    expect((err as Error).message).toMatch(why);
  });
});

function flip(b: Buffer, at: number): Buffer {
  const c = Buffer.from(b);
  c[at] = (c[at] as number) ^ 0x01;
  return c;
}
