/** The clinic's prompt library, the prompts the portal offers per phase, and the daily mood check-in. */
import { toJson } from '@plasticity/db';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { IV, newSession } from '../sessions/test/fixtures.ts';
import { STARTER_PROMPTS } from './prompts/starter-prompts.ts';

const HOUR = 3_600_000;

describe.each(testBackends())('journal prompts and mood on %s', (backend) => {
  const h = useTestApp(backend);

  it('loads the starter prompts once; admin, therapist and prescriber manage the library', async () => {
    const c = await h.newClinic();
    const therapist = await c.login('therapist');
    const first = await therapist.get('/api/v1/journal-prompts');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(STARTER_PROMPTS.length);
    expect(first.body.items.every((p: { starter: boolean; active: boolean }) => p.starter && p.active)).toBe(
      true,
    );
    const retire = first.body.items[0];
    expect(
      (await therapist.patch(`/api/v1/journal-prompts/${retire.id}`, { active: false })).body.active,
    ).toBe(false);
    const made = await (await c.login('prescriber')).post('/api/v1/journal-prompts', {
      text: 'What did you notice in your body during the infusion?',
      phase: 'evening_after',
      protocolKey: IV,
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ protocolKey: IV, starter: false, active: true });
    const again = await (await c.login('admin')).get('/api/v1/journal-prompts');
    expect(again.body.items).toHaveLength(STARTER_PROMPTS.length + 1);
    expect(again.body.items.find((p: { id: string }) => p.id === retire.id).active).toBe(false);
    expect(again.body.items.at(-1).id).toBe(made.body.id);
    for (const role of ['nurse', 'front_desk', 'patient'] as const) {
      const other = await c.login(role);
      expect((await other.get('/api/v1/journal-prompts')).status, role).toBe(403);
      expect((await other.post('/api/v1/journal-prompts', { text: 'x', phase: 'any' })).status, role).toBe(
        403,
      );
    }
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'journal_prompt')
      .orderBy('seq')
      .execute();
    // Entries written in one request may take their positions in either order: compare them as a set.
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });

  it.each([
    [{ text: 'x', phase: 'someday' }, 'body.phase'],
    [{ text: ' ', phase: 'any' }, 'body.text'],
    [{ text: 'x', phase: 'any', protocolKey: 'no-such-protocol' }, 'body.protocolKey'],
    [{ text: 'x', phase: 'any', sortOrder: -1 }, 'body.sortOrder'],
  ])('refuses the prompt %j naming %s', async (body, field) => {
    const c = await h.newClinic();
    const r = await (await c.login('admin')).post('/api/v1/journal-prompts', body);
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('edits only the clinic’s own prompts', async () => {
    const a = await h.newClinic();
    const b = await h.newClinic();
    const prompt = (await (await a.login('admin')).get('/api/v1/journal-prompts')).body.items[0];
    const r = await (await b.login('admin')).patch(`/api/v1/journal-prompts/${prompt.id}`, {
      text: 'mine now',
    });
    expect(r.status).toBe(404);
    expect((await (await a.login('admin')).patch(`/api/v1/journal-prompts/${prompt.id}`, {})).status).toBe(
      400,
    );
  });

  it('offers the prompts of the patient’s phase: any time, before a session, the evening after', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const admin = await c.login('admin');
    await admin.post('/api/v1/journal-prompts', {
      text: 'Only for IV courses.',
      phase: 'any',
      protocolKey: IV,
    });
    const idle = await patient.get('/api/v1/portal/journal/prompts');
    expect(idle.status).toBe(200);
    expect(idle.body.phase).toBe('any');
    expect(idle.body.items.length).toBe(STARTER_PROMPTS.filter((p) => p.phase === 'any').length);
    expect(idle.body.items.some((p: { text: string }) => p.text === 'Only for IV courses.')).toBe(false);

    const now = h.clock.now().getTime();
    await h.database.db
      .insertInto('appointments')
      .values({
        clinic_id: c.clinicId,
        patient_id: c.patientId,
        type: 'dosing',
        start_at: new Date(now + 20 * HOUR),
        end_at: new Date(now + 23 * HOUR),
        held_until: new Date(now + 23 * HOUR),
      })
      .execute();
    const before = await patient.get('/api/v1/portal/journal/prompts');
    expect(before.body.phase).toBe('before_session');
    expect(before.body.items[0].phase).toBe('before_session');

    const session = await newSession(h, c, await c.login('nurse'), IV);
    await h.database.db
      .updateTable('dosing_sessions')
      .set({ discharged_at: new Date(now - 2 * HOUR) })
      .where('id', '=', session.id)
      .execute();
    const after = await patient.get('/api/v1/portal/journal/prompts');
    expect(after.body.phase).toBe('evening_after');
    expect(after.body.items.map((p: { phase: string }) => p.phase)).toContain('evening_after');
    expect(after.body.items.map((p: { phase: string }) => p.phase)).not.toContain('before_session');
  });

  it('offers a protocol’s prompts only to a patient whose current plan uses that protocol', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    await admin.post('/api/v1/journal-prompts', {
      text: 'Only for IV courses.',
      phase: 'any',
      protocolKey: IV,
    });
    const offered = async () =>
      (
        (await (await c.login('patient')).get('/api/v1/portal/journal/prompts')).body.items as {
          text: string;
        }[]
      ).map((p) => p.text);
    expect(await offered()).not.toContain('Only for IV courses.');
    const protocol = await h.database.db
      .selectFrom('plan_protocols')
      .select(['id', 'version'])
      .where('clinic_id', '=', c.clinicId)
      .where('protocol_key', '=', IV)
      .executeTakeFirstOrThrow();
    await h.database.db
      .insertInto('plan_treatment_plans')
      .values({
        clinic_id: c.clinicId,
        patient_id: c.patientId,
        protocol_id: protocol.id,
        protocol_version: protocol.version,
        indications: toJson(['trd']),
        target_instruments: toJson(['phq9']),
        planned_sessions: 6,
        status: 'active',
      })
      .execute();
    expect(await offered()).toContain('Only for IV courses.');
  });

  it('uses the clinic’s own phase windows', async () => {
    const c = await h.newClinic({ settings: { journal: { beforeSessionHours: 12 } } });
    const now = h.clock.now().getTime();
    await h.database.db
      .insertInto('appointments')
      .values({
        clinic_id: c.clinicId,
        patient_id: c.patientId,
        type: 'dosing',
        start_at: new Date(now + 20 * HOUR),
        end_at: new Date(now + 23 * HOUR),
        held_until: new Date(now + 23 * HOUR),
      })
      .execute();
    expect((await (await c.login('patient')).get('/api/v1/portal/journal/prompts')).body.phase).toBe('any');
  });

  it('records mood check-ins and shows the latest per clinic-local day', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const first = await patient.post('/api/v1/portal/mood', { score: 3 });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      score: 3,
      note: null,
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    h.clock.advance(60_000);
    await patient.post('/api/v1/portal/mood', { score: 6, note: 'Slept well.' });
    const own = await patient.get(`/api/v1/patients/${c.patientId}/mood`);
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual([{ date: first.body.date, score: 6, recordedAt: expect.any(String) }]);
    h.clock.advance(24 * HOUR);
    // A day later the sign-in has expired: the patient signs in again.
    expect((await (await c.login('patient')).post('/api/v1/portal/mood', { score: 8 })).status).toBe(201);
    for (const role of ['admin', 'prescriber', 'nurse', 'therapist'] as const) {
      const r = await (await c.login(role)).get(`/api/v1/patients/${c.patientId}/mood`);
      expect(
        r.body.items.map((d: { score: number }) => d.score),
        role,
      ).toEqual([6, 8]);
    }
    expect((await (await c.login('front_desk')).get(`/api/v1/patients/${c.patientId}/mood`)).status).toBe(
      403,
    );
    const other = await h.newClinic();
    const stranger = await other.login('patient');
    expect((await stranger.get(`/api/v1/patients/${c.patientId}/mood`)).status).toBe(404);
    expect((await (await other.login('nurse')).get(`/api/v1/patients/${c.patientId}/mood`)).status).toBe(404);
    expect((await (await c.login('nurse')).post('/api/v1/portal/mood', { score: 5 })).status).toBe(403);
  });

  it.each([[11], [-1], [3.5], ['5'], [null]])('refuses the mood score %j (nothing stored)', async (score) => {
    const c = await h.newClinic();
    const r = await (await c.login('patient')).post('/api/v1/portal/mood', { score });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: { field: string }) => d.field)).toContain('body.score');
    const rows = await h.database.db
      .selectFrom('mood_checkins')
      .select('id')
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(rows).toEqual([]);
  });
});
