/**
 * Protocol templates per indication through the API: listed with their sources for staff; a prescriber or admin
 * starts a DRAFT protocol from one (never the default, never used by itself), a second draft gets its own key,
 * and the medical director can then edit and activate it as any protocol.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';

describe.each(testBackends())('protocol templates on %s', (backend) => {
  const h = useTestApp(backend);

  it('lists the templates with sources for staff, not for patients', async () => {
    const c = await h.newClinic();
    const r = await (await c.login('nurse')).get('/api/v1/protocol-templates');
    expect(r.status).toBe(200);
    expect(r.body.items.map((t: { indication: string }) => t.indication)).toEqual([
      'ptsd',
      'alcohol_use_disorder',
      'anxiety',
      'opioid_use_disorder',
    ]);
    const ptsd = r.body.items[0];
    expect(ptsd.sources[0].citation).toMatch(/Feder/);
    expect(ptsd.sources[0].verified).toMatch(/CAPS-5/);
    expect(ptsd.protocol.status).toBe('draft');
    expect((await (await c.login('patient')).get('/api/v1/protocol-templates')).status).toBe(403);
  });

  it('starts a draft in the clinic library; a second gets its own key; it can be activated by an edit', async () => {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const first = await prescriber.post('/api/v1/protocol-templates/aud-iv-ketamine/draft', {});
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({
      key: 'template-aud-iv-ketamine',
      status: 'draft',
      isDefault: false,
      active: false,
      version: 1,
      route: 'iv',
    });
    expect(first.body.protocol.dose.defaultMgPerKg).toBe(0.8);
    const second = await (await c.login('admin')).post('/api/v1/protocol-templates/aud-iv-ketamine/draft', {
      name: 'AUD infusions, our clinic',
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      key: 'template-aud-iv-ketamine-2',
      name: 'AUD infusions, our clinic',
    });

    const list = await prescriber.get('/api/v1/protocols');
    const defaults = list.body.items.filter(
      (p: { isDefault: boolean; route: string }) => p.isDefault && p.route === 'iv',
    );
    expect(defaults.map((p: { key: string }) => p.key)).toEqual(['default-iv-ketamine-trd']);

    const activated = await prescriber.request('PUT', `/api/v1/protocols/${first.body.id}`, {
      protocol: { ...first.body.protocol, status: 'active' },
      changeNote: 'Reviewed by the medical director',
    });
    expect(activated.status, activated.text).toBe(200);
    expect(activated.body).toMatchObject({ status: 'active', version: 2, isDefault: false });

    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'protocol')
      .where('action', '=', 'create')
      .execute();
    expect(audit.length).toBe(2);
  });

  it('is for admins and prescribers only; an unknown template is 404 and writes nothing', async () => {
    const c = await h.newClinic();
    for (const role of ['nurse', 'therapist', 'front_desk', 'patient'] as const) {
      const r = await (await c.login(role)).post('/api/v1/protocol-templates/ptsd-iv-ketamine/draft', {});
      expect(r.status, role).toBe(403);
    }
    const prescriber = await c.login('prescriber');
    expect((await prescriber.post('/api/v1/protocol-templates/nope/draft', {})).status).toBe(404);
    const bad = await prescriber.post('/api/v1/protocol-templates/ptsd-iv-ketamine/draft', { name: '' });
    expect(bad.status).toBe(400);
    const list = await prescriber.get('/api/v1/protocols');
    expect(list.body.items.some((p: { key: string }) => p.key.startsWith('template-'))).toBe(false);
  });
});
