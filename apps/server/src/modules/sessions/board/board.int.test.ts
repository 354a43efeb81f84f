import type { AddressInfo } from 'node:net';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp, validPatient } from '../../../test/harness.ts';
import { seedSessionsDemo } from '../seed-demo.ts';
import { at, dose, newSession, readyForDosing } from '../test/fixtures.ts';
import { openSse } from '../test/sse-client.ts';

describe.each(testBackends())('live board on %s', (backend) => {
  const h = useTestApp(backend);
  let base = '';
  const url = async () => {
    if (!base) {
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    }
    return base;
  };

  it('shows today’s sessions by chair with latest vitals, trend and open alerts', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse, undefined, '4');
    await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'b1',
      readings: [
        { at: at(h, -1000), hr: 70, spo2: 97 },
        { at: at(h), hr: 74, spo2: 89 },
      ],
    });
    const typo = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'b2',
      readings: [{ at: at(h, 500), hr: 75, spo2: 99, sbp: 120, dbp: 80 }],
    });
    const typoId = typo.body.readings[0].id;
    const marked = await nurse.post(`/api/v1/sessions/${s.id}/vitals/${typoId}/entered-in-error`, {
      reason: 'typo',
    });
    expect(marked.status).toBe(200);
    const board = await nurse.get('/api/v1/board');
    expect(board.status).toBe(200);
    expect(board.body.sessions).toHaveLength(1);
    const row = board.body.sessions[0];
    expect(row).toMatchObject({ id: s.id, chair: '4', status: 'scheduled', patient: { id: c.patientId } });
    // The trend: what the sparklines draw, oldest first; the reading entered in error is in neither part.
    expect(row.trend).toEqual([
      { at: new Date(at(h, -1000)).toISOString(), hr: 70, spo2: 97 },
      { at: new Date(at(h)).toISOString(), hr: 74, spo2: 89 },
    ]);
    const readings = (await nurse.get(`/api/v1/sessions/${s.id}`)).body.vitals;
    const latest = readings.find((v: { hr: number }) => v.hr === 74);
    expect(row.latestVitals).toEqual({
      id: latest.id,
      at: new Date(at(h)).toISOString(),
      sbp: null,
      dbp: null,
      hr: 74,
      spo2: 89,
      rr: null,
      etco2: null,
      tempC: null,
    });
    expect(row.alerts).toHaveLength(1);
    expect(row.alerts[0].parameter).toBe('spo2');
    expect(board.body.lastEventId).toBeGreaterThan(0);
    expect((await (await c.login('front_desk')).get('/api/v1/board')).status).toBe(403);
    const other = await h.newClinic();
    expect((await (await other.login('nurse')).get('/api/v1/board')).body.sessions).toEqual([]);
  });

  it('streams an alert to a subscribed board at once, and replays missed events after Last-Event-ID', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const s = await newSession(h, c, nurse, undefined, '7');
    await readyForDosing(h, c, nurse, s.id);
    await dose(h, prescriber, nurse, s.id);
    const headers = { cookie: nurse.cookie as string };
    const sse = await openSse(`${await url()}/api/v1/board/events`, headers);
    expect(sse.status).toBe(200);
    expect(sse.headers['content-type']).toContain('text/event-stream');
    expect(sse.headers['cache-control']).toBe('no-store');
    const other = await h.newClinic();
    const otherSse = await openSse(`${await url()}/api/v1/board/events`, {
      cookie: (await other.login('nurse')).cookie as string,
    });

    const t0 = Date.now();
    await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'sse-1',
      readings: [{ at: at(h), spo2: 88, hr: 80 }],
    });
    const alert = await sse.waitFor((e) => e.event === 'alert', 2000);
    expect(Date.now() - t0).toBeLessThan(1000);
    const data = JSON.parse(alert.data);
    expect(data).toMatchObject({
      kind: 'alert',
      sessionId: s.id,
      chair: '7',
      alert: { parameter: 'spo2', value: '88', status: 'open', sourceId: s.id },
    });
    expect(data.alert).not.toHaveProperty('ackNote'); // no free text on the wire
    expect(alert.data).not.toContain('Portal'); // no patient name on the wire
    expect(Number(alert.id)).toBeGreaterThan(0);
    const vitals = await sse.waitFor((e) => e.event === 'vitals');
    expect(JSON.parse(vitals.data).reading.spo2).toBe(88);
    sse.close();

    // While disconnected: an acknowledgement and another reading.
    await nurse.post(`/api/v1/sessions/${s.id}/alerts/${data.alert.id}/acknowledge`, {
      note: 'stimulated, SpO2 95',
    });
    await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'sse-2',
      readings: [{ at: at(h), spo2: 95, hr: 78 }],
    });
    const lastSeen = Math.max(Number(alert.id), Number(vitals.id));
    const resumed = await openSse(`${await url()}/api/v1/board/events`, {
      ...headers,
      'last-event-id': String(lastSeen),
    });
    const ack = await resumed.waitFor(
      (e) => e.event === 'alert' && JSON.parse(e.data).alert.status === 'acknowledged',
    );
    expect(JSON.parse(ack.data)).toMatchObject({ sessionId: s.id, alert: { parameter: 'spo2' } });
    expect(ack.data).not.toContain('stimulated'); // the acknowledgement's note stays off the wire
    await resumed.waitFor((e) => e.event === 'vitals' && JSON.parse(e.data).reading.spo2 === 95);
    expect(resumed.events.every((e) => Number(e.id) > lastSeen)).toBe(true);
    resumed.close();
    // The other clinic's board heard nothing of this clinic.
    expect(otherSse.events).toEqual([]);
    otherSse.close();
  });

  it('refuses the stream to front desk and patients', async () => {
    const c = await h.newClinic();
    expect((await (await c.login('front_desk')).get('/api/v1/board/events')).status).toBe(403);
    expect((await (await c.login('patient')).get('/api/v1/board/events')).status).toBe(403);
    expect((await c.anonymous().get('/api/v1/board/events')).status).toBe(401);
  });

  it('seeds three demo chairs that show on the board', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const ids: Record<string, string> = {};
    for (const k of ['p10', 'p11', 'p12'])
      ids[k] = (await nurse.post('/api/v1/patients', validPatient({ lastName: k }))).body.id;
    await seedSessionsDemo(h.built.ctx, {
      clinicId: c.clinicId,
      userIds: { nurse: c.users.nurse.id },
      patientIds: ids,
    });
    const board = await nurse.get('/api/v1/board');
    expect(
      board.body.sessions.map((s: { chair: string; status: string }) => `${s.chair}:${s.status}`),
    ).toEqual(['1:monitoring', '2:recovery', '3:scheduled']);
    expect(board.body.sessions[0].trend.length).toBeGreaterThan(3);
  });
});
