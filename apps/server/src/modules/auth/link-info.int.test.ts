/**
 * The password page asks what a link is for before it is used: a portal invitation speaks
 * to a patient, a staff invitation to staff; a used link says so; an unknown one is 404. Nothing personal
 * is returned.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';

const tokenOf = (link: string) => link.split('/accept/')[1] as string;

describe.each(testBackends())('link info on %s', (backend) => {
  const h = useTestApp(backend);

  it('tells a portal invitation from a staff invitation, and a used link from a valid one', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const staff = await admin.post('/api/v1/users/invite', {
      email: `new-nurse-${Date.now()}@example.org`,
      displayName: 'New Nurse',
      role: 'nurse',
    });
    expect(staff.status).toBe(201);
    const patient = await admin.post('/api/v1/patients', {
      firstName: 'Robin',
      lastName: 'Portal',
      dateOfBirth: '1980-01-02',
      sex: 'female',
      email: `robin-${Date.now()}@example.org`,
    });
    const portal = await admin.post(`/api/v1/patients/${patient.body.id}/portal-invite`, {});
    expect(portal.status).toBe(201);
    const anon = c.anonymous();
    const info = async (link: string) => anon.post('/api/v1/auth/link-info', { token: tokenOf(link) });
    expect((await info(staff.body.link)).body).toEqual({
      purpose: 'invite',
      audience: 'staff',
      state: 'valid',
    });
    expect((await info(portal.body.link)).body).toEqual({
      purpose: 'invite',
      audience: 'patient',
      state: 'valid',
    });
    expect((await anon.acceptLink(portal.body.link, 'a long enough pass phrase 42')).status).toBe(200);
    expect((await info(portal.body.link)).body.state).toBe('used');
    expect((await anon.post('/api/v1/auth/link-info', { token: 'x'.repeat(43) })).status).toBe(404);
  });
});
