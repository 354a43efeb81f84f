import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { at, newSession } from '../test/fixtures.ts';

describe.each(testBackends())("a session's latest readings on %s", (backend) => {
  const h = useTestApp(backend);

  it('answers the latest readings newest first, without those entered in error, as many as asked', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse);
    const empty = await nurse.get(`/api/v1/sessions/${s.id}/vitals`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ items: [] });

    const up = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: `list-${s.id}`,
      readings: [1, 2, 3, 4].map((i) => ({
        at: at(h, (i - 5) * 60_000 + 7),
        sbp: 110 + i,
        hr: 70,
        spo2: 98,
        tempC: 36.7,
      })),
    });
    expect(up.status).toBe(201);
    const ids: string[] = up.body.readings.map((r: { id: string }) => r.id);
    expect(
      (
        await nurse.post(`/api/v1/sessions/${s.id}/vitals/${ids[3]}/entered-in-error`, {
          reason: 'cuff slipped',
        })
      ).status,
    ).toBe(200);

    const all = await nurse.get(`/api/v1/sessions/${s.id}/vitals`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((v: { sbp: number }) => v.sbp)).toEqual([113, 112, 111]);
    expect(all.body.items[0]).toMatchObject({ id: ids[2], source: 'manual', confirmedAt: null, tempC: 36.7 });
    // The same readings, field for field, as the session record shows them (newest first here).
    const record = await nurse.get(`/api/v1/sessions/${s.id}`);
    expect(all.body.items).toEqual([...record.body.vitals].reverse());
    const two = await (await c.login('therapist')).get(`/api/v1/sessions/${s.id}/vitals?limit=2`);
    expect(two.body.items.map((v: { sbp: number }) => v.sbp)).toEqual([113, 112]);

    const entries = await h.database.db
      .selectFrom('audit_log')
      .select(['patient_id', 'resource_id', 'user_id'])
      .where('clinic_id', '=', c.clinicId)
      .where('action', '=', 'read')
      .where('resource_type', '=', 'session_vitals')
      .execute();
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.patient_id === c.patientId && e.resource_id === s.id)).toBe(true);
  });

  it.each(['0', '1001', 'ten', '2.5'])(
    'refuses limit=%s with 400 naming querystring.limit',
    async (limit) => {
      const c = await h.newClinic();
      const nurse = await c.login('nurse');
      const s = await newSession(h, c, nurse);
      const r = await nurse.get(`/api/v1/sessions/${s.id}/vitals?limit=${limit}`);
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body.error)).toContain('querystring.limit');
    },
  );

  it('hides another clinic’s session, refuses the front desk and writes no entry for either', async () => {
    const c = await h.newClinic();
    const other = await h.newClinic();
    const s = await newSession(h, other, await other.login('nurse'));
    const nurse = await c.login('nurse');
    const r = await nurse.get(`/api/v1/sessions/${s.id}/vitals`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
    expect((await (await c.login('front_desk')).get(`/api/v1/sessions/${s.id}/vitals`)).status).toBe(403);
    const entries = await h.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('resource_type', '=', 'session_vitals')
      .where('resource_id', '=', s.id)
      .execute();
    expect(entries).toEqual([]);
  });
});
