/** The sliding scale through the HTTP app: evaluate, tiers, guideline years, assessments and activeDiscount. */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { activeDiscount } from './active-discount.ts';

const EVALUATE = '/api/v1/access/sliding-scale/evaluate';
const TIERS = '/api/v1/access/sliding-scale/tiers';
const YEARS = '/api/v1/access/sliding-scale/guideline-years';
const DAY = 86_400_000;

const fieldsOf = (body: { error: { details?: { field?: string }[] } }) =>
  (body.error.details ?? []).map((d) => d.field);

describe.each(testBackends())('sliding scale on %s', (backend) => {
  const h = useTestApp(backend);

  it.each([
    [{ householdSize: 4, annualIncome: 33_000, state: 'NY', year: 2026 }, 33_000, 100, 'Tier 1', 75],
    [{ householdSize: 4, annualIncome: 33_033, state: 'ny', year: 2026 }, 33_000, 100.1, 'Tier 2', 50],
    [{ householdSize: 1, annualIncome: 29_325, state: 'AK', year: 2025 }, 19_550, 150, 'Tier 2', 50],
    [{ householdSize: 2, annualIncome: 48_640, state: 'HI', year: 2025 }, 24_320, 200, 'Tier 3', 25],
    [{ householdSize: 10, annualIncome: 167_700.5, state: 'DC', year: 2026 }, 67_080, 250, 'Tier 4', 10],
    [{ householdSize: 3, annualIncome: 100_000, state: 'TX', year: 2026 }, 27_320, 366, 'Tier 5', 0],
  ])('evaluates %j', async (body, guideline, percentOfPoverty, tier, discountPercent) => {
    const c = await h.newClinic();
    const r = await (await c.login('front_desk')).post(EVALUATE, body);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ guideline, percentOfPoverty, tier, discountPercent });
  });

  it.each([
    [{ householdSize: 0, annualIncome: 1, state: 'NY', year: 2026 }, 'body.householdSize'],
    [{ householdSize: 2.5, annualIncome: 1, state: 'NY', year: 2026 }, 'body.householdSize'],
    [{ householdSize: 2, annualIncome: -1, state: 'NY', year: 2026 }, 'body.annualIncome'],
    [{ householdSize: 2, annualIncome: '1000', state: 'NY', year: 2026 }, 'body.annualIncome'],
    [{ householdSize: 2, annualIncome: 10.001, state: 'NY', year: 2026 }, 'body.annualIncome'],
    [{ householdSize: 2, annualIncome: 1, state: 'New York', year: 2026 }, 'body.state'],
    [{ householdSize: 2, annualIncome: 1, state: 'PR', year: 2026 }, 'body.state'],
    [{ householdSize: 2, annualIncome: 1, state: 'NY', year: 2019 }, 'body.year'],
    [{ householdSize: 2, annualIncome: 1, state: 'NY' }, 'body.year'],
    [{ householdSize: 2, annualIncome: 1, state: 'NY', year: 2026, extra: 1 }, 'body'],
  ])('refuses %j naming %s', async (body, field) => {
    const c = await h.newClinic();
    const r = await (await c.login('prescriber')).post(EVALUATE, body);
    expect(r.status).toBe(400);
    expect(fieldsOf(r.body).some((f) => f === field || f?.startsWith(`${field}`))).toBe(true);
  });

  it('names both year and state when neither has a table', async () => {
    const c = await h.newClinic();
    const r = await (await c.login('admin')).post(EVALUATE, {
      householdSize: 2,
      annualIncome: 1,
      state: 'GU',
      year: 2030,
    });
    expect(r.status).toBe(400);
    expect(fieldsOf(r.body)).toEqual(['body.year', 'body.state']);
  });

  it('staff evaluate; a patient may not', async () => {
    const c = await h.newClinic();
    const body = { householdSize: 1, annualIncome: 1, state: 'NC', year: 2026 };
    for (const role of ['admin', 'prescriber', 'nurse', 'therapist', 'front_desk'] as const) {
      expect((await (await c.login(role)).post(EVALUATE, body)).status, role).toBe(200);
    }
    expect((await (await c.login('patient')).post(EVALUATE, body)).status).toBe(403);
  });

  it('the admin saves tiers as versions; evaluation and assessments use the newest', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const first = await admin.get(TIERS);
    expect(first.body.current.version).toBe(0);
    expect(first.body.current.tiers).toHaveLength(5);
    const tiers = [
      { label: 'Full help', maxPercent: 200, discountPercent: 80 },
      { label: 'None', maxPercent: null, discountPercent: 0 },
    ];
    const saved = await admin.request('PUT', TIERS, { tiers, assessmentValidMonths: 6 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, tiers, assessmentValidMonths: 6 });
    expect((await admin.request('PUT', TIERS, { tiers, assessmentValidMonths: 6 })).body.version).toBe(2);
    const now = await admin.get(TIERS);
    expect(now.body.current.version).toBe(2);
    expect(now.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const r = await admin.post(EVALUATE, { householdSize: 4, annualIncome: 60_000, state: 'NY', year: 2026 });
    expect(r.body).toMatchObject({ tier: 'Full help', discountPercent: 80 });
    const made = await (await c.login('front_desk')).post(`/api/v1/patients/${c.patientId}/sliding-scale`, {
      householdSize: 4,
      annualIncomeCents: 6_000_000,
      state: 'NY',
      year: 2026,
      evidence: 'Tax return',
      approve: true,
    });
    expect(made.status).toBe(201);
    const a = made.body.items[0];
    expect(a).toMatchObject({ tierLabel: 'Full help', tierSetVersion: 2, discountPercent: 80 });
    expect(new Date(a.expiresAt).getTime() - new Date(a.approvedAt).getTime()).toBeGreaterThan(180 * DAY);
    expect(new Date(a.expiresAt).getTime() - new Date(a.approvedAt).getTime()).toBeLessThan(185 * DAY);
  });

  it.each([
    [[{ label: 'A', maxPercent: 100, discountPercent: 50 }], 'body.tiers[0]'],
    [
      [
        { label: 'A', maxPercent: 150, discountPercent: 50 },
        { label: 'B', maxPercent: 100, discountPercent: 25 },
        { label: 'C', maxPercent: null, discountPercent: 0 },
      ],
      'body.tiers[1]',
    ],
    [[{ label: 'A', maxPercent: null, discountPercent: 101 }], 'body.tiers.0.discountPercent'],
  ])('refuses tiers %j naming %s, changing nothing', async (tiers, field) => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const r = await admin.request('PUT', TIERS, { tiers, assessmentValidMonths: 12 });
    expect(r.status).toBe(400);
    expect(JSON.stringify(fieldsOf(r.body))).toContain(field.split('.').slice(0, 2).join('.'));
    expect((await admin.get(TIERS)).body.versions).toEqual([]);
  });

  it('only the admin edits tiers and adds years', async () => {
    const c = await h.newClinic();
    for (const role of ['front_desk', 'prescriber', 'nurse', 'therapist', 'patient'] as const) {
      const u = await c.login(role);
      expect((await u.request('PUT', TIERS, { tiers: [], assessmentValidMonths: 12 })).status, role).toBe(
        403,
      );
      expect((await u.post(YEARS, {})).status, role).toBe(403);
    }
  });

  it('the admin adds a year, which evaluation then uses; a second entry of it is refused', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const y2027 = {
      year: 2027,
      citation: '92 FR 1000 (test figures)',
      contiguous: [16_000, 21_700, 27_400, 33_100, 38_800, 44_500, 50_200, 55_900],
      contiguousExtra: 5_700,
      alaskaOne: 20_000,
      alaskaExtra: 7_150,
      hawaiiOne: 18_400,
      hawaiiExtra: 6_560,
    };
    expect(
      (await admin.post(EVALUATE, { householdSize: 1, annualIncome: 1, state: 'AK', year: 2027 })).status,
    ).toBe(400);
    const added = await admin.post(YEARS, y2027);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ year: 2027, source: 'clinic' });
    expect((await admin.post(YEARS, y2027)).status).toBe(409);
    const r = await admin.post(EVALUATE, { householdSize: 3, annualIncome: 34_150, state: 'AK', year: 2027 });
    expect(r.body).toMatchObject({ guideline: 34_300, percentOfPoverty: 99.6 });
    const list = await (await c.login('front_desk')).get(YEARS);
    expect(list.body.items.map((i: { year: number; source: string }) => [i.year, i.source])).toEqual([
      [2025, 'shipped'],
      [2026, 'shipped'],
      [2027, 'clinic'],
    ]);
    const bad = await admin.post(YEARS, { ...y2027, year: 2028, contiguous: [1, 2, 3] });
    expect(fieldsOf(bad.body)).toContain('body.contiguous');
    const falling = await admin.post(YEARS, {
      ...y2027,
      year: 2028,
      contiguous: [...y2027.contiguous].reverse(),
    });
    expect(fieldsOf(falling.body)).toEqual(['body.contiguous']);
    // Another clinic does not see it.
    const other = await h.newClinic();
    expect((await (await other.login('admin')).get(YEARS)).body.items).toHaveLength(2);
  });

  it('assessments: approved, replaced by a newer one, entered in error, expired; activeDiscount follows', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const path = `/api/v1/patients/${c.patientId}/sliding-scale`;
    const base = { householdSize: 3, state: 'NC', year: 2026, evidence: 'Pay stubs', approve: true };
    const t0 = h.clock.now();
    expect(await activeDiscount(h.database.db, c.clinicId, c.patientId, t0)).toBeNull();
    const first = await desk.post(path, { ...base, annualIncomeCents: 2_000_000 });
    expect(first.status).toBe(201);
    expect(first.body.items[0]).toMatchObject({
      guideline: 27_320,
      percentOfPoverty: 73.2,
      tierLabel: 'Tier 1',
      discountPercent: 75,
      status: 'active',
      approvedByName: expect.any(String),
    });
    const firstId = first.body.items[0].id;
    expect(await activeDiscount(h.database.db, c.clinicId, c.patientId, h.clock.now())).toEqual({
      percent: 75,
      assessmentId: firstId,
    });
    h.clock.advance(DAY);
    const second = await (await c.login('front_desk')).post(path, { ...base, annualIncomeCents: 5_000_000 });
    const secondId = second.body.items[0].id;
    expect(second.body.activeId).toBe(secondId);
    expect(second.body.items.map((i: { status: string }) => i.status)).toEqual(['active', 'superseded']);
    expect((await activeDiscount(h.database.db, c.clinicId, c.patientId, h.clock.now()))?.percent).toBe(25);
    // Charges dated before the second assessment still take the first's discount.
    expect(
      (await activeDiscount(h.database.db, c.clinicId, c.patientId, new Date(t0.getTime() + 1000)))?.percent,
    ).toBe(75);
    const admin = await c.login('admin');
    const eie = await admin.post(`${path}/${secondId}/entered-in-error`, { reason: 'Wrong household size' });
    expect(eie.status).toBe(200);
    expect(eie.body.activeId).toBe(firstId);
    expect(eie.body.items[0]).toMatchObject({
      status: 'entered_in_error',
      enteredInErrorReason: 'Wrong household size',
    });
    expect((await admin.post(`${path}/${secondId}/entered-in-error`, { reason: 'again' })).status).toBe(409);
    expect((await activeDiscount(h.database.db, c.clinicId, c.patientId, h.clock.now()))?.percent).toBe(75);
    h.clock.advance(366 * DAY);
    const later = await (await c.login('nurse')).get(path);
    expect(later.status).toBe(200);
    expect(later.body.activeId).toBeNull();
    expect(later.body.items.map((i: { status: string }) => i.status)).toEqual([
      'entered_in_error',
      'expired',
    ]);
    expect(await activeDiscount(h.database.db, c.clinicId, c.patientId, h.clock.now())).toBeNull();
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'patient_id'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'sliding_scale_assessment')
      .execute();
    // Entries get their chain position in the background: compare as a set of actions.
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'create', 'read', 'update']);
    expect(audit.every((a) => a.patient_id === c.patientId)).toBe(true);
  });

  it.each([
    [{ annualIncomeCents: 1, state: 'NC', year: 2026, evidence: 'x', approve: true }, 'body.householdSize'],
    [
      { householdSize: 2, annualIncomeCents: 1.5, state: 'NC', year: 2026, evidence: 'x', approve: true },
      'body.annualIncomeCents',
    ],
    [
      { householdSize: 2, annualIncomeCents: 1, state: 'NC', year: 2026, evidence: ' ', approve: true },
      'body.evidence',
    ],
    [
      { householdSize: 2, annualIncomeCents: 1, state: 'NC', year: 2026, evidence: 'x', approve: false },
      'body.approve',
    ],
    [
      { householdSize: 2, annualIncomeCents: 1, state: 'VI', year: 2026, evidence: 'x', approve: true },
      'body.state',
    ],
    [
      { householdSize: 2, annualIncomeCents: 1, state: 'NC', year: 2024, evidence: 'x', approve: true },
      'body.year',
    ],
  ])('refuses the assessment %j naming %s, storing nothing', async (body, field) => {
    const c = await h.newClinic();
    const path = `/api/v1/patients/${c.patientId}/sliding-scale`;
    const r = await (await c.login('admin')).post(path, body);
    expect(r.status).toBe(400);
    expect(fieldsOf(r.body)).toContain(field);
    expect((await (await c.login('admin')).get(path)).body.items).toEqual([]);
  });

  it('only admin and front desk record; another clinic’s patient is not found', async () => {
    const c = await h.newClinic();
    const other = await h.newClinic();
    const body = {
      householdSize: 2,
      annualIncomeCents: 1,
      state: 'NC',
      year: 2026,
      evidence: 'x',
      approve: true,
    };
    for (const role of ['prescriber', 'nurse', 'therapist', 'patient'] as const) {
      expect(
        (await (await c.login(role)).post(`/api/v1/patients/${c.patientId}/sliding-scale`, body)).status,
      ).toBe(403);
    }
    const desk = await c.login('front_desk');
    expect((await desk.post(`/api/v1/patients/${other.patientId}/sliding-scale`, body)).status).toBe(404);
    expect((await desk.get(`/api/v1/patients/${other.patientId}/sliding-scale`)).status).toBe(404);
    expect(
      (await (await c.login('patient')).get(`/api/v1/patients/${c.patientId}/sliding-scale`)).status,
    ).toBe(403);
  });
});
