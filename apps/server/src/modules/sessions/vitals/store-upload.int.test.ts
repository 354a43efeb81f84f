import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { at, IV, newSession } from '../test/fixtures.ts';

/** The one-statement upload (store-upload.ts): what it stores, audits and refuses. */
describe.each(testBackends())('vitals upload statement on %s', (backend) => {
  const h = useTestApp(backend);

  it('stores readings with missing values as nulls and writes one sealed audit entry for the patient', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse, IV);
    const r = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'k1',
      readings: [
        { at: at(h, -2000), hr: 70 },
        { at: at(h, -1000), sbp: 118, dbp: 76, spo2: 97, rr: 12, etco2: 38, tempC: 36.8 },
        { at: at(h), spo2: 96 },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body.alerts).toEqual([]);
    const detail = await nurse.get(`/api/v1/sessions/${s.id}`);
    expect(detail.body.vitals).toHaveLength(3);
    expect(detail.body.vitals.find((v: { hr: number | null }) => v.hr === 70)).toMatchObject({
      sbp: null,
      dbp: null,
      spo2: null,
      rr: null,
    });
    const entries = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'patient_id', 'resource_id', 'user_id', 'category', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'session_vitals')
      .execute();
    expect(entries).toEqual([
      {
        action: 'create',
        patient_id: c.patientId,
        resource_id: s.id,
        user_id: c.users.nurse.id,
        category: 'vital_signs',
        details: { readings: 3, alerts: 0 },
      },
    ]);
    await h.built.ctx.audit.flush();
    const sealed = await h.database.db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'session_vitals')
      .executeTakeFirstOrThrow();
    expect(sealed.seq).toBeGreaterThan(0);
    expect(sealed.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers 404 for another clinic's session and stores nothing", async () => {
    const a = await h.newClinic();
    const b = await h.newClinic();
    const nurseA = await a.login('nurse');
    const nurseB = await b.login('nurse');
    const s = await newSession(h, a, nurseA, IV);
    const r = await nurseB.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'x',
      readings: [{ at: at(h), hr: 70 }],
    });
    expect(r.status).toBe(404);
    const rows = await h.database.db
      .selectFrom('session_vitals_batches')
      .select('id')
      .where('session_id', '=', s.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('refuses a new upload to a locked record with 409 and stores nothing; a replay of an earlier key still answers', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse, IV);
    const body = { idempotencyKey: 'before', readings: [{ at: at(h), hr: 80 }] };
    const first = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, body);
    expect(first.status).toBe(201);
    const cancel = await nurse.post(`/api/v1/sessions/${s.id}/transition`, {
      to: 'cancelled',
      reason: 'patient unwell on arrival',
    });
    expect(cancel.status).toBe(200);
    const late = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'after',
      readings: [{ at: at(h), hr: 81 }],
    });
    expect(late.status).toBe(409);
    expect(late.body.error.details[0].field).toBe('status');
    const replay = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, body);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect((await nurse.get(`/api/v1/sessions/${s.id}`)).body.vitals).toHaveLength(1);
    const batches = await h.database.db
      .selectFrom('session_vitals_batches')
      .select('idempotency_key')
      .where('session_id', '=', s.id)
      .execute();
    expect(batches.map((b) => b.idempotency_key)).toEqual(['before']);
  });
});
