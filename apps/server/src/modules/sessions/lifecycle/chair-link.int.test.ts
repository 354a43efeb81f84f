/**
 * POST /api/v1/sessions keeps `chair` as free text: a name that matches one of the clinic's active chair
 * records (trimmed, case-insensitive) also links the session to it; an unknown name, an inactive chair's
 * name and a chair another session already holds are accepted and linked to nothing or shared.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp, validPatient } from '../../../test/harness.ts';
import { at, ESK } from '../test/fixtures.ts';

describe.each(testBackends())('session chair link on %s', (backend) => {
  const h = useTestApp(backend);

  it('keeps the chair text, links a matching active chair, and never refuses an unknown or occupied chair', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const nurse = await c.login('nurse');
    const chair = await admin.post('/api/v1/chairs', { name: 'Chair 4', kind: 'infusion_chair' });
    const retired = await admin.post('/api/v1/chairs', { name: 'Chair 9', kind: 'infusion_chair' });
    await admin.patch(`/api/v1/chairs/${retired.body.id}`, { active: false });
    const other = await h.newClinic();
    await (await other.login('admin')).post('/api/v1/chairs', {
      name: 'Window seat',
      kind: 'infusion_chair',
    });

    const book = async (chairText: string) => {
      const p = await nurse.post('/api/v1/patients', validPatient({ email: undefined }));
      const r = await nurse.post('/api/v1/sessions', {
        patientId: p.body.id,
        protocolId: ESK,
        scheduledAt: at(h),
        chair: chairText,
      });
      expect(r.status, r.text).toBe(201);
      expect(r.body.chair).toBe(chairText.trim());
      const row = await h.database.db
        .selectFrom('dosing_sessions')
        .select(['chair', 'chair_id'])
        .where('clinic_id', '=', c.clinicId)
        .where('id', '=', r.body.id)
        .executeTakeFirstOrThrow();
      return row;
    };
    expect(await book('chair 4 ')).toEqual({ chair: 'chair 4', chair_id: chair.body.id });
    // Occupied: another session already holds Chair 4 — still accepted and linked.
    expect(await book('CHAIR 4')).toEqual({ chair: 'CHAIR 4', chair_id: chair.body.id });
    // A bare number names "Chair <number>", as the board has always shown it.
    expect(await book(' 4')).toEqual({ chair: '4', chair_id: chair.body.id });
    expect(await book('44')).toEqual({ chair: '44', chair_id: null });
    expect(await book('Recliner by the window')).toEqual({ chair: 'Recliner by the window', chair_id: null });
    expect(await book('Chair 9')).toEqual({ chair: 'Chair 9', chair_id: null });
    expect(await book('Window seat')).toEqual({ chair: 'Window seat', chair_id: null });

    // A chair created later links the sessions whose text names it, the bare number included.
    const seven = await book('7');
    expect(seven.chair_id).toBeNull();
    const chair7 = await admin.post('/api/v1/chairs', { name: 'Chair 7', kind: 'infusion_chair' });
    const linked = await h.database.db
      .selectFrom('dosing_sessions')
      .select('chair_id')
      .where('clinic_id', '=', c.clinicId)
      .where('chair', '=', '7')
      .executeTakeFirstOrThrow();
    expect(linked.chair_id).toBe(chair7.body.id);
  });
});
