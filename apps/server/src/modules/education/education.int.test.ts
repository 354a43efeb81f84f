/**
 * Education pages: the product-written defaults appear in every new clinic, clinic edits become new
 * versions (old ones kept), patients mark pages read and see when a page changed since they read it, the
 * chart shows the same read state, and bad input changes nothing.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { secondPatient } from '../scheduling/portal/test-fixtures.ts';
import { DEFAULT_EDUCATION_PAGES } from './defaults/index.ts';

const SAFE = 'staying-safe-on-treatment-days';
const edit = {
  title: 'Staying safe on treatment days',
  summary: 'Updated by the clinic.',
  body: '## Fasting\nFollow the times on your appointment.',
  topic: 'safety',
  changeNote: 'Shorter wording',
};

describe.each(testBackends())('education pages on %s', (backend) => {
  const h = useTestApp(backend);

  it('seeds the default pages, records reads and shows a changed page as unread', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const list = await patient.get('/api/v1/education');
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { slug: string }) => p.slug)).toEqual(
      DEFAULT_EDUCATION_PAGES.map((p) => p.slug),
    );
    expect(list.body.items.every((p: { read: unknown }) => p.read === null)).toBe(true);

    const page = await patient.get(`/api/v1/education/${SAFE}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ version: 1, read: null, versions: [] });
    expect(page.body.body).toContain('until the next day');

    const read = await patient.post(`/api/v1/education/${SAFE}/read`, {});
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ slug: SAFE, version: 1, current: true });
    const again = await patient.post(`/api/v1/education/${SAFE}/read`, { version: 1 });
    expect(again.body.readAt).toBe(read.body.readAt);

    const admin = await c.login('admin');
    const saved = await admin.request('PUT', `/api/v1/education/${SAFE}`, edit);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    expect(
      saved.body.versions.map((v: { version: number; status: string }) => [v.version, v.status]),
    ).toEqual([
      [2, 'current'],
      [1, 'superseded'],
    ]);
    expect(saved.body.versions[0].changeNote).toBe('Shorter wording');

    const after = (await patient.get('/api/v1/education')).body.items.find(
      (p: { slug: string }) => p.slug === SAFE,
    );
    expect(after).toMatchObject({
      version: 2,
      summary: 'Updated by the clinic.',
      read: { version: 1, current: false },
    });

    const therapist = await c.login('therapist');
    const chart = await therapist.get(`/api/v1/patients/${c.patientId}/education`);
    expect(chart.status).toBe(200);
    expect(chart.body.items.find((i: { slug: string }) => i.slug === SAFE)).toMatchObject({
      currentVersion: 2,
      readVersion: 1,
      readCurrent: false,
    });
    const own = await patient.get(`/api/v1/patients/${c.patientId}/education`);
    expect(own.status).toBe(200);

    const reread = await patient.post(`/api/v1/education/${SAFE}/read`, {});
    expect(reread.body).toMatchObject({ version: 2, current: true });
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'resource_type'])
      .where('clinic_id', '=', c.clinicId)
      .where('category', '=', 'education')
      .execute();
    expect(audit.filter((e) => e.resource_type === 'education_read' && e.action === 'create')).toHaveLength(
      3,
    );
    expect(audit.filter((e) => e.resource_type === 'education_page' && e.action === 'update')).toHaveLength(
      1,
    );
  });

  it('lets only admin and prescriber edit, and refuses bad input without changing anything', async () => {
    const c = await h.newClinic();
    for (const role of ['nurse', 'therapist', 'front_desk', 'patient'] as const) {
      const r = await (await c.login(role)).request('PUT', `/api/v1/education/${SAFE}`, edit);
      expect([403, 404], role).toContain(r.status);
    }
    const prescriber = await c.login('prescriber');
    const empty = await prescriber.request('PUT', `/api/v1/education/${SAFE}`, { ...edit, title: ' ' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('body.title');
    const topic = await prescriber.request('PUT', `/api/v1/education/${SAFE}`, { ...edit, topic: 'other' });
    expect(topic.status).toBe(400);
    const slug = await prescriber.request('PUT', '/api/v1/education/Bad_Slug', edit);
    expect(slug.status).toBe(400);
    const page = await prescriber.get(`/api/v1/education/${SAFE}`);
    expect(page.body.version).toBe(1);
    expect(page.body.versions).toHaveLength(1);

    const created = await prescriber.request('PUT', '/api/v1/education/parking', {
      ...edit,
      title: 'Parking',
      topic: 'session',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: 'parking', version: 1, sortOrder: 100 });
    expect(created.body.editedByName).not.toBeNull();

    const patient = await c.login('patient');
    const tooNew = await patient.post(`/api/v1/education/${SAFE}/read`, { version: 7 });
    expect(tooNew.status).toBe(400);
    expect(JSON.stringify(tooNew.body)).toContain('body.version');
    expect((await patient.post('/api/v1/education/no-such-page/read', {})).status).toBe(404);
    expect((await prescriber.post(`/api/v1/education/${SAFE}/read`, {})).status).toBe(403);
  });

  it('keeps read state to the patient and their care team', async () => {
    const c = await h.newClinic();
    const other = await secondPatient(h, c);
    expect((await other.client.get(`/api/v1/patients/${c.patientId}/education`)).status).toBe(404);
    const frontDesk = await c.login('front_desk');
    expect([403, 404]).toContain((await frontDesk.get(`/api/v1/patients/${c.patientId}/education`)).status);
    const otherClinic = await h.newClinic();
    const nurse = await otherClinic.login('nurse');
    expect((await nurse.get(`/api/v1/patients/${c.patientId}/education`)).status).toBe(404);
    await (await c.login('patient')).post(`/api/v1/education/${SAFE}/read`, {});
    const items = (await other.client.get(`/api/v1/patients/${other.patientId}/education`)).body.items;
    expect(items.every((i: { readVersion: number | null }) => i.readVersion === null)).toBe(true);
  });
});
