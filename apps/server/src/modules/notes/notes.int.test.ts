/**
 * Notes: signed and locked when written, changed only by addenda, marked entered in error (never deleted);
 * who writes which kind; bad input answered 400 naming the field with nothing stored; the psychotherapy-note
 * handover to a named successor (audited); the search and the record print.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { dose, ESK, newSession, readyForDosing } from '../sessions/test/fixtures.ts';

describe.each(testBackends())('notes on %s', (backend) => {
  const h = useTestApp(backend);

  const count = async (clinicId: string, table: 'clinical_notes' | 'psychotherapy_notes') =>
    (await h.database.db.selectFrom(table).select('id').where('clinic_id', '=', clinicId).execute()).length;

  it('writes a signed note of each kind, with the integration template, and reads it back', async () => {
    const c = await h.newClinic();
    const therapist = await c.login('therapist');
    const r = await therapist.post(`/api/v1/patients/${c.patientId}/notes`, {
      kind: 'integration',
      body: 'Integration visit',
      sections: { experience: 'Calm', moodRisk: 'No risk', plan: 'Weekly' },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'integration',
      authorId: c.users.therapist.id,
      authorRole: 'therapist',
      status: 'signed',
      sections: { experience: 'Calm', moodRisk: 'No risk', plan: 'Weekly' },
      addenda: [],
      custodianId: null,
    });
    expect(r.body.id).toBeTruthy();
    expect(r.body.signedAt).toBe(new Date(h.clock.now()).toISOString());
    const p = await therapist.post(`/api/v1/patients/${c.patientId}/notes`, {
      kind: 'psychotherapy',
      body: 'Mine',
    });
    expect(p.status).toBe(201);
    expect(p.body).toMatchObject({
      kind: 'psychotherapy',
      custodianId: c.users.therapist.id,
      sections: null,
    });
    expect(await count(c.clinicId, 'psychotherapy_notes')).toBe(1);
    expect(await count(c.clinicId, 'clinical_notes')).toBe(1);
  });

  it('lets each role write only the kinds it may, and refuses bad input naming the field', async () => {
    const c = await h.newClinic();
    const url = `/api/v1/patients/${c.patientId}/notes`;
    const nurse = await c.login('nurse');
    expect((await nurse.post(url, { kind: 'progress', body: 'ok' })).status).toBe(201);
    expect((await nurse.post(url, { kind: 'integration', body: 'no' })).status).toBe(403);
    expect((await nurse.post(url, { kind: 'psychotherapy', body: 'no' })).status).toBe(403);
    for (const role of ['admin', 'front_desk', 'patient'] as const)
      expect([403, 404]).toContain(
        (await (await c.login(role)).post(url, { kind: 'progress', body: 'x' })).status,
      );
    const prescriber = await c.login('prescriber');
    const bad = [
      [{ kind: 'progress', body: '' }, 'body.body'],
      [{ kind: 'letter', body: 'x' }, 'body.kind'],
      [{ kind: 'progress', body: 'x', sections: { plan: 'y' } }, 'body.sections'],
      [{ kind: 'progress', body: 'x', sessionId: '00000000-0000-4000-8000-000000000000' }, 'body.sessionId'],
    ] as const;
    for (const [body, field] of bad) {
      const r = await prescriber.post(url, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(r.body.error.details)).toContain(field);
    }
    expect(await count(c.clinicId, 'clinical_notes')).toBe(1);
    const other = await h.newClinic();
    expect(
      (await prescriber.post(`/api/v1/patients/${other.patientId}/notes`, { kind: 'progress', body: 'x' }))
        .status,
    ).toBe(404);
  });

  it('changes a signed note only by addenda and marks a wrong note entered in error', async () => {
    const c = await h.newClinic();
    const therapist = await c.login('therapist');
    const nurse = await c.login('nurse');
    const note = (
      await therapist.post(`/api/v1/patients/${c.patientId}/notes`, { kind: 'integration', body: 'First' })
    ).body;
    const add = await therapist.post(`/api/v1/notes/${note.id}/addenda`, { body: 'Later thought' });
    expect(add.status).toBe(201);
    expect(add.body.body).toBe('First');
    expect(add.body.addenda.map((d: { body: string }) => d.body)).toEqual(['Later thought']);
    // A nurse reads integration notes but does not write them; the admin writes none.
    expect((await nurse.post(`/api/v1/notes/${note.id}/addenda`, { body: 'x' })).status).toBe(403);
    expect(
      (await (await c.login('admin')).post(`/api/v1/notes/${note.id}/addenda`, { body: 'x' })).status,
    ).toBe(403);
    // Only the author marks it in error.
    expect((await nurse.post(`/api/v1/notes/${note.id}/entered-in-error`, { reason: 'x' })).status).toBe(403);
    const marked = await therapist.post(`/api/v1/notes/${note.id}/entered-in-error`, {
      reason: 'Wrong patient',
    });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ status: 'entered_in_error', enteredInErrorReason: 'Wrong patient' });
    expect(
      (await therapist.post(`/api/v1/notes/${note.id}/entered-in-error`, { reason: 'again' })).status,
    ).toBe(409);
    expect((await therapist.post(`/api/v1/notes/${note.id}/addenda`, { body: 'x' })).status).toBe(409);
    // Still there, in the list.
    const list = await nurse.get(`/api/v1/patients/${c.patientId}/notes`);
    expect(list.body.items).toHaveLength(1);
  });

  it('hands a custodian’s psychotherapy notes to a named successor, who alone reads them after', async () => {
    const c = await h.newClinic();
    const therapist = await c.login('therapist');
    const prescriber = await c.login('prescriber');
    const ids: string[] = [];
    for (const body of ['One', 'Two'])
      ids.push(
        (await therapist.post(`/api/v1/patients/${c.patientId}/notes`, { kind: 'psychotherapy', body })).body
          .id,
      );
    const custody = await therapist.get('/api/v1/psychotherapy-notes/handover');
    expect(custody.status).toBe(200);
    expect(custody.body.count).toBe(2);
    expect(custody.body.successors).toEqual([
      { id: c.users.prescriber.id, displayName: expect.any(String), role: 'prescriber' },
    ]);
    for (const bad of [c.users.therapist.id, c.users.nurse.id, c.users.admin.id]) {
      const r = await therapist.post('/api/v1/psychotherapy-notes/handover', { successorId: bad });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body.error.details)).toContain('body.successorId');
    }
    const other = await h.newClinic();
    expect(
      (
        await therapist.post('/api/v1/psychotherapy-notes/handover', {
          successorId: other.users.therapist.id,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await (
          await c.login('nurse')
        ).post('/api/v1/psychotherapy-notes/handover', { successorId: c.users.prescriber.id })
      ).status,
    ).toBe(403);
    const done = await therapist.post('/api/v1/psychotherapy-notes/handover', {
      successorId: c.users.prescriber.id,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ successorId: c.users.prescriber.id, count: 2 });
    for (const id of ids) {
      expect((await therapist.get(`/api/v1/notes/${id}`)).status).toBe(404);
      const r = await prescriber.get(`/api/v1/notes/${id}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ authorId: c.users.therapist.id, custodianId: c.users.prescriber.id });
    }
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['resource_type', 'resource_id', 'patient_id'])
      .where('clinic_id', '=', c.clinicId)
      .where('user_id', '=', c.users.therapist.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit.filter((e) => e.resource_type === 'psychotherapy_note_handover')).toHaveLength(1);
    expect(
      audit
        .filter((e) => e.resource_type === 'psychotherapy_note')
        .map((e) => e.resource_id)
        .sort(),
    ).toEqual([...ids].sort());
    const rows = await h.database.db
      .selectFrom('psychotherapy_note_handovers')
      .selectAll()
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(rows).toMatchObject([
      { from_user_id: c.users.therapist.id, to_user_id: c.users.prescriber.id, note_count: 2 },
    ]);
  });

  it('searches progress and integration notes of the clinic only, with an excerpt', async () => {
    const c = await h.newClinic();
    const other = await h.newClinic();
    const nurse = await c.login('nurse');
    await nurse.post(`/api/v1/patients/${c.patientId}/notes`, {
      kind: 'progress',
      body: 'Blood pressure 50%_ fine',
    });
    await (await other.login('nurse')).post(`/api/v1/patients/${other.patientId}/notes`, {
      kind: 'progress',
      body: 'Blood pressure elsewhere',
    });
    const r = await nurse.get(`/api/v1/notes/search?q=${encodeURIComponent('pressure')}`);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0]).toMatchObject({ patientId: c.patientId, kind: 'progress' });
    expect(r.body.items[0].excerpt).toContain('pressure');
    // % and _ are literal.
    expect((await nurse.get(`/api/v1/notes/search?q=${encodeURIComponent('0%_')}`)).body.items).toHaveLength(
      1,
    );
    expect((await nurse.get(`/api/v1/notes/search?q=${encodeURIComponent('%x')}`)).body.items).toHaveLength(
      0,
    );
    expect((await nurse.get('/api/v1/notes/search?q=')).status).toBe(400);
  });

  it('prints and exports the record: the session with its dose, the notes with their addenda', async () => {
    const c = await h.newClinic();
    const therapist = await c.login('therapist');
    const nurse = await c.login('nurse');
    const session = await newSession(h, c, nurse, ESK);
    await readyForDosing(h, c, nurse, session.id);
    await dose(h, await c.login('prescriber'), nurse, session.id, 56);
    const note = (
      await therapist.post(`/api/v1/patients/${c.patientId}/notes`, {
        kind: 'integration',
        body: 'Łukasz said the session felt calm',
        sections: { insights: 'Kinder to himself' },
      })
    ).body;
    await therapist.post(`/api/v1/notes/${note.id}/addenda`, { body: 'Follow-up booked' });
    const exp = await therapist.get(`/api/v1/patients/${c.patientId}/record-export`);
    expect(exp.status).toBe(200);
    expect(exp.body.patient.id).toBe(c.patientId);
    expect(exp.body.notes).toHaveLength(1);
    expect(exp.body.sessions).toMatchObject([
      { id: session.id, doses: [{ drug: 'esketamine', doseMg: '56' }] },
    ]);
    const pdf = await therapist.app.inject({
      method: 'GET',
      url: `/api/v1/patients/${c.patientId}/record.pdf`,
      headers: { cookie: therapist.cookie ?? '' },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    for (const s of [
      'Łukasz said the session felt calm',
      'Insights: Kinder to himself',
      'Follow-up booked',
      'Esketamine 56 mg Intranasal',
    ])
      expect(text).toContain(s);
    const printed = await h.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', 'in', ['patient_record_print', 'patient_record_export'])
      .execute();
    expect(printed.map((e) => e.action).sort()).toEqual(['export', 'print']);
  });
});
