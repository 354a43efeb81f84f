/**
 * Bedside monitors over MLLP: PCD-01 ORU^R01 messages built with the HL7 library and sent over a real TCP
 * socket to the listener become device readings of the open session in the chair whose device id the message
 * names (OBX-18, else PV1-3), through the vitals path (alerts reach the board); every message gets an ACK
 * (AA stored or resent, AE/AR with a reason); garbage never brings the listener down.
 */

import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { testBackends } from '@plasticity/db/testing/index';
import { afterAll, describe, expect, it } from 'vitest';
import { type TestApp, type TestClinic, useTestApp } from '../../test/harness.ts';
import { newSession } from '../sessions/test/fixtures.ts';
import { openSse } from '../sessions/test/sse-client.ts';
import { type MllpListener, startMllpListener } from './mllp/listener.ts';
import { buildOru, ETCO2, MonitorConnection, NIBP, PULSE, RESP, SPO2 } from './test/monitor.ts';

const MAX = 64 * 1024;
/** A message control id (MSH-10: at most 20 characters), unique enough for a test run. */
const ctl = (tag: string) => `${tag}${randomBytes(6).toString('hex')}`;
let seq = 0;
const eui = () =>
  `00A0C9FFFE${(Date.now() % 0xffffff).toString(16).padStart(6, '0')}`.slice(0, 14) +
  String(++seq % 100).padStart(2, '0');

/** A clinic with a chair holding a monitor, and a checked-in session in that chair. */
async function chairWithSession(h: TestApp, c: TestClinic, deviceId: string, name = 'Chair 7') {
  const admin = await c.login('admin');
  const chair = await admin.post('/api/v1/chairs', { name, kind: 'infusion_chair', deviceId });
  expect(chair.status).toBe(201);
  const nurse = await c.login('nurse');
  const s = await newSession(h, c, nurse, undefined, name);
  expect((await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'checked_in' })).status).toBe(200);
  return { nurse, admin, sessionId: s.id, chairId: chair.body.id as string };
}

