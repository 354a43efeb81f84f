/**
 * Notes that discuss the patient's journal: a progress or integration note may cite entries the patient shares
 * with the care team — never a private entry, another clinic's entry or an unknown one (400 naming the entry,
 * nothing stored), never from a psychotherapy note. The note shows a cited entry's words only while the patient
 * still shares it; the audit entry never carries them.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import type { Client, TestClinic } from '../../test/harness.ts';
import { useTestApp } from '../../test/harness.ts';

const OTHER_ID = '00000000-0000-4000-8000-0000000000c1';

async function entry(patient: Client, text: string, shared: boolean): Promise<string> {
  const r = await patient.post('/api/v1/portal/journal', { text, shared });
  expect(r.status, r.text).toBe(201);
  return r.body.id as string;
}

async function noteCount(therapist: Client, c: TestClinic): Promise<number> {
  const r = await therapist.get(`/api/v1/patients/${c.patientId}/notes`);
  expect(r.status, r.text).toBe(200);
  return (r.body.items as unknown[]).length;
}

describe.each(testBackends())('notes citing journal entries on %s', (backend) => {
  const h = useTestApp(backend);

  it('cites shared entries only, shows their words while shared, and refuses anything else naming the entry', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const shared = await entry(patient, 'Hawthorn-shared: I called my sister after the session', true);
    const secret = await entry(patient, 'Foxglove-private: not ready to talk about this', false);
    const other = await h.newClinic();
    const elsewhere = await entry(await other.login('patient'), 'Another clinic’s shared entry', true);
    const therapist = await c.login('therapist');
    const url = `/api/v1/patients/${c.patientId}/notes`;

    const bad: Array<[Record<string, unknown>, string]> = [
      [
        { kind: 'integration', body: 'x', citedJournalEntryIds: [shared, secret] },
        'body.citedJournalEntryIds[1]',
      ],
      [{ kind: 'progress', body: 'x', citedJournalEntryIds: [elsewhere] }, 'body.citedJournalEntryIds[0]'],
      [{ kind: 'integration', body: 'x', citedJournalEntryIds: [OTHER_ID] }, 'body.citedJournalEntryIds[0]'],
      [
        { kind: 'integration', body: 'x', citedJournalEntryIds: [shared, shared] },
        'body.citedJournalEntryIds',
      ],
      [{ kind: 'psychotherapy', body: 'x', citedJournalEntryIds: [shared] }, 'body.citedJournalEntryIds'],
      [
        { kind: 'integration', body: 'x', citedJournalEntryIds: ['not-an-id'] },
        'body.citedJournalEntryIds[0]',
      ],
    ];
    for (const [body, field] of bad) {
      const r = await therapist.post(url, body);
      expect(r.status, `${JSON.stringify(body)}: ${r.text}`).toBe(400);
      expect(JSON.stringify(r.body.error.details)).toContain(field);
      expect(r.text).not.toContain('Foxglove');
    }
    expect(await noteCount(therapist, c), 'a refused note stores nothing').toBe(0);

    const made = await therapist.post(url, {
      kind: 'integration',
      body: 'We talked about the call to her sister.',
      citedJournalEntryIds: [shared],
    });
    expect(made.status, made.text).toBe(201);
    expect(made.body.citedJournalEntries).toMatchObject([
      { id: shared, stillShared: true, text: 'Hawthorn-shared: I called my sister after the session' },
    ]);
    const nurse = await c.login('nurse');
    const read = await nurse.get(`/api/v1/notes/${made.body.id}`);
    expect(read.body.citedJournalEntries[0].text).toContain('Hawthorn-shared');

    const stop = await patient.request('PATCH', `/api/v1/portal/journal/${shared}`, { shared: false });
    expect(stop.status, stop.text).toBe(200);
    const after = await nurse.get(`/api/v1/notes/${made.body.id}`);
    expect(after.body.citedJournalEntries).toEqual([
      { id: shared, writtenAt: expect.any(String), stillShared: false, text: null, promptText: null },
    ]);
    expect(after.text).not.toContain('Hawthorn-shared');
    const list = await nurse.get(`/api/v1/patients/${c.patientId}/notes`);
    expect(list.text).not.toContain('Hawthorn-shared');

    const audit = await h.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'clinical_note')
      .where('action', '=', 'create')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('Hawthorn');
  });
});
