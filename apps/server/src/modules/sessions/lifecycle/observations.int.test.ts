/**
 * MOAA/S and CADSS-6 at the protocol's intervals: the due state in the session record and the
 * board's per-chair flag, the stored observations, and validation errors that name the field.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { at, dose, IV, newSession, readyForDosing } from '../test/fixtures.ts';

const MIN = 60_000;
type Due = { kind: string; when: string; state: string; dueAt: string | null };

describe.each(testBackends())('observation schedule on %s', (backend) => {
  const h = useTestApp(backend);

  it('tells when MOAA/S and CADSS-6 are due, in the session record and on the board, until recovery', async () => {
    const c = await h.newClinic();
    let nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const s = await newSession(h, c, nurse, IV, '6');
    const before = await nurse.get(`/api/v1/sessions/${s.id}`);
    expect(before.body.observationsDue).toBeNull();
    expect(before.body.protocol.observationSchedule).toMatchObject({
      moaasEveryMin: 15,
      cadss6AtMin: [40],
      cadss6AtEndOfMonitoring: true,
      graceMin: 5,
    });
    expect((await nurse.get('/api/v1/board')).body.sessions[0].observations).toBeNull();

    await readyForDosing(h, c, nurse, s.id);
    await dose(h, prescriber, nurse, s.id, 35);
    const doseAt = Date.parse(at(h));
    const iso = (min: number) => new Date(doseAt + min * MIN).toISOString();
    let d = (await nurse.get(`/api/v1/sessions/${s.id}`)).body.observationsDue;
    expect(d).toMatchObject({ doseStarted: true, anyDue: false, anyOverdue: false, due: [] });
    expect(d.next).toMatchObject({ kind: 'moaas', dueAt: iso(15) });

    h.clock.advance(15 * MIN); // exactly at the interval: due, not overdue
    nurse = await c.login('nurse');
    d = (await nurse.get(`/api/v1/sessions/${s.id}`)).body.observationsDue;
    expect(d.due.map((x: Due) => [x.kind, x.state])).toEqual([['moaas', 'due']]);
    let chair = (await nurse.get('/api/v1/board')).body.sessions[0];
    expect(chair.observations).toMatchObject({ anyDue: true, anyOverdue: false });

    h.clock.advance(5 * MIN + 1000); // past the 5-minute grace
    nurse = await c.login('nurse');
    chair = (await nurse.get('/api/v1/board')).body.sessions[0];
    expect(chair.observations).toMatchObject({ anyDue: true, anyOverdue: true });
    expect(chair.observations.due[0]).toMatchObject({ kind: 'moaas', state: 'overdue', dueAt: iso(15) });

    const m = await nurse.post(`/api/v1/sessions/${s.id}/observations`, {
      kind: 'moaas',
      at: at(h),
      score: 4,
    });
    expect(m.status).toBe(201);
    chair = (await nurse.get('/api/v1/board')).body.sessions[0];
    expect(chair.observations).toMatchObject({ anyDue: false, nextKind: 'moaas' });
    expect(Date.parse(chair.observations.nextAt)).toBe(Date.parse(at(h)) + 15 * MIN);

    h.clock.advance(20 * MIN); // 40 min after the dose: CADSS-6 due (and MOAA/S at 35 min still in grace)
    nurse = await c.login('nurse');
    d = (await nurse.get(`/api/v1/sessions/${s.id}`)).body.observationsDue;
    expect(d.due.map((x: Due) => [x.kind, x.when, x.state])).toEqual([
      ['moaas', 'every', 'due'],
      ['cadss6', 'at_minute', 'due'],
    ]);
    await nurse.post(`/api/v1/sessions/${s.id}/observations`, { kind: 'moaas', at: at(h), score: 5 });
    const cadss = await nurse.post(`/api/v1/sessions/${s.id}/observations`, {
      kind: 'cadss6',
      at: at(h),
      items: [1, 2, 0, 1, 0, 0],
    });
    expect(cadss.body.data.total).toBe(4);
    const detail = (await nurse.get(`/api/v1/sessions/${s.id}`)).body;
    expect(detail.observationsDue.anyDue).toBe(false);
    expect(detail.observations.map((o: { kind: string }) => o.kind)).toEqual(['moaas', 'moaas', 'cadss6']);

    // Monitoring ends: MOAA/S stops, the end-of-monitoring CADSS-6 is due (the 40-minute one is too early
    // to count for it).
    h.clock.advance(10 * MIN);
    nurse = await c.login('nurse');
    await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'recovery' });
    d = (await nurse.get(`/api/v1/sessions/${s.id}`)).body.observationsDue;
    expect(d.items.find((x: Due) => x.kind === 'moaas').state).toBe('done');
    expect(d.due.map((x: Due) => [x.kind, x.when, x.state])).toEqual([
      ['cadss6', 'end_of_monitoring', 'due'],
    ]);
    h.clock.advance(MIN);
    nurse = await c.login('nurse');
    await nurse.post(`/api/v1/sessions/${s.id}/observations`, {
      kind: 'cadss6',
      at: at(h),
      items: [0, 0, 0, 0, 0, 0],
    });
    chair = (await nurse.get('/api/v1/board')).body.sessions[0];
    expect(chair.observations).toMatchObject({ anyDue: false, anyOverdue: false });
  });

  it('uses the protocol’s own schedule, and the default for a stored protocol without one', async () => {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const nurse = await c.login('nurse');
    const iv = (await prescriber.get('/api/v1/protocols')).body.items.find(
      (p: { protocol: { route: string } }) => p.protocol.route === 'iv',
    );
    const custom = {
      ...iv.protocol,
      vitals: {
        ...iv.protocol.vitals,
        observations: { ...iv.protocol.vitals.observations, moaasEveryMin: 10 },
      },
    };
    const saved = await prescriber.request('PUT', `/api/v1/protocols/${iv.id}`, {
      protocol: custom,
      changeNote: 'MOAA/S every 10 min',
    });
    expect(saved.status).toBe(200);
    const s = await newSession(h, c, nurse, IV);
    await readyForDosing(h, c, nurse, s.id);
    await dose(h, prescriber, nurse, s.id, 35);
    let d = (await nurse.get(`/api/v1/sessions/${s.id}`)).body.observationsDue;
    expect(Date.parse(d.next.dueAt) - Date.parse(at(h))).toBe(10 * MIN);
    // The board reads the same schedule from the snapshot (only the parts it uses).
    const onBoard = async (id: string) =>
      (await nurse.get('/api/v1/board')).body.sessions.find((x: { id: string }) => x.id === id);
    let chair = await onBoard(s.id);
    expect(chair.observations.nextAt).toBe(d.next.dueAt);
    expect(chair.protocol.cadenceMin).toBe(custom.vitals.cadenceMin);

    await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'aborted', reason: 'test: next protocol' });

    const { observations: _gone, ...vitals } = custom.vitals;
    const legacy = await prescriber.request('PUT', `/api/v1/protocols/${saved.body.id}`, {
      protocol: { ...custom, vitals },
      changeNote: 'as stored before the schedule existed',
    });
    expect(legacy.status).toBe(200);
    const s2 = await newSession(h, c, nurse, IV, '2');
    await readyForDosing(h, c, nurse, s2.id);
    await dose(h, prescriber, nurse, s2.id, 35);
    const r = (await nurse.get(`/api/v1/sessions/${s2.id}`)).body;
    expect(r.protocol.observationSchedule.moaasEveryMin).toBe(15);
    d = r.observationsDue;
    expect(Date.parse(d.next.dueAt) - Date.parse(at(h))).toBe(15 * MIN);
    chair = await onBoard(s2.id);
    expect(chair.observations.nextAt).toBe(d.next.dueAt);
  });

  it('refuses bad observations and bad schedules naming the field, and stores nothing', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const s = await newSession(h, c, nurse, IV);
    const fieldsOf = async (body: Record<string, unknown>) => {
      const r = await nurse.post(`/api/v1/sessions/${s.id}/observations`, { at: at(h), ...body });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
      return r.body.error.details.map((x: { field: string }) => x.field);
    };
    expect(await fieldsOf({ kind: 'moaas', score: 6 })).toContain('body.score');
    expect(await fieldsOf({ kind: 'cadss6', items: [0, 1, 2, 3, 5, 0] })).toContain('body.items[4]');
    expect(await fieldsOf({ kind: 'cadss6', items: [0, 1, 2] })).toContain('body.items');
    expect(
      await fieldsOf({
        kind: 'distress',
        type: 'anxiety',
        interventions: [{ kind: 'medication', doseMg: 1 }],
      }),
    ).toContain('body.interventions[0]');
    expect(
      await fieldsOf({
        kind: 'adverse_event',
        description: 'vomiting',
        severity: 'grave',
        serious: false,
        outcome: 'resolved',
      }),
    ).toContain('body.severity');
    expect((await nurse.get(`/api/v1/sessions/${s.id}`)).body.observations).toEqual([]);

    const iv = (await prescriber.get('/api/v1/protocols')).body.items.find(
      (p: { protocol: { route: string } }) => p.protocol.route === 'iv',
    );
    const bad = await prescriber.request('PUT', `/api/v1/protocols/${iv.id}`, {
      protocol: {
        ...iv.protocol,
        vitals: {
          ...iv.protocol.vitals,
          observations: { ...iv.protocol.vitals.observations, graceMin: 20, cadss6AtMin: [40, 30] },
        },
      },
      changeNote: 'bad',
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.map((x: { field: string }) => x.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.protocol.vitals.observations.graceMin',
        'body.protocol.vitals.observations.cadss6AtMin[1]',
      ]),
    );
    const now = (await prescriber.get('/api/v1/protocols')).body.items.find(
      (p: { id: string }) => p.id === iv.id,
    );
    expect(now.protocol.vitals.observations.graceMin).toBe(5);
  });
});
