/**
 * `npx plasticity export clinic --out DIR` run in this process (in-process.ts) on a fresh embedded data directory
 * and, with TEST_DATABASE_URL, on a PostgreSQL database of its own (`plasticity_export_<random>`, dropped after):
 * a clinic with a dosing session with vitals, an esketamine session (REMS form), assessments, a signed consent, a
 * psychotherapy note and a private journal entry → each NDJSON file's lines number what the type's relation holds
 * (and what a FHIR search totals), each PDF names the patient, the note's and the entry's words are in no file,
 * the manifest's checksums match, the export is audited once; refusals exit 2 and write nothing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, migrate, openDatabase } from '@plasticity/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FHIR_SOURCES } from '../modules/fhir/sources.ts';
import { recordDosing } from '../modules/fhir/test/fixtures.ts';
import { at } from '../modules/sessions/test/fixtures.ts';
import { testAppOn } from '../test/harness.ts';
import { pdfText } from '../test/pdf-text.ts';
import { runInProcess } from './in-process.ts';
import { ownServerDatabase } from './spawn.ts';

const PSYCHOTHERAPY = 'Zanzibar-psychotherapy-words';
const PRIVATE_ENTRY = 'Quokka-private-journal-words';

const pgUrl = inject('pgUrl');
const ownDatabase = ownServerDatabase(pgUrl, 'export');
const pgUrlOf = ownDatabase.url;
const BACKENDS = [
  { name: 'embedded', server: false },
  ...(pgUrl ? [{ name: 'PostgreSQL', server: true }] : []),
];

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(BACKENDS)('plasticity export clinic on $name', ({ server }) => {
  let dir: string;
  let clinicId: string;
  let patientId: string;
  let lastName: string;
  const counts = new Map<string, number>();
  const searchTotals = new Map<string, number>();
  const dataDir = () => join(dir, 'data');
  const env = (): Record<string, string> => (server ? { DATABASE_URL: pgUrlOf() } : {});
  const open = (): Promise<Database> =>
    server
      ? openDatabase({ kind: 'postgres', url: pgUrlOf() })
      : openDatabase({ kind: 'pglite', dataDir: dataDir() });
  const exporting = (...args: string[]) =>
    runInProcess(dataDir(), ['export', 'clinic', ...args], { env: env() });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plasticity-export-clinic-'));
    mkdirSync(dataDir());
    if (server) await ownDatabase.create();
    const database = await open();
    try {
      await migrate(database.db);
      const h = await testAppOn(database);
      try {
        const c = await h.newClinic();
        clinicId = c.clinicId;
        patientId = c.patientId;
        const dosing = await recordDosing(h, c);
        const nurse = await c.login('nurse');
        const vitals = await nurse.post(`/api/v1/sessions/${dosing.sessionId}/vitals`, {
          idempotencyKey: `export-${dosing.sessionId}`,
          readings: [{ at: at(h, 120_000), sbp: 128, dbp: 82, hr: 72, spo2: 97, rr: 14 }],
        });
        expect(vitals.status, vitals.text).toBe(201);
        const gad7 = await nurse.post(`/api/v1/patients/${c.patientId}/assessments`, {
          instrument: 'gad7',
          answers: [1, 1, 1, 1, 1, 1, 1],
        });
        expect(gad7.status, gad7.text).toBe(201);
        const patient = await c.login('patient');
        expect((await patient.get(`/api/v1/patients/${c.patientId}/consents`)).status).toBe(200);
        const doc = await database.db
          .selectFrom('plan_consent_documents')
          .select(['id', 'body_sha256'])
          .where('clinic_id', '=', c.clinicId)
          .where('superseded_at', 'is', null)
          .executeTakeFirstOrThrow();
        const p = await database.db
          .selectFrom('patients')
          .select(['first_name', 'last_name'])
          .where('id', '=', c.patientId)
          .executeTakeFirstOrThrow();
        lastName = p.last_name;
        const signed = await patient.post(`/api/v1/patients/${c.patientId}/consents`, {
          documentId: doc.id,
          typedName: `${p.first_name} ${p.last_name}`,
          agree: true,
          textSha256: doc.body_sha256,
        });
        expect(signed.status, signed.text).toBe(201);
        const note = await (await c.login('therapist')).post(`/api/v1/patients/${c.patientId}/notes`, {
          kind: 'psychotherapy',
          body: PSYCHOTHERAPY,
        });
        expect(note.status, note.text).toBe(201);
        const entry = await patient.post('/api/v1/portal/journal', { text: PRIVATE_ENTRY, shared: false });
        expect(entry.status, entry.text).toBe(201);
        // What a FHIR search totals, for every type but the audit log (which each search grows).
        const admin = await c.login('admin');
        for (const type of Object.keys(FHIR_SOURCES).filter((t) => t !== 'AuditEvent')) {
          const r = await admin.get(`/fhir/R4/${type}?_count=0`);
          expect(r.status, r.text).toBe(200);
          searchTotals.set(type, r.body.total);
        }
      } finally {
        await h.built.stop();
        await h.app.close();
      }
    } finally {
      await database.close();
    }
  }, 240_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (server) await ownDatabase.drop();
  });

  it('refuses a missing --out, a non-empty folder and an unknown clinic, writing nothing', async () => {
    const none = await exporting();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--out DIR');
    const full = join(dir, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'keep.txt'), 'x');
    const refused = await exporting('--out', full);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not empty');
    expect(readdirSync(full)).toEqual(['keep.txt']);
    const unknown = join(dir, 'unknown');
    const stranger = await exporting('--out', unknown, '--clinic', '00000000-0000-4000-8000-000000000000');
    expect(stranger.code).toBe(2);
    expect(stranger.stderr).toContain('no clinic has id');
    expect(() => readdirSync(unknown)).toThrow();
  });

  it('writes every FHIR type, each patient’s PDFs and a manifest; never a psychotherapy note or a private entry', async () => {
    const out = join(dir, 'export');
    const r = await exporting('--out', out, '--clinic', clinicId);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Observation resources');
    const database = await open();
    try {
      for (const source of Object.values(FHIR_SOURCES)) {
        const n = await sql<{ n: number }>`
          with r as (${source.relation(clinicId)}) select count(*)::int as n from r`.execute(database.db);
        counts.set(source.type, n.rows[0]?.n ?? 0);
      }
      const audits = await database.db
        .selectFrom('audit_log')
        .select(['details', 'source_address'])
        .where('clinic_id', '=', clinicId)
        .where('action', '=', 'export')
        .where('resource_type', '=', 'clinic_export')
        .execute();
      expect(audits).toHaveLength(1);
      expect(audits[0]?.source_address).toBe('cli');
    } finally {
      await database.close();
    }
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.clinicId).toBe(clinicId);
    const everything: string[] = [];
    for (const f of manifest.files) {
      const bytes = readFileSync(join(out, f.path));
      expect(sha(bytes), f.path).toBe(f.sha256);
      expect(bytes.length).toBe(f.bytes);
      if (f.path.endsWith('.ndjson')) {
        const lines = bytes.toString('utf8').split('\n').filter(Boolean);
        expect(lines.length, f.type).toBe(f.count);
        for (const l of lines) expect(JSON.parse(l).resourceType).toBe(f.type);
        // The audit log now holds the export's own entry besides what the file holds.
        const inDb = counts.get(f.type) ?? -1;
        expect(lines.length, f.type).toBe(f.type === 'AuditEvent' ? inDb - 1 : inDb);
        if (f.type !== 'AuditEvent') expect(lines.length, f.type).toBe(searchTotals.get(f.type));
        everything.push(bytes.toString('utf8'));
      } else {
        expect(f.path.startsWith(`documents/${patientId}/`), f.path).toBe(true);
        const text = pdfText(bytes);
        expect(text, f.path).toContain(lastName);
        everything.push(text);
      }
    }
    expect(
      manifest.files.filter((f: { type?: string }) => f.type).map((f: { type: string }) => f.type),
    ).toEqual(Object.keys(FHIR_SOURCES));
    const docs = manifest.files.map((f: { path: string }) => f.path.split('/').pop());
    expect(docs).toContain('record.pdf');
    expect(docs.some((d: string) => d.startsWith('consent-'))).toBe(true);
    expect(docs.some((d: string) => d.startsWith('rems-'))).toBe(true);
    expect((counts.get('Observation') ?? 0) > 0).toBe(true);
    for (const text of everything) {
      expect(text).not.toContain(PSYCHOTHERAPY);
      expect(text).not.toContain(PRIVATE_ENTRY);
    }
  });
});
