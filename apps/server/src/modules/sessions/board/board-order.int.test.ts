import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type Client, useTestApp, validPatient } from '../../../test/harness.ts';
import { at, ESK } from '../test/fixtures.ts';

const chairs = (board: { body: { sessions: Array<{ chair: string }> } }) =>
  board.body.sessions.map((s) => s.chair);

describe.each(testBackends())('live board: order, closed sessions, acknowledged alerts on %s', (backend) => {
  const h = useTestApp(backend);

  async function book(nurse: Client, chair: string, n: number) {
    const p = await nurse.post(
      '/api/v1/patients',
      validPatient({ lastName: `Chair${n}`, email: `c${n}@example.org` }),
    );
    expect(p.status, p.text).toBe(201);
    const s = await nurse.post('/api/v1/sessions', {
      patientId: p.body.id,
      protocolId: ESK,
      scheduledAt: at(h),
      chair,
    });
    expect(s.status, s.text).toBe(201);
    return s.body.id as string;
  }

  it('sorts 12 chairs naturally (2 before 10) and drops a closed session after the clinic’s minutes', async () => {
    const c = await h.newClinic();
    let nurse = await c.login('nurse');
    const order = ['10', '2', '12', '1', '11', '3', '9', '4', '8', '5', '7', '6'];
    const ids = new Map<string, string>();
    for (const [i, chair] of order.entries()) ids.set(chair, await book(nurse, chair, i));
    const board = await nurse.get('/api/v1/board');
    expect(board.status).toBe(200);
    expect(chairs(board)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(board.body.closedVisibleMin).toBe(30);

    const cancelled = ids.get('5') as string;
    expect(
      (await nurse.post(`/api/v1/sessions/${cancelled}/transition`, { to: 'cancelled', reason: 'unwell' }))
        .status,
    ).toBe(200);
    // Another clinic's board never lists it, open or lately closed.
    const other = await h.newClinic();
    expect((await (await other.login('nurse')).get('/api/v1/board')).body.sessions).toEqual([]);
    h.clock.advance(29 * 60_000);
    nurse = await c.login('nurse');
    expect(chairs(await nurse.get('/api/v1/board'))).toContain('5');
    h.clock.advance(2 * 60_000);
    nurse = await c.login('nurse');
    const after = await nurse.get('/api/v1/board');
    expect(chairs(after)).not.toContain('5');
    expect(after.body.sessions).toHaveLength(11);
  });

  it('keeps a closed session for the minutes the clinic set', async () => {
    const c = await h.newClinic({ settings: { sessions: { boardClosedVisibleMin: 5 } } });
    let nurse = await c.login('nurse');
    const id = await book(nurse, '3', 99);
    await nurse.post(`/api/v1/sessions/${id}/transition`, { to: 'cancelled', reason: 'unwell' });
    expect((await nurse.get('/api/v1/board')).body.closedVisibleMin).toBe(5);
    h.clock.advance(6 * 60_000);
    nurse = await c.login('nurse');
    expect(chairs(await nurse.get('/api/v1/board'))).toEqual([]);
  });

  it('an alert acknowledged on the Alerts page leaves the board at once and says who acknowledged it and when', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const id = await book(nurse, '7', 1);
    await nurse.post(`/api/v1/sessions/${id}/vitals`, {
      idempotencyKey: 'low',
      readings: [{ at: at(h), hr: 74, spo2: 85 }],
    });
    const before = await nurse.get('/api/v1/board');
    const alert = before.body.sessions[0].alerts[0];
    expect(alert).toMatchObject({ parameter: 'spo2', status: 'open', ackBy: null, ackByName: null });

    const ack = await nurse.post(`/api/v1/alerts/${alert.id}/ack`, { note: 'repositioned, SpO2 back to 96' });
    expect(ack.status, ack.text).toBe(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', ackBy: c.users.nurse.id });
    expect(ack.body.ackByName).toMatch(/^nurse \d+$/);
    expect(ack.body.ackAt).toBe(h.clock.now().toISOString());

    const after = await nurse.get('/api/v1/board');
    expect(after.body.sessions[0].alerts).toEqual([]);
    expect(after.body.lastEventId).toBeGreaterThan(before.body.lastEventId);
    const events = await h.database.db
      .selectFrom('board_events')
      .select(['kind', 'data'])
      .where('clinic_id', '=', c.clinicId)
      .where('id', '>', before.body.lastEventId)
      .execute();
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: 'alert',
        data: expect.objectContaining({
          kind: 'alert',
          sessionId: id,
          chair: null,
          alert: expect.objectContaining({ id: alert.id, status: 'acknowledged' }),
        }),
      }),
    );

    const session = await nurse.get(`/api/v1/sessions/${id}`);
    expect(session.body.alerts[0]).toMatchObject({ status: 'acknowledged', ackByName: ack.body.ackByName });
    const listed = await nurse.get('/api/v1/alerts?status=acknowledged');
    expect(listed.body.items[0]).toMatchObject({ id: alert.id, ackByName: ack.body.ackByName });
  });
});
