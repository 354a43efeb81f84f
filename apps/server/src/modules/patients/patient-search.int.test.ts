import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type TestApp, useTestApp, validPatient } from '../../test/harness.ts';

type Page = { items: { id: string; lastName: string; firstName: string }[]; nextCursor: string | null };

/** Adds `n` patients to the clinic (rows only; the list and search are what these tests exercise). */
async function addPatients(h: TestApp, clinicId: string, n: number, from = 0): Promise<void> {
  await h.database.db
    .insertInto('patients')
    .values(
      Array.from({ length: n }, (_, k) => from + k).map((i) => ({
        clinic_id: clinicId,
        mrn: `BULK-${String(i).padStart(4, '0')}`,
        first_name: `First${String(i).padStart(3, '0')}`,
        last_name: `Bulk${String(i % 7)}`,
        date_of_birth: '1970-06-15',
        sex: 'male' as const,
      })),
    )
    .execute();
}

describe.each(testBackends())('patient search and paging on %s', (backend) => {
  const h = useTestApp(backend);

  it('finds a patient by name fragment in any case, by MRN, by date of birth (ISO and US) and by phone digits', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const robin = (await nurse.post('/api/v1/patients', validPatient())).body.id as string;
    const other = await h.newClinic();
    await (await other.login('nurse')).post('/api/v1/patients', validPatient());
    for (const q of [
      'obi',
      'ROBIN',
      'stcas',
      'Robin Testcase',
      'Testcase, Robin',
      'mrn-000002',
      '000002',
      '1990-01-31',
      '01/31/1990',
      '1/31/1990',
      '919-555-0150',
      '5550150',
    ]) {
      const r = await nurse.get(`/api/v1/patients?query=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
      expect(
        (r.body as Page).items.map((p) => p.id),
        q,
      ).toEqual([robin]);
    }
    for (const q of ['Robin Nobody', '1990-01-30', '02/31/1990', '%', '_obin'])
      expect((await nurse.get(`/api/v1/patients?query=${encodeURIComponent(q)}`)).body.items, q).toEqual([]);
  });

  it('answers pages of at most 50 in name order, exactly 50 in one page and 51 in two', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    await addPatients(h, c.clinicId, 49);
    const fifty = (await nurse.get('/api/v1/patients')).body as Page;
    expect(fifty.items).toHaveLength(50);
    expect(fifty.nextCursor).toBeNull();

    await addPatients(h, c.clinicId, 1, 49);
    const first = (await nurse.get('/api/v1/patients')).body as Page;
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).toBe(first.items[49]?.id);
    const second = (await nurse.get(`/api/v1/patients?after=${first.nextCursor}`)).body as Page;
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();

    // Smaller pages walk the same order without a gap or a repeat.
    const walked: Page['items'] = [];
    let after: string | null = null;
    do {
      const page: Page = (await nurse.get(`/api/v1/patients?limit=20${after ? `&after=${after}` : ''}`)).body;
      expect(page.items.length).toBeLessThanOrEqual(20);
      walked.push(...page.items);
      after = page.nextCursor;
    } while (after);
    expect(walked.map((p) => p.id)).toEqual([...first.items, ...second.items].map((p) => p.id));
    const key = (p: Page['items'][number]) => `${p.lastName.toLowerCase()}\u0000${p.firstName.toLowerCase()}`;
    expect(walked.map(key)).toEqual(walked.map(key).sort());

    // A search pages the same way.
    const bulk = (await nurse.get('/api/v1/patients?query=bulk&limit=30')).body as Page;
    expect(bulk.items).toHaveLength(30);
    const rest = (await nurse.get(`/api/v1/patients?query=bulk&limit=30&after=${bulk.nextCursor}`))
      .body as Page;
    expect(rest.items).toHaveLength(20);
    expect(rest.nextCursor).toBeNull();
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=51', 'limit'],
    ['limit=ten', 'limit'],
    ['after=not-an-id', 'after'],
  ])('refuses %s with 400 naming %s', async (qs, field) => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const r = await nurse.get(`/api/v1/patients?${qs}`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.details.map((d: { field: string }) => d.field).join(' ')).toContain(field);
  });

  it('does not page into another clinic: an id from elsewhere as the cursor answers nothing', async () => {
    const a = await h.newClinic();
    const b = await h.newClinic();
    const r = await (await b.login('nurse')).get(`/api/v1/patients?after=${a.patientId}`);
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([]);
    expect(r.body.nextCursor).toBeNull();
  });
});
