import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { boardHub } from '../board/hub.ts';
import { at, IV, newSession } from '../test/fixtures.ts';
import { UploadQueue } from './upload-queue.ts';

/** Uploads that arrive together share one statement (upload-queue.ts) and keep their own outcomes. */
describe.each(testBackends())('vitals group commit on %s', (backend) => {
  const h = useTestApp(backend);

  it('stores, refuses and replays each upload of a concurrent group on its own terms', async () => {
    const c = await h.newClinic();
    const other = await h.newClinic();
    const nurse = await c.login('nurse');
    const otherNurse = await other.login('nurse');
    const s1 = await newSession(h, c, nurse, IV, '1');
    /** A new patient of the clinic with an IV session in `chair`. */
    const sessionForNewPatient = async (lastName: string, chair: string) => {
      const p = await nurse.post('/api/v1/patients', {
        firstName: 'Chair',
        lastName,
        dateOfBirth: '1970-02-03',
        sex: 'other',
      });
      const r = await nurse.post('/api/v1/sessions', {
        patientId: p.body.id,
        protocolId: IV,
        scheduledAt: at(h),
        chair,
      });
      return { ...(r.body as { id: string }), patientId: p.body.id as string };
    };
    const s2 = await sessionForNewPatient('Two', '2');
    const s3 = await sessionForNewPatient('Three', '3');
    await nurse.post(`/api/v1/sessions/${s3.id}/transition`, { to: 'cancelled', reason: 'did not attend' });
    const sOther = await newSession(h, other, otherNurse, IV, '9');

    const events: Array<{ id: number; data: Record<string, unknown> }> = [];
    const unsubscribe = await boardHub(h.built.ctx).subscribe(c.clinicId, (e) => {
      if (e.kind === 'vitals') events.push({ id: e.id, data: e.data });
    });
    const post = (sessionId: string, key: string, hr: number) =>
      nurse.post(`/api/v1/sessions/${sessionId}/vitals`, {
        idempotencyKey: key,
        readings: [{ at: at(h), hr }],
      });
    const results = await Promise.all([
      post(s1.id, 'a', 61),
      post(s2.id, 'b', 62),
      post(s1.id, 'c', 63),
      post(s3.id, 'd', 64),
      post(sOther.id, 'e', 65),
      post(s2.id, 'b', 62),
      post(s2.id, 'f', 66),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      201,
      expect.any(Number),
      201,
      409,
      404,
      expect.any(Number),
      201,
    ]);
    // The two uploads of key b: one stored it, the other answers the same result as a replay.
    expect([results[1]?.status, results[5]?.status].sort()).toEqual([200, 201]);
    expect(results[5]?.body).toEqual(results[1]?.body);

    const hrs = async (id: string) =>
      (await nurse.get(`/api/v1/sessions/${id}`)).body.vitals.map((v: { hr: number }) => v.hr).sort();
    expect(await hrs(s1.id)).toEqual([61, 63]);
    expect(await hrs(s2.id)).toEqual([62, 66]);
    expect(await hrs(s3.id)).toEqual([]);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['patient_id', 'resource_id', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'session_vitals')
      .where('action', '=', 'create')
      .execute();
    expect(audit).toHaveLength(4);
    expect(audit.filter((x) => x.resource_id === s2.id).every((x) => x.patient_id === s2.patientId)).toBe(
      true,
    );

    // Each announced event carries its own upload's reading under the id the database gave that event.
    await h.built.ctx.audit.flush();
    for (let i = 0; i < 50 && events.length < 4; i++) await new Promise((r) => setTimeout(r, 20));
    unsubscribe();
    const stored = await h.database.db
      .selectFrom('board_events')
      .select(['id', 'data'])
      .where('clinic_id', '=', c.clinicId)
      .where('kind', '=', 'vitals')
      .execute();
    expect(stored).toHaveLength(4);
    expect(events).toHaveLength(4);
    for (const e of events) {
      const row = stored.find((x) => Number(x.id) === e.id);
      expect((row?.data as { reading?: { hr: number } } | undefined)?.reading?.hr).toBe(
        (e.data as { reading: { hr: number } }).reading.hr,
      );
    }
  });

  it('shares one statement among uploads queued together, each with its own outcome', async () => {
    const c = await h.newClinic();
    const other = await h.newClinic();
    const nurse = await c.login('nurse');
    const s1 = await newSession(h, c, nurse, IV, '1');
    const locked = await newSession(h, other, await other.login('nurse'), IV, '2');
    await (await other.login('nurse')).post(`/api/v1/sessions/${locked.id}/transition`, {
      to: 'cancelled',
      reason: 'did not attend',
    });
    const actor = {
      clinicId: c.clinicId,
      userId: c.users.nurse.id,
      email: c.users.nurse.email,
      role: 'nurse',
      sourceAddress: '127.0.0.1',
    };
    const input = (sessionId: string, key: string, hr: number, clinicId = c.clinicId) => ({
      clinicId,
      sessionId,
      userId: c.users.nurse.id,
      idempotencyKey: key,
      bodyHash: `hash-${key}`,
      now: h.clock.now(),
      readings: [
        {
          id: crypto.randomUUID(),
          at: at(h),
          sbp: null,
          dbp: null,
          hr,
          spo2: null,
          rr: null,
          etco2: null,
          tempC: null,
        },
      ],
      alertCount: 0,
      source: 'manual' as const,
      deviceId: null,
    });
    // One statement at a time (as on the embedded database), so the grouping is what this test can count.
    const q = new UploadQueue(h.built.ctx, 1);
    const before = { ...q.stats };
    // Queued in one tick: the first goes at once, the rest share the next statement.
    const out = await Promise.all([
      q.store(actor, input(s1.id, 'first', 70)),
      q.store(actor, input(s1.id, 'k1', 71)),
      q.store(actor, input(s1.id, 'k2', 72)),
      q.store(actor, input(locked.id, 'k3', 73, other.clinicId)),
      q.store(actor, input(locked.id, 'k4', 74)), // another clinic's session, seen from this clinic
      q.store(actor, input(s1.id, 'k1', 71)), // same key again: waits for the following statement
    ]);
    expect(out.map((o) => (o === undefined ? 'none' : o.row.batch_id ? 'stored' : 'not stored'))).toEqual([
      'stored',
      'stored',
      'stored',
      'not stored',
      'none',
      'not stored',
    ]);
    expect(q.stats.statements - before.statements).toBe(3); // [first], [k1, k2, k3, k4], [k1 again]
    expect(q.stats.largestGroup).toBeGreaterThanOrEqual(4);
    expect(q.stats.retriedGroups).toBe(before.retriedGroups);
    const events = out.flatMap((o) => (o?.event ? [o.event] : []));
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    const rows = await h.database.db
      .selectFrom('board_events')
      .select(['id', 'data'])
      .where('session_id', '=', s1.id)
      .where('kind', '=', 'vitals')
      .execute();
    for (const e of events) {
      const row = rows.find((r) => Number(r.id) === e.id);
      expect((row?.data as { reading?: { hr: number } } | undefined)?.reading?.hr).toBe(
        (e.data as { reading: { hr: number } }).reading.hr,
      );
    }
    const hrs = (await nurse.get(`/api/v1/sessions/${s1.id}`)).body.vitals
      .map((v: { hr: number }) => v.hr)
      .sort();
    expect(hrs).toEqual([70, 71, 72]);
  });
});
