import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PATIENT_LOGIN, seedDemo } from '../../seed/demo.ts';
import { Client, useTestApp } from '../../test/harness.ts';
import { educationModule } from './index.ts';

// The demo clinic has fixed logins, so seed it only on the embedded database (a fresh one per file);
// on the shared PostgreSQL schema another file's demo seed would collide on the emails.
describe.each(testBackends().filter((b) => b === 'pglite'))('education demo data on %s', (backend) => {
  const h = useTestApp(backend);

  it('seeds the pages, an edited after-care page and the portal patient’s reads', async () => {
    const info = await seedDemo(h.built.ctx, [educationModule]);
    const patient = new Client(h.app);
    expect((await patient.login(DEMO_PATIENT_LOGIN, DEMO_PASSWORD)).status).toBe(200);
    const items = (await patient.get('/api/v1/education')).body.items;
    expect(items).toHaveLength(5);
    const read = items.filter((p: { read: unknown }) => p.read !== null);
    expect(read.map((p: { slug: string; read: { current: boolean } }) => [p.slug, p.read.current])).toEqual([
      ['what-ketamine-and-esketamine-do', true],
      ['staying-safe-on-treatment-days', true],
      ['after-your-session', false],
    ]);
    const admin = new Client(h.app);
    await admin.login('admin@freshstart.example', DEMO_PASSWORD);
    const page = (await admin.get('/api/v1/education/after-your-session')).body;
    expect(page.versions).toHaveLength(2);
    expect(page.editedByName).toBe('Dr. Pat Prescriber');
    const therapist = new Client(h.app);
    await therapist.login('therapist@freshstart.example', DEMO_PASSWORD);
    const chart = await therapist.get(`/api/v1/patients/${info.patientIds.portal}/education`);
    expect(chart.body.items.filter((i: { readCurrent: boolean }) => i.readCurrent)).toHaveLength(2);
  });
});
