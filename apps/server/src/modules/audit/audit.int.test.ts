/**
 * The audit trail and the admin's audit report (ONC 170.315(d)(2) recording,
 * (d)(3) reports): entries for logins, patient reads/writes and exports; filters by time range,
 * user, patient and action; sort by every column both ways; paging; CSV export guarded against
 * formula injection (OWASP CSV Injection).
 */
import { AUDIT_SORT_COLUMNS } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { testBackends } from '@plasticity/db/testing/index';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestClinic, useTestApp, validPatient } from '../../test/harness.ts';

const MIN = 60_000;
const FIELD: Record<string, string> = {
  at: 'at',
  userEmail: 'userEmail',
  role: 'role',
  action: 'action',
  resourceType: 'resourceType',
  patientId: 'patientId',
  outcome: 'outcome',
};

describe.each(testBackends())('audit report on %s', (backend) => {
  const h = useTestApp(backend);
  let c: TestClinic;
  let admin: Client;
  let created: string;
  let t0: Date;
  let tMid: Date;

  beforeAll(async () => {
    c = await h.newClinic();
    t0 = h.clock.now();
    await c.anonymous().login(c.users.nurse.email, 'wrong-password-123'); // login failure
    const nurse = await c.login('nurse');
    created = (await nurse.post('/api/v1/patients', validPatient())).body.id;
    await nurse.get(`/api/v1/patients/${created}`);
    await nurse.patch(`/api/v1/patients/${created}`, { phone: '919-555-0199' });
    h.clock.advance(30 * MIN);
    tMid = h.clock.now();
    const therapist = await c.login('therapist');
    await therapist.get(`/api/v1/patients/${c.patientId}`);
    await therapist.get(`/api/v1/patients/${created}`);
    await therapist.get('/api/v1/patients?query=robin');
    h.clock.advance(1 * MIN);
    admin = await c.login('admin');
    await admin.get('/api/v1/audit?format=csv');
  });

  const rows = () =>
    h.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('clinic_id', '=', c.clinicId)
      .orderBy('created_seq')
      .execute();

  it('records logins, patient reads/creates/updates, searches and exports with who, role, patient, category, source', async () => {
    const r = await rows();
    const has = (m: Record<string, unknown>) =>
      expect(
        r.some((x) => Object.entries(m).every(([k, v]) => (x as Record<string, unknown>)[k] === v)),
        JSON.stringify(m),
      ).toBe(true);
    has({ action: 'login', outcome: 'failure', user_id: c.users.nurse.id, source_address: '127.0.0.1' });
    has({ action: 'login', outcome: 'success', user_id: c.users.nurse.id, role: 'nurse' });
    has({
      action: 'create',
      resource_type: 'patient',
      patient_id: created,
      user_id: c.users.nurse.id,
      category: 'demographics',
    });
    has({ action: 'read', resource_type: 'patient', patient_id: created, user_id: c.users.nurse.id });
    has({ action: 'update', resource_type: 'patient', patient_id: created, user_id: c.users.nurse.id });
    has({ action: 'read', patient_id: c.patientId, role: 'therapist' });
    has({ action: 'query', resource_type: 'patient', role: 'therapist' });
    has({ action: 'export', resource_type: 'audit_log', user_id: c.users.admin.id });
    for (const x of r) {
      expect(x.at).toBeInstanceOf(Date);
      expect(x.clinic_id).toBe(c.clinicId);
      expect(JSON.stringify(x.details ?? {})).not.toMatch(/Robin|Testcase|robin/); // no patient data in details
    }
  });

  it('filters by time range, user, patient and action', async () => {
    const all = (await admin.get('/api/v1/audit?limit=500')).body;
    expect(all.total).toBeGreaterThanOrEqual(10);
    const byUser = (await admin.get(`/api/v1/audit?userId=${c.users.therapist.id}&limit=500`)).body;
    expect(byUser.items.length).toBeGreaterThanOrEqual(4);
    expect(byUser.items.every((e: { userId: string }) => e.userId === c.users.therapist.id)).toBe(true);
    const byPatient = (await admin.get(`/api/v1/audit?patientId=${created}&limit=500`)).body;
    expect(byPatient.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'create',
      'read',
      'read',
      'update',
    ]);
    const reads = (await admin.get(`/api/v1/audit?action=read&patientId=${created}`)).body;
    expect(reads.total).toBe(2);
    const before = (await admin.get('/api/v1/audit?limit=1')).body.total;
    const early = (await admin.get(`/api/v1/audit?to=${encodeURIComponent(tMid.toISOString())}&limit=500`))
      .body;
    expect(early.items.every((e: { at: string }) => e.at < tMid.toISOString())).toBe(true);
    expect(early.items.some((e: { role: string }) => e.role === 'therapist')).toBe(false);
    const late = (await admin.get(`/api/v1/audit?from=${encodeURIComponent(tMid.toISOString())}&limit=500`))
      .body;
    // Each report query is itself audited (at "now", after tMid): two more since `before`.
    expect(late.total + early.total).toBe(before + 2);
    expect(late.items.every((e: { at: string }) => e.at >= tMid.toISOString())).toBe(true);
    const window = (
      await admin.get(
        `/api/v1/audit?from=${encodeURIComponent(t0.toISOString())}&to=${encodeURIComponent(tMid.toISOString())}&userId=${c.users.nurse.id}&action=login`,
      )
    ).body;
    expect(window.items.map((e: { outcome: string }) => e.outcome).sort()).toEqual(['failure', 'success']);
  });

  it.each(AUDIT_SORT_COLUMNS.flatMap((col) => [[col, 'asc'] as const, [col, 'desc'] as const]))(
    'sorts by %s %s (nulls last)',
    async (col, order) => {
      const page = (await admin.get(`/api/v1/audit?sort=${col}&order=${order}&limit=500`)).body
        .items as Array<Record<string, string | null>>;
      expect(page.length).toBeGreaterThan(5);
      const vals = page.map((e) => e[FIELD[col] as string] ?? null);
      const firstNull = vals.indexOf(null);
      if (firstNull >= 0)
        expect(
          vals.slice(firstNull).every((v) => v === null),
          'nulls last',
        ).toBe(true);
      const present = vals.filter((v): v is string => v !== null);
      for (let i = 1; i < present.length; i++) {
        const [a, b] = [present[i - 1] as string, present[i] as string];
        if (order === 'asc') expect(a <= b, `${a} <= ${b}`).toBe(true);
        else expect(a >= b, `${a} >= ${b}`).toBe(true);
      }
    },
  );

  it('pages with limit and offset without overlap', async () => {
    const full = (await admin.get('/api/v1/audit?limit=500&sort=at&order=asc')).body;
    const pages: string[] = [];
    for (let off = 0; off < full.total; off += 3) {
      const p = (await admin.get(`/api/v1/audit?limit=3&offset=${off}&sort=at&order=asc`)).body;
      pages.push(...p.items.map((e: { id: string }) => e.id));
    }
    // The report queries themselves are audited, so the log grows while paging: compare the prefix.
    expect(pages.slice(0, full.items.length)).toEqual(full.items.map((e: { id: string }) => e.id));
    const bad = await admin.get('/api/v1/audit?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('querystring.limit');
  });

  it('exports CSV with a header, one row per entry and formula injection guarded', async () => {
    await h.database.db
      .insertInto('audit_log')
      .values({
        clinic_id: c.clinicId,
        user_email: '=HYPERLINK("http://evil.example","x")',
        action: 'read',
        resource_type: '@SUM(A1)',
        resource_id: '+1',
        outcome: 'success',
        details: toJson(null),
      })
      .execute();
    const count = (await admin.get('/api/v1/audit?limit=1')).body.total;
    const res = await admin.get('/api/v1/audit?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.headers['cache-control']).toBe('no-store');
    const lines = res.text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'at,seq,user_email,role,action,resource_type,resource_id,patient_id,patient_name,category,outcome,source_address,id',
    );
    expect(lines.length - 1).toBe(count + 1); // + the query made by the `total` request above
    const evil = lines.find((l) => l.includes('HYPERLINK')) as string;
    expect(evil).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(evil).toContain(",'@SUM(A1),'+1,");
    expect(lines.slice(1).every((l) => !/(^|,)[=+@-]/.test(l.replace(/^\d{4}-[^,]+,/, '')))).toBe(true);
    const filtered = await admin.get(`/api/v1/audit?format=csv&patientId=${created}`);
    expect(filtered.text.split('\r\n').filter(Boolean)).toHaveLength(5);
  });

  it('builds the same CSV in the database as csv.ts would in JavaScript, for every sort', async () => {
    await h.database.db
      .insertInto('audit_log')
      .values({
        clinic_id: c.clinicId,
        user_email: 'a,"b"\nc@example.org',
        role: '\tx',
        action: 'read',
        resource_type: '-1',
        resource_id: 'plain',
        category: '\rcr',
        outcome: 'success',
        details: toJson(null),
      })
      .execute();
    await h.built.ctx.audit.flush();
    h.clock.advance(MIN);
    const to = encodeURIComponent(new Date(h.clock.now().getTime() - 1000).toISOString());
    const { toCsv } = await import('./csv.ts');
    for (const [sort, order] of [
      ['at', 'desc'],
      ['userEmail', 'asc'],
      ['patientId', 'desc'],
    ] as const) {
      const json = (await admin.get(`/api/v1/audit?to=${to}&sort=${sort}&order=${order}&limit=500`)).body
        .items as Array<Record<string, unknown>>;
      const csv = (await admin.get(`/api/v1/audit?to=${to}&sort=${sort}&order=${order}&format=csv`)).text;
      const expected = toCsv(
        [
          'at',
          'seq',
          'user_email',
          'role',
          'action',
          'resource_type',
          'resource_id',
          'patient_id',
          'patient_name',
          'category',
          'outcome',
          'source_address',
          'id',
        ],
        json.map((e) => [
          e.at,
          e.seq,
          e.userEmail,
          e.role,
          e.action,
          e.resourceType,
          e.resourceId,
          e.patientId,
          e.patientName,
          e.category,
          e.outcome,
          e.sourceAddress,
          e.id,
        ]),
      );
      expect(csv, `${sort} ${order}`).toBe(expected);
    }
    const empty = await admin.get(`/api/v1/audit?format=csv&userId=00000000-0000-4000-8000-000000000000`);
    expect(empty.text).toBe(
      'at,seq,user_email,role,action,resource_type,resource_id,patient_id,patient_name,category,outcome,source_address,id\r\n',
    );
  });

  it('seals every entry into the chain shortly after commit', async () => {
    await h.built.ctx.audit.flush();
    const r = await rows();
    expect(r.every((x) => x.seq !== null && /^[0-9a-f]{64}$/.test(x.hash ?? ''))).toBe(true);
    const page = (await admin.get('/api/v1/audit?limit=5')).body.items;
    expect(page.slice(1).every((e: { seq: number | null }) => e.seq !== null)).toBe(true);
  });
});