describe.each(testBackends())('bedside monitors over MLLP on %s', (backend) => {
  const h = useTestApp(backend);
  let listener: MllpListener | undefined;
  const port = async () => {
    listener ??= await startMllpListener(h.built.ctx, { port: 0, host: '127.0.0.1', maxFrameBytes: MAX });
    return listener.port;
  };
  afterAll(async () => {
    await listener?.close();
  });

  it('stores PCD-01 readings as device readings, raises the SpO2 88 alert on the board, and a resent message stores nothing new', async () => {
    const c = await h.newClinic();
    const device = eui();
    const { nurse, sessionId } = await chairWithSession(h, c, device);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const board = await openSse(
      `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}/api/v1/board/events`,
      { cookie: nurse.cookie as string },
    );
    const monitor = await MonitorConnection.open(await port());
    const at = new Date(Math.floor(h.clock.now().getTime() / 1000) * 1000 - 30_000);
    const first = ctl('M');
    const message = buildOru({
      controlId: first,
      deviceId: device,
      at,
      observations: [SPO2(88), PULSE(72), ...NIBP(121, 79, 93), RESP(14), ETCO2(38)],
    });
    const ack = await monitor.send(message);
    expect(ack).toMatchObject({ code: 'AA', controlId: first, errorCode: '' });

    const alert = await board.waitFor(
      (e) => e.event === 'alert' && JSON.parse(e.data).sessionId === sessionId,
      5000,
    );
    expect(JSON.parse(alert.data)).toMatchObject({ alert: { parameter: 'spo2', value: '88' } });
    const record = await nurse.get(`/api/v1/sessions/${sessionId}`);
    expect(record.body.vitals).toEqual([
      {
        id: expect.any(String),
        at: at.toISOString(),
        spo2: 88,
        hr: 72,
        sbp: 121,
        dbp: 79,
        rr: 14,
        etco2: 38,
        tempC: null,
        source: 'device',
        deviceId: device,
        confirmedAt: null,
        confirmedBy: null,
      },
    ]);
    expect(record.body.alerts.map((a: { parameter: string }) => a.parameter)).toEqual(['spo2']);

    // The monitor did not see the ACK and sends again: AA, nothing new.
    const again = await monitor.send(message);
    expect(again).toMatchObject({ code: 'AA', controlId: first });
    expect((await nurse.get(`/api/v1/sessions/${sessionId}`)).body.vitals).toHaveLength(1);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'user_id', 'role', 'details', 'source_address'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'session_vitals')
      .where('action', '=', 'create')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: null, role: 'system', source_address: '127.0.0.1' });
    expect(audit[0]?.details).toMatchObject({ readings: 1, alerts: 1, source: 'device', deviceId: device });
    monitor.close();
    board.close();
  });

  it('finds the chair by PV1-3 when OBX-18 is empty, and takes EtCO2 sent as 151728', async () => {
    const c = await h.newClinic();
    const bed = `BED-${eui()}`;
    const { nurse, sessionId } = await chairWithSession(h, c, bed, 'Recliner 3');
    const monitor = await MonitorConnection.open(await port());
    const ack = await monitor.send(
      buildOru({
        controlId: ctl('P'),
        pointOfCare: bed,
        at: h.clock.now(),
        observations: [ETCO2(41, '151728'), SPO2(97)],
      }),
    );
    expect(ack.code).toBe('AA');
    const vitals = (await nurse.get(`/api/v1/sessions/${sessionId}`)).body.vitals;
    expect(vitals.map((v: { etco2: number; spo2: number }) => [v.etco2, v.spo2])).toEqual([[41, 97]]);
    monitor.close();
  });

  it('answers AE for an unknown device, a chair without an open session and impossible values; AR for other messages', async () => {
    const c = await h.newClinic();
    const device = eui();
    const admin = await c.login('admin');
    await admin.post('/api/v1/chairs', { name: 'Chair 2', kind: 'infusion_chair', deviceId: device });
    const monitor = await MonitorConnection.open(await port());
    const now = h.clock.now();
    const unknown = await monitor.send(
      buildOru({ controlId: 'U1', deviceId: `${device}FF`, at: now, observations: [SPO2(97)] }),
    );
    expect(unknown).toMatchObject({ code: 'AE', controlId: 'U1', errorCode: '204' });
    expect(unknown.text).toMatch(/unknown device/);
    const idle = await monitor.send(
      buildOru({ controlId: 'N1', deviceId: device, at: now, observations: [SPO2(97)] }),
    );
    expect(idle).toMatchObject({ code: 'AE', controlId: 'N1' });
    expect(idle.text).toMatch(/no open dosing session/);

    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse, undefined, 'Chair 2');
    await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'checked_in' });
    const impossible = await monitor.send(
      buildOru({ controlId: 'R1', deviceId: device, at: now, observations: [SPO2(140)] }),
    );
    expect(impossible).toMatchObject({ code: 'AE', controlId: 'R1', errorCode: '102' });
    const notNumber = await monitor.send(
      buildOru({ controlId: 'R2', deviceId: device, at: now, observations: [{ ...SPO2(1), value: 'high' }] }),
    );
    expect(notNumber).toMatchObject({ code: 'AE', errorCode: '102' });
    const adt = await monitor.send(
      buildOru({
        controlId: 'A1',
        deviceId: device,
        at: now,
        observations: [SPO2(97)],
        messageType: ['ADT', 'A01'],
      }),
    );
    expect(adt).toMatchObject({ code: 'AR', controlId: 'A1', errorCode: '200' });
    const notHl7 = await monitor.send('hello, this is not HL7');
    expect(notHl7).toMatchObject({ code: 'AR', controlId: '', errorCode: '100' });
    // Nothing of the refused messages was stored; an accepted one still is, on the same connection.
    expect((await nurse.get(`/api/v1/sessions/${s.id}`)).body.vitals).toEqual([]);
    expect(
      (
        await monitor.send(
          buildOru({ controlId: 'OK1', deviceId: device, at: now, observations: [SPO2(96)] }),
        )
      ).code,
    ).toBe('AA');
    expect((await nurse.get(`/api/v1/sessions/${s.id}`)).body.vitals).toHaveLength(1);
    monitor.close();
  });

  it('refuses a message whose PID-3 names another patient (AE, nothing stored); takes one naming none or this one', async () => {
    const c = await h.newClinic();
    const device = eui();
    const { nurse, sessionId } = await chairWithSession(h, c, device);
    const mrn = (await nurse.get(`/api/v1/patients/${c.patientId}`)).body.mrn as string;
    const monitor = await MonitorConnection.open(await port());
    const send = (tag: string, patientId: [string, string] | null | undefined, spo2: number) =>
      monitor.send(
        buildOru({
          controlId: ctl(tag),
          deviceId: device,
          at: h.clock.now(),
          observations: [SPO2(spo2)],
          patientId,
        }),
      );
    const other = await send('X', [`${mrn}9`, 'MR'], 90);
    expect(other).toMatchObject({ code: 'AE', errorCode: '204' });
    expect(other.text).toMatch(/PID-3 names a patient who is not the patient in session/);
    const untyped = await send('Y', ['SOMEONE-ELSE', ''], 91);
    expect(untyped.code).toBe('AE');
    expect((await nurse.get(`/api/v1/sessions/${sessionId}`)).body.vitals).toEqual([]);

    expect((await send('M', [mrn.toLowerCase(), 'MR'], 96)).code).toBe('AA');
    expect((await send('S', ['123-45-6789', 'SS'], 97)).code).toBe('AA');
    expect((await send('E', undefined, 98)).code).toBe('AA');
    expect((await send('N', null, 99)).code).toBe('AA');
    const stored = (await nurse.get(`/api/v1/sessions/${sessionId}`)).body.vitals;
    expect(stored.map((v: { spo2: number }) => v.spo2).sort()).toEqual([96, 97, 98, 99]);
    monitor.close();
  });

  it('survives random bytes, truncated and oversized frames, and keeps serving', async () => {
    const c = await h.newClinic();
    const device = eui();
    const { nurse, sessionId } = await chairWithSession(h, c, device);
    const p = await port();
    // Random bytes (with frame markers among them) on several connections, some cut off mid-frame.
    for (let i = 0; i < 5; i++) {
      const noisy = await MonitorConnection.open(p);
      const junk = randomBytes(4096);
      junk[0] = 0x0b;
      junk[2000] = 0x1c;
      junk[2001] = 0x0d;
      noisy.writeRaw(junk);
      noisy.writeRaw(Buffer.from([0x0b, ...Buffer.from('MSH|^~\\&|TRUNCATED')]));
      noisy.close();
    }
    // A frame over the limit is answered AR and discarded; the connection goes on.
    const big = await MonitorConnection.open(p);
    const tooLarge = await big.send('X'.repeat(MAX + 10));
    expect(tooLarge).toMatchObject({ code: 'AR', errorCode: '100' });
    expect(tooLarge.text).toMatch(/larger than/);
    const after = await big.send(
      buildOru({ controlId: ctl('B'), deviceId: device, at: h.clock.now(), observations: [SPO2(95)] }),
    );
    expect(after.code).toBe('AA');
    // A junk frame among good ones is answered AR in its place.
    const junkFrame = Buffer.concat([
      Buffer.from([0x0b]),
      randomBytes(300).map((b) => (b === 0x1c ? 0x20 : b)),
      Buffer.from([0x1c, 0x0d]),
    ]);
    big.writeRaw(junkFrame);
    expect((await big.nextAck()).code).toBe('AR');
    big.close();
    const fresh = await MonitorConnection.open(p);
    expect(
      (
        await fresh.send(
          buildOru({
            controlId: ctl('N'),
            deviceId: device,
            at: h.clock.now(),
            observations: [SPO2(94)],
          }),
        )
      ).code,
    ).toBe('AA');
    fresh.close();
    expect((await nurse.get(`/api/v1/sessions/${sessionId}`)).body.vitals).toHaveLength(2);
  });
});
