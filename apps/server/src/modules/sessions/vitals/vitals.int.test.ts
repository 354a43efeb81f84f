import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { at, dose, IV, newSession, readyForDosing } from '../test/fixtures.ts';
import { runMonitoringSweep } from './sweep.ts';

describe.each(testBackends())('vitals ingestion and alerts on %s', (backend) => {
  const h = useTestApp(backend);

  it('stores a batch once per idempotency key; a replay answers 200 with the original result', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse);
    const body = {
      idempotencyKey: 'dev-1:batch-7',
      readings: [
        { at: at(h), sbp: 120, dbp: 80, hr: 70, spo2: 98, rr: 14 },
        { at: at(h), hr: 72 },
      ],
    };
    const first = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, body);
    expect(first.status).toBe(201);
    expect(first.body.readings).toHaveLength(2);
    const replay = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, body);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    const detail = await nurse.get(`/api/v1/sessions/${s.id}`);
    // Two readings with the same `at` are both kept; the replay stored nothing.
    expect(detail.body.vitals.map((v: { id: string }) => v.id).sort()).toEqual(
      first.body.readings.map((v: { id: string }) => v.id).sort(),
    );
    expect(detail.body.vitals[0]).toMatchObject({ sbp: 120, dbp: 80, hr: 70, spo2: 98, rr: 14 });
    const reused = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      ...body,
      readings: [{ at: at(h), hr: 99 }],
    });
    expect(reused.status).toBe(409);
    expect(reused.body.error.details[0].field).toBe('body.idempotencyKey');
    expect((await nurse.get(`/api/v1/sessions/${s.id}`)).body.vitals).toHaveLength(2);
  });

  it('concurrent duplicates of one key store the readings once', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse);
    const body = { idempotencyKey: 'race', readings: [{ at: at(h), spo2: 97, hr: 66 }] };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => nurse.post(`/api/v1/sessions/${s.id}/vitals`, body)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect((await nurse.get(`/api/v1/sessions/${s.id}`)).body.vitals).toHaveLength(1);
  });

  it.each([
    [{ spo2: 120 }, 'body.readings[0].spo2'],
    [{ hr: -1 }, 'body.readings[0].hr'],
    [{ hr: 301 }, 'body.readings[0].hr'],
    [{ sbp: 'high' }, 'body.readings[0].sbp'],
    [{}, 'body.readings[0]'],
  ])('refuses %j with 400 naming %s and stores nothing', async (reading, field) => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse);
    const r = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'bad',
      readings: [{ at: at(h), ...reading }],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    const ok = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'bad',
      readings: [{ at: at(h), hr: 70 }],
    });
    expect(ok.status).toBe(201);
  });

  it('refuses readings from the future and a missing key', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse);
    const fut = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'f',
      readings: [{ at: at(h, 3_600_000), hr: 70 }],
    });
    expect(fut.status).toBe(400);
    expect(fut.body.error.details[0].field).toBe('body.readings[0].at');
    const nokey = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, { readings: [{ at: at(h), hr: 70 }] });
    expect(nokey.status).toBe(400);
    expect(nokey.body.error.details[0].field).toBe('body.idempotencyKey');
  });

  it('raises an alert on a crossing, updates it on repeats, and records the acknowledgement', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse);
    const r1 = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'a1',
      readings: [{ at: at(h), spo2: 92, hr: 130, sbp: 179 }],
    });
    expect(r1.body.alerts).toEqual([]); // exactly at the thresholds: SpO2 92, HR 130, SBP 179 do not alert
    const r2 = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'a2',
      readings: [{ at: at(h), spo2: 88, hr: 70 }],
    });
    expect(r2.status).toBe(201);
    expect(r2.body.alerts).toHaveLength(1);
    expect(r2.body.alerts[0]).toMatchObject({
      parameter: 'spo2',
      value: '88',
      status: 'open',
      kind: 'vital_sign',
      sourceType: 'dosing_session',
      sourceId: s.id,
    });
    expect(r2.body.alerts[0].title).not.toContain('Portal');
    const r3 = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'a3',
      readings: [
        { at: at(h), spo2: 86 },
        { at: at(h), spo2: 89 },
      ],
    });
    expect(r3.body.alerts).toHaveLength(1);
    expect(r3.body.alerts[0].id).toBe(r2.body.alerts[0].id);
    expect(r3.body.alerts[0].value).toBe('86');
    const detail = await nurse.get(`/api/v1/sessions/${s.id}`);
    expect(detail.body.alerts).toHaveLength(1);
    const noNote = await nurse.post(
      `/api/v1/sessions/${s.id}/alerts/${r2.body.alerts[0].id}/acknowledge`,
      {},
    );
    expect(noNote.status).toBe(400);
    const ack = await nurse.post(`/api/v1/sessions/${s.id}/alerts/${r2.body.alerts[0].id}/acknowledge`, {
      note: 'Repositioned probe, chin lift, SpO2 96',
    });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({
      status: 'acknowledged',
      ackBy: c.users.nurse.id,
      ackNote: 'Repositioned probe, chin lift, SpO2 96',
    });
    expect(
      (
        await nurse.post(`/api/v1/sessions/${s.id}/alerts/${r2.body.alerts[0].id}/acknowledge`, {
          note: 'again',
        })
      ).status,
    ).toBe(409);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'resource_type'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'alert')
      .execute();
    expect(audit.map((x) => x.action)).toEqual(expect.arrayContaining(['create', 'update']));
    // A new crossing after the acknowledgement opens a new alert.
    const r4 = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'a4',
      readings: [{ at: at(h), spo2: 90 }],
    });
    expect(r4.body.alerts[0].id).not.toBe(r2.body.alerts[0].id);
  });

  it('raises an overdue-vitals alert past the cadence and escalates an unacknowledged alert to the prescriber on site', async () => {
    const c = await h.newClinic({ settings: { sessions: { alertEscalationMin: 2 } } });
    const nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const s = await newSession(h, c, nurse, IV);
    await readyForDosing(h, c, nurse, s.id);
    await dose(h, prescriber, nurse, s.id, 35);
    await runMonitoringSweep(h.built.ctx);
    let detail = await nurse.get(`/api/v1/sessions/${s.id}`);
    expect(
      detail.body.alerts.filter((a: { parameter: string }) => a.parameter === 'vitals_overdue'),
    ).toHaveLength(0);
    h.clock.advance(16 * 60_000);
    await runMonitoringSweep(h.built.ctx);
    await runMonitoringSweep(h.built.ctx);
    const fresh = await c.login('nurse');
    detail = await fresh.get(`/api/v1/sessions/${s.id}`);
    const overdue = detail.body.alerts.filter((a: { parameter: string }) => a.parameter === 'vitals_overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0].escalatedAt).toBeNull();
    h.clock.advance(2 * 60_000);
    const r = await runMonitoringSweep(h.built.ctx);
    expect(r.escalated).toBe(1);
    detail = await (await c.login('nurse')).get(`/api/v1/sessions/${s.id}`);
    const esc = detail.body.alerts.find((a: { parameter: string }) => a.parameter === 'vitals_overdue');
    expect(esc.escalatedAt).not.toBeNull();
    expect(esc.assignedTo).toContain(c.users.prescriber.id);
  });

  it('MOAA/S at or below 2 raises an alert', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse);
    const r = await nurse.post(`/api/v1/sessions/${s.id}/observations`, {
      kind: 'moaas',
      at: at(h),
      score: 2,
    });
    expect(r.status).toBe(201);
    expect(r.body.alerts[0]).toMatchObject({ parameter: 'moaas', value: '2' });
    const bad = await nurse.post(`/api/v1/sessions/${s.id}/observations`, {
      kind: 'moaas',
      at: at(h),
      score: 6,
    });
    expect(bad.status).toBe(400);
    const distress = await nurse.post(`/api/v1/sessions/${s.id}/observations`, {
      kind: 'distress',
      at: at(h),
      type: 'anxiety',
      interventions: [{ kind: 'reassurance' }, { kind: 'medication', medication: 'midazolam', doseMg: 1 }],
    });
    expect(distress.status).toBe(201);
    const badMed = await nurse.post(`/api/v1/sessions/${s.id}/observations`, {
      kind: 'distress',
      at: at(h),
      type: 'agitation',
      interventions: [{ kind: 'medication' }],
    });
    expect(badMed.status).toBe(400);
  });

  it('marks a wrong reading entered in error with a reason; it is kept but no longer counts', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse);
    const r = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'typo',
      readings: [{ at: at(h), spo2: 9, hr: 70 }],
    });
    const vid = r.body.readings[0].id;
    expect((await nurse.post(`/api/v1/sessions/${s.id}/vitals/${vid}/entered-in-error`, {})).status).toBe(
      400,
    );
    const ok = await nurse.post(`/api/v1/sessions/${s.id}/vitals/${vid}/entered-in-error`, {
      reason: 'typo: SpO2 was 98',
    });
    expect(ok.status).toBe(200);
    expect(
      (await nurse.post(`/api/v1/sessions/${s.id}/vitals/${vid}/entered-in-error`, { reason: 'again' }))
        .status,
    ).toBe(409);
    expect((await nurse.get(`/api/v1/sessions/${s.id}`)).body.vitals).toEqual([]);
    const kept = await h.database.db
      .selectFrom('session_vitals')
      .select(['entered_in_error_reason', 'entered_in_error_by'])
      .where('id', '=', vid)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({
      entered_in_error_reason: 'typo: SpO2 was 98',
      entered_in_error_by: c.users.nurse.id,
    });
    const other = await (await h.newClinic()).login('nurse');
    expect(
      (await other.post(`/api/v1/sessions/${s.id}/vitals/${vid}/entered-in-error`, { reason: 'x' })).status,
    ).toBe(404);
  });
});
