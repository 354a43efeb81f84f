/**
 * Validation of device data: a bedside monitor's readings are shown marked as device readings, and count for
 * discharge and for the pre-dose checklist's baseline vitals only after a nurse confirms them (one or a batch;
 * audited). Typed readings need no confirmation.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type TestApp, type TestClinic, useTestApp } from '../../../test/harness.ts';
import { at, dose, newSession, readyForDosing } from '../test/fixtures.ts';
import { ingestReadings } from './ingest-readings.ts';

async function deviceReadings(
  h: TestApp,
  c: TestClinic,
  sessionId: string,
  key: string,
  readings = [
    { at: at(h, -120_000), sbp: 118, dbp: 76, hr: 70, spo2: 98, rr: 14 },
    { at: at(h, -60_000), sbp: 119, dbp: 77, hr: 71, spo2: 97, rr: 14 },
  ],
) {
  const out = await ingestReadings(h.built.ctx, {
    clinicId: c.clinicId,
    sessionId,
    actor: { clinicId: c.clinicId, userId: null, email: null, role: 'system', sourceAddress: null },
    userId: null,
    idempotencyKey: key,
    readings,
    source: 'device',
    deviceId: 'EUI-0011223344556677',
  });
  expect(out.stored).toBe(true);
  return out.result.readings.map((r) => r.id);
}

describe.each(testBackends())('confirming device readings on %s', (backend) => {
  const h = useTestApp(backend);

  it('counts device readings for discharge only once a nurse confirms them; audited', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse);
    const ids = await deviceReadings(h, c, s.id, 'hl7:A1');
    const failingKeys = async () =>
      (await nurse.get(`/api/v1/sessions/${s.id}`)).body.discharge.failing.map((f: { key: string }) => f.key);
    const before = await nurse.get(`/api/v1/sessions/${s.id}`);
    expect(
      before.body.vitals.map((v: { source: string; confirmedAt: null }) => [v.source, v.confirmedAt]),
    ).toEqual([
      ['device', null],
      ['device', null],
    ]);
    expect(await failingKeys()).toContain('vitals_missing');

    const r = await nurse.post(`/api/v1/sessions/${s.id}/vitals/confirm`, { vitalIds: ids });
    expect(r.status).toBe(200);
    expect(r.body.confirmed).toBe(2);
    expect(r.body.vitals.map((v: { confirmedBy: string }) => v.confirmedBy)).toEqual([
      c.users.nurse.id,
      c.users.nurse.id,
    ]);
    expect(await failingKeys()).not.toContain('vitals_missing');
    // Confirming again changes nothing.
    const again = await nurse.post(`/api/v1/sessions/${s.id}/vitals/confirm`, { vitalIds: [ids[0]] });
    expect(again.body.confirmed).toBe(0);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['details', 'user_id'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'session_vitals')
      .where('action', '=', 'update')
      .execute();
    expect(audit.map((a) => a.user_id)).toEqual([c.users.nurse.id, c.users.nurse.id]);
    expect(
      audit
        .map((a) => (a.details as { confirmedDeviceReadings: string[] }).confirmedDeviceReadings.length)
        .sort(),
    ).toEqual([0, 2]);
  });

  it('takes a monitor’s reading as the pre-dose baseline only once a nurse confirms it', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse);
    const typed = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'typed-baseline',
      readings: [{ at: at(h, -300_000), sbp: 125, dbp: 80, hr: 70, spo2: 98, rr: 14 }],
    });
    expect(typed.status).toBe(201);
    // A later monitor reading that would hold the dose: it does not count until confirmed.
    const ids = await deviceReadings(h, c, s.id, 'hl7:P1', [
      { at: at(h, -60_000), sbp: 190, dbp: 112, hr: 70, spo2: 98, rr: 14 },
    ]);
    const baseline = async () =>
      (await nurse.get(`/api/v1/sessions/${s.id}`)).body.checklist.find(
        (i: { key: string }) => i.key === 'baseline_vitals',
      );
    expect(await baseline()).toMatchObject({ passed: true });
    expect((await nurse.post(`/api/v1/sessions/${s.id}/vitals/confirm`, { vitalIds: ids })).status).toBe(200);
    const after = await baseline();
    expect(after.passed).toBe(false);
    expect(after.message).toContain('190');
  });

  it('refuses typed readings, unknown ids, other roles and other clinics', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse);
    const [deviceId] = await deviceReadings(h, c, s.id, 'hl7:B1');
    const typed = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'typed-1',
      readings: [{ at: at(h), spo2: 97 }],
    });
    const typedId = typed.body.readings[0].id;
    const mixed = await nurse.post(`/api/v1/sessions/${s.id}/vitals/confirm`, {
      vitalIds: [deviceId, typedId],
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.details[0].field).toBe('body.vitalIds[1]');
    const unknown = await nurse.post(`/api/v1/sessions/${s.id}/vitals/confirm`, {
      vitalIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].field).toBe('body.vitalIds[0]');
    const empty = await nurse.post(`/api/v1/sessions/${s.id}/vitals/confirm`, { vitalIds: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].field).toBe('body.vitalIds');
    // Nothing was confirmed by the refused requests.
    const vitals = (await nurse.get(`/api/v1/sessions/${s.id}`)).body.vitals;
    expect(vitals.filter((v: { confirmedAt: string | null }) => v.confirmedAt !== null)).toEqual([]);
    for (const role of ['front_desk', 'therapist'] as const) {
      const u = await c.login(role);
      expect((await u.post(`/api/v1/sessions/${s.id}/vitals/confirm`, { vitalIds: [deviceId] })).status).toBe(
        403,
      );
    }
    const other = await (await h.newClinic()).login('nurse');
    expect(
      (await other.post(`/api/v1/sessions/${s.id}/vitals/confirm`, { vitalIds: [deviceId] })).status,
    ).toBe(404);
    const prescriber = await c.login('prescriber');
    expect(
      (await prescriber.post(`/api/v1/sessions/${s.id}/vitals/confirm`, { vitalIds: [deviceId] })).body
        .confirmed,
    ).toBe(1);
  });

  it('marks a monitor’s BP on the REMS form and flags it until a nurse confirms it', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const s = await newSession(h, c, nurse);
    await readyForDosing(h, c, nurse, s.id);
    await dose(h, prescriber, nurse, s.id);
    h.clock.advance(10 * 60_000);
    const ids = await deviceReadings(h, c, s.id, 'hl7:R1');
    const form = async () => (await nurse.get(`/api/v1/sessions/${s.id}/rems-form`)).body;
    const before = await form();
    expect(before.bp.beforeCompletion).toMatchObject({ sbp: 119, source: 'device', confirmed: false });
    expect(before.bp.preDose).toMatchObject({ sbp: 125, source: 'manual', confirmed: true });
    expect(before.flags.map((f: { field: string }) => f.field)).toContain('bp.beforeCompletion');
    await nurse.post(`/api/v1/sessions/${s.id}/vitals/confirm`, { vitalIds: ids });
    const after = await form();
    expect(after.bp.beforeCompletion).toMatchObject({ sbp: 119, source: 'device', confirmed: true });
    expect(after.flags.map((f: { field: string }) => f.field)).not.toContain('bp.beforeCompletion');
  });
});
