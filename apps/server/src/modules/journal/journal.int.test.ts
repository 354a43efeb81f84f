/** The patient's journal on the portal: writing, listing, sharing and un-sharing; what staff may not do. */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';

describe.each(testBackends())('journal entries on %s', (backend) => {
  const h = useTestApp(backend);

  it('writes a private entry, lists it, shares it and stops sharing it', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const therapist = await c.login('therapist');
    const created = await patient.post('/api/v1/portal/journal', {
      text: '  A quiet evening.  ',
      shared: false,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      text: 'A quiet evening.',
      shared: false,
      sharedAt: null,
      promptId: null,
    });

    const own = await patient.get('/api/v1/portal/journal');
    expect(own.status).toBe(200);
    expect(own.body.items.map((e: { id: string }) => e.id)).toEqual([created.body.id]);
    expect((await therapist.get(`/api/v1/patients/${c.patientId}/journal`)).body.items).toEqual([]);

    const shared = await patient.patch(`/api/v1/portal/journal/${created.body.id}`, { shared: true });
    expect(shared.status).toBe(200);
    expect(shared.body.shared).toBe(true);
    expect(shared.body.sharedAt).toEqual(expect.any(String));
    const seen = await therapist.get(`/api/v1/patients/${c.patientId}/journal`);
    expect(seen.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, text: 'A quiet evening.', patientId: c.patientId }),
    ]);

    const again = await patient.patch(`/api/v1/portal/journal/${created.body.id}`, { shared: false });
    expect(again.body).toMatchObject({ shared: false, sharedAt: null });
    expect((await therapist.get(`/api/v1/patients/${c.patientId}/journal`)).body.items).toEqual([]);

    const audits = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'journal_entry')
      .where('action', '=', 'update')
      .orderBy('seq')
      .execute();
    // Positions in the audit chain are given in the background, not in request order: compare as a set.
    expect(audits).toHaveLength(2);
    expect(audits.map((a) => a.details)).toEqual(
      expect.arrayContaining([{ shared: true }, { shared: false }]),
    );
  });

  it('keeps the prompt’s words on the entry and refuses a prompt that is not an active one of the clinic', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const therapist = await c.login('therapist');
    const library = await therapist.get('/api/v1/journal-prompts');
    const prompt = library.body.items[0];
    const written = await patient.post('/api/v1/portal/journal', {
      text: 'It felt like floating.',
      promptId: prompt.id,
      shared: true,
    });
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({ promptId: prompt.id, promptText: prompt.text });
    await therapist.patch(`/api/v1/journal-prompts/${prompt.id}`, { text: 'A reworded prompt.' });
    const own = await patient.get('/api/v1/portal/journal');
    expect(own.body.items[0].promptText).toBe(prompt.text);

    await therapist.patch(`/api/v1/journal-prompts/${prompt.id}`, { active: false });
    const retired = await patient.post('/api/v1/portal/journal', {
      text: 'x',
      promptId: prompt.id,
      shared: false,
    });
    expect(retired.status).toBe(400);
    expect(retired.body.error.details[0].field).toBe('body.promptId');

    const other = await h.newClinic();
    const foreignPrompt = (await (await other.login('admin')).get('/api/v1/journal-prompts')).body.items[0];
    const foreign = await patient.post('/api/v1/portal/journal', {
      text: 'x',
      promptId: foreignPrompt.id,
      shared: false,
    });
    expect(foreign.status).toBe(400);
    const count = await h.database.db
      .selectFrom('journal_entries')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('clinic_id', '=', c.clinicId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it.each([
    [{ text: '', shared: false }, 'body.text'],
    [{ text: '   ', shared: false }, 'body.text'],
    [{ text: 'hello' }, 'body.shared'],
    [{ text: 'hello', shared: 'yes' }, 'body.shared'],
    [{ text: 'hello', shared: false, promptId: 'nope' }, 'body.promptId'],
    [{ text: 'x'.repeat(20_001), shared: false }, 'body.text'],
  ])('refuses %j naming %s', async (body, field) => {
    const c = await h.newClinic();
    const r = await (await c.login('patient')).post('/api/v1/portal/journal', body);
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('lets a patient change only their own entries, and no staff role write or list on the portal', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const entry = (await patient.post('/api/v1/portal/journal', { text: 'Mine.', shared: false })).body;
    const other = await h.newClinic();
    const stranger = await other.login('patient');
    expect((await stranger.patch(`/api/v1/portal/journal/${entry.id}`, { shared: true })).status).toBe(404);
    expect((await stranger.get('/api/v1/portal/journal')).body.items).toEqual([]);
    for (const role of ['admin', 'prescriber', 'nurse', 'therapist', 'front_desk'] as const) {
      const staff = await c.login(role);
      expect((await staff.post('/api/v1/portal/journal', { text: 'x', shared: true })).status, role).toBe(
        403,
      );
      expect((await staff.get('/api/v1/portal/journal')).status, role).toBe(403);
      expect((await staff.patch(`/api/v1/portal/journal/${entry.id}`, { shared: true })).status, role).toBe(
        403,
      );
    }
    const row = await h.database.db
      .selectFrom('journal_entries')
      .select('shared')
      .where('id', '=', entry.id)
      .executeTakeFirstOrThrow();
    expect(row.shared).toBe(false);
  });
});
