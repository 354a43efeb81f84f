/**
 * Drifted audit values (`AUDIT_DRIFTED` in contracts): stored rows written under an old value ('vitals',
 * 'dosing') are never rewritten, but the report reads, filters and exports them under the canonical value.
 */
import { toJson } from '@plasticity/db';
import { testBackends } from '@plasticity/db/testing/index';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestClinic, useTestApp } from '../../test/harness.ts';

describe.each(testBackends())('audit drifted values on %s', (backend) => {
  const h = useTestApp(backend);
  let c: TestClinic;
  let admin: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    c = await h.newClinic();
    admin = await c.login('admin');
    for (const category of ['vitals', 'vital_signs', 'dosing', 'assessment']) {
      const r = await h.database.db
        .insertInto('audit_log')
        .values({
          clinic_id: c.clinicId,
          action: 'read',
          resource_type: 'weight_observation',
          resource_id: `drift-${category}`,
          category,
          outcome: 'success',
          details: toJson(null),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[category] = r.id;
    }
  });

  it('a filter on the canonical category also finds the drifted stored rows', async () => {
    const r = await admin.get('/api/v1/audit?category=vital_signs&limit=500');
    expect(r.status).toBe(200);
    const found = r.body.items.map((e: { id: string }) => e.id);
    expect(found).toEqual(expect.arrayContaining([ids.vitals, ids.vital_signs]));
    expect(found).not.toContain(ids.dosing);
    expect(found).not.toContain(ids.assessment);
    expect(r.body.items.every((e: { category: string }) => e.category === 'vital_signs')).toBe(true);
    const dosing = await admin.get('/api/v1/audit?category=dosing_session&limit=500');
    expect(dosing.body.items.map((e: { id: string }) => e.id)).toContain(ids.dosing);
  });

  it('reads drifted rows under the canonical value and leaves the stored rows as they were', async () => {
    const r = await admin.get('/api/v1/audit?limit=500');
    const byId = new Map(r.body.items.map((e: { id: string; category: string }) => [e.id, e.category]));
    expect(byId.get(ids.vitals)).toBe('vital_signs');
    expect(byId.get(ids.dosing)).toBe('dosing_session');
    const stored = await h.database.db
      .selectFrom('audit_log')
      .select(['id', 'category'])
      .where('id', 'in', [ids.vitals as string, ids.dosing as string])
      .execute();
    expect(stored.map((s) => s.category).sort()).toEqual(['dosing', 'vitals']);
  });

  it('exports drifted rows under the canonical value', async () => {
    const r = await admin.get('/api/v1/audit?format=csv&category=vital_signs');
    expect(r.status).toBe(200);
    const lines = r.text.split('\r\n').filter((l: string) => l.includes('drift-'));
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(l).toContain(',vital_signs,');
      expect(l).not.toContain(',vitals,');
    }
  });

  it('refuses a filter value outside the closed list with 400 naming the field', async () => {
    const r = await admin.get('/api/v1/audit?category=vitals');
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].field).toBe('querystring.category');
  });
});
