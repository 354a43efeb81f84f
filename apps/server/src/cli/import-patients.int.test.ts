/**
 * `npx plasticity import patients FILE.csv` — a real import as a child process, refusals and dry runs in this
 * process through the same `main` (in-process.ts) — on a fresh embedded data directory and,
 * with TEST_DATABASE_URL, on a fresh PostgreSQL database of its own (`plasticity_import_<random>`, dropped
 * after): header errors, a dry run listing each bad row by line and column and writing nothing, the same file
 * refused without --dry-run, duplicate MRNs within the file and against the clinic, a good file imported in one
 * go with its audit entries (the patients then found by the API's search), and the choice of clinic.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '@plasticity/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { Client } from '../test/harness.ts';
import { runInProcess } from './in-process.ts';
import { ownServerDatabase, runCli } from './spawn.ts';

const PASSWORD = 'a-long-enough-passphrase-77';
const NURSE = 'nurse@import.example';
const HEAD = 'mrn,first_name,last_name,date_of_birth,sex,phone,address_line1,city,state,postal_code';

const pgUrl = inject('pgUrl');
const ownDatabase = ownServerDatabase(pgUrl, 'import');
const pgUrlOf = ownDatabase.url;

const BACKENDS = [
  { name: 'embedded', server: false },
  ...(pgUrl ? [{ name: 'PostgreSQL', server: true }] : []),
];

describe.each(BACKENDS)('plasticity import patients on $name', ({ server }) => {
  let dir: string;
  let clinicId: string;
  const dataDir = () => join(dir, 'data');
  const env = (): Record<string, string> => (server ? { DATABASE_URL: pgUrlOf() } : {});
  const open = (): Promise<Database> =>
    server
      ? openDatabase({ kind: 'postgres', url: pgUrlOf() })
      : openDatabase({ kind: 'pglite', dataDir: dataDir() });
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const cli = (args: string[], stdin?: string) =>
    runCli(dataDir(), args, { env: env(), timeoutMs: 180_000, ...(stdin ? { stdin } : {}) });
  /** As a child process: only where the process itself is the point (a real import with its progress bar). */
  const importing = (...args: string[]) => cli(['import', 'patients', ...args]);
  /** The same command in this process (in-process.ts): refusals and dry runs. */
  const importHere = (...args: string[]) =>
    runInProcess(dataDir(), ['import', 'patients', ...args], { env: env() });
  /** Patients of the clinic, or the audit entries of patients created from the CLI. */
  const count = async (what: 'patients' | 'audit') => {
    const d = await open();
    try {
      const r =
        what === 'patients'
          ? await d.db
              .selectFrom('patients')
              .where('clinic_id', '=', clinicId)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          : await d.db
              .selectFrom('audit_log')
              .where('clinic_id', '=', clinicId)
              .where('resource_type', '=', 'patient')
              .where('action', '=', 'create')
              .where('source_address', '=', 'cli')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow();
      return Number(r.n);
    } finally {
      await d.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plasticity-import-'));
    mkdirSync(dataDir());
    if (server) await ownDatabase.create();
    const made = await cli(
      [
        'user',
        'create',
        '--email',
        NURSE,
        '--name',
        'Nurse',
        '--role',
        'nurse',
        '--clinic-name',
        'Import Clinic',
        '--password-stdin',
      ],
      `${PASSWORD}\n`,
    );
    expect(made.code, made.stderr).toBe(0);
    clinicId = /in clinic ([0-9a-f-]{36})/.exec(made.stdout)?.[1] as string;
    expect(clinicId).toBeTruthy();
  }, 240_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (server) await ownDatabase.drop();
  });

  // Argument and header refusals never reach the database: they are checked once, on the embedded one.
  if (!server) {
    it.each([
      [[], /exactly one FILE/],
      [['x.csv', 'y.csv'], /exactly one FILE/],
      [['x.csv', '--clinic', 'not-an-id'], /--clinic must be a clinic id/],
      [['no-such-file.csv'], /cannot read no-such-file\.csv \(ENOENT\)/],
    ])('refuses arguments %j (exit 2)', async (args, why) => {
      const r = await importHere(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(why);
    });

    it('refuses an unknown column and a missing required column, naming them, and writes nothing', async () => {
      const unknown = await importHere(
        file('unknown.csv', `${HEAD},shoe_size\nA-1,Ada,Lovelace,1985-12-10,female,,,,,,9\n`),
      );
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toContain('line 1: unknown column "shoe_size"');
      const missing = await importHere(file('missing.csv', 'mrn,first_name,last_name\nA-1,Ada,Lovelace\n'));
      expect(missing.code).toBe(1);
      expect(missing.stdout).toContain('line 1: missing required columns date_of_birth, sex');
      expect(await count('patients')).toBe(0);
    });
  }

  const bad = [
    HEAD,
    'BAD-1,Ada,Lovelace,1985-12-10,female,,,,,',
    'BAD-2,Bob,Stone,10/12/1985,male,,,,,',
    'BAD-3,Cy,Moss,1990-01-01,other,,"Flat 2',
    '1 Main St",Springfield,IL,62701',
    'BAD-4,,Hidden,1990-01-01,female,,,,,',
    'BAD-1,Dee,Dupe,1991-01-01,female,,,,,',
    'BAD-5,Eve,Moss,1992-02-02,female,not a phone!,,,,',
    '',
  ].join('\n');
  const badListing = [
    'line 3, date_of_birth: must be a date as YYYY-MM-DD',
    'line 6, first_name: is required',
    'line 7, mrn: is also on line 2',
    'line 8, phone: may contain only digits, spaces and + ( ) - .',
    '6 rows, 4 bad. Nothing was imported.',
  ];

  it('dry run: lists each bad row by line and column (never a value), exits 1 and writes nothing', async () => {
    const r = await importHere(file('bad.csv', bad), '--dry-run');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual(badListing);
    expect(r.stdout + r.stderr).not.toMatch(/Lovelace|Hidden|Dupe|10\/12\/1985|not a phone/);
    expect(await count('patients')).toBe(0);
  });

  it('without --dry-run the same file is refused the same way and nothing is written', async () => {
    const r = await importHere(file('bad.csv', bad));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual(badListing);
    expect(await count('patients')).toBe(0);
    expect(await count('audit')).toBe(0);
  });

  const N = 25;
  const goodRows = Array.from({ length: N }, (_, i) =>
    i === 0
      ? ',Blank,Importable,1980-01-01,unknown,,,,,' // no MRN: allocated as the API does
      : i === 1
        ? `IMP-${i},Quoted,Importable,1981-02-03,Female,+1 555 0100,"Unit 4\r\n9 Elm St",Shelbyville,IL,62565`
        : `IMP-${i},Person${i},Importable,${1950 + i}-0${(i % 9) + 1}-1${i % 10},${i % 2 ? 'male' : 'female'},,,,,`,
  );
  const good = `\uFEFF${[HEAD, ...goodRows].join('\r\n')}\r\n\r\n`;

  it('imports a good file in one transaction with a progress bar; the API finds the patients; one audit entry each', async () => {
    const dry = await importHere(file('good.csv', good), '--dry-run');
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/25 rows, 0 bad: ready to import \(dry run, nothing written\)/);
    expect(dry.stderr).toMatch(/100% 25\/25 rows checked/);
    expect(await count('patients')).toBe(0);

    const r = await importing(file('good.csv', good));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`Imported 25 patients into clinic ${clinicId}.`);
    expect(r.stderr).toMatch(/100% 25\/25 patients imported/);
    expect(r.stdout + r.stderr).not.toMatch(/Importable|Person\d/);
    expect(await count('patients')).toBe(N);
    expect(await count('audit')).toBe(N);

    const database = await open();
    try {
      const built = await buildApp({ database, config: loadConfig({}), serveWeb: false });
      try {
        await built.app.ready();
        const nurse = new Client(built.app);
        expect((await nurse.login(NURSE, PASSWORD)).status).toBe(200);
        const found = await nurse.get('/api/v1/patients?query=importable');
        expect(found.status).toBe(200);
        expect(found.body.items).toHaveLength(N);
        const quoted = found.body.items.find((p: { firstName: string }) => p.firstName === 'Quoted');
        expect(quoted).toMatchObject({
          mrn: 'IMP-1',
          sex: 'female',
          phone: '+1 555 0100',
          address: { line1: 'Unit 4\r\n9 Elm St', city: 'Shelbyville', state: 'IL', postalCode: '62565' },
        });
        const blank = found.body.items.find((p: { firstName: string }) => p.firstName === 'Blank');
        expect(blank.mrn).toBe('MRN-000001');
      } finally {
        await built.stop();
        await built.app.close();
      }
    } finally {
      await database.close();
    }
  });

  it('refuses MRNs the clinic already uses, naming each line, dry run or not', async () => {
    const text = [
      HEAD,
      'NEW-1,Nia,Fresh,1990-01-01,female,,,,,',
      'IMP-3,Oli,Again,1990-01-01,male,,,,,',
      'MRN-000001,Pat,Again,1990-01-01,male,,,,,',
    ].join('\n');
    const expected = [
      'line 3, mrn: is already in use in this clinic',
      'line 4, mrn: is already in use in this clinic',
      '3 rows, 2 bad. Nothing was imported.',
    ];
    for (const args of [['--dry-run'], []]) {
      const r = await importHere(file('taken.csv', text), ...args);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout.trim().split('\n')).toEqual(expected);
    }
    expect(await count('patients')).toBe(N);
  });

  it('asks for --clinic once several clinics exist, and imports into the one named', async () => {
    const other = await runInProcess(
      dataDir(),
      [
        'user',
        'create',
        '--email',
        'other@import.example',
        '--name',
        'Other',
        '--role',
        'nurse',
        '--clinic-name',
        'Other Clinic',
      ],
      { env: env() },
    );
    expect(other.code, other.stderr).toBe(0);
    const text = `${HEAD}\nNEW-1,Nia,Fresh,1990-01-01,female,,,,,\n`;
    const unsure = await importHere(file('one.csv', text));
    expect(unsure.code).toBe(2);
    expect(unsure.stderr).toMatch(/several clinics exist; choose one with --clinic/);
    const wrong = await importHere(file('one.csv', text), '--clinic', '00000000-0000-4000-8000-000000000000');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/no clinic has id/);
    const r = await importHere(file('one.csv', text), '--clinic', clinicId);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(await count('patients')).toBe(N + 1);
  });
});
