import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makeUser } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const settings = {
  name: 'Riverside Clinic',
  timeZone: 'America/Chicago',
  mfaRequiredRoles: ['admin'],
  idleTimeoutMin: 15,
  absoluteLifetimeHours: 12,
  clinicDeviceSelfReport: false,
  remsSettingCertification: null,
};

describe('users admin', () => {
  it('invites a staff member and shows the one-time link', async () => {
    const invited = makeUser(9, { displayName: 'Nina New', email: 'nina@clinic.test', invitePending: true });
    const { api, user } = await renderApp({
      me: makeMe('admin'),
      path: '/admin/users',
      routes: {
        'GET /api/v1/users': { body: { items: [makeUser(1), makeUser(2, { active: false })] } },
        'POST /api/v1/users/invite': {
          body: { user: invited, link: 'https://clinic.test/accept/abc', expiresAt: '2026-12-01T00:00:00Z' },
        },
      },
    });
    const table = await screen.findByRole('table', { name: 'Users' });
    expect(within(table).getByText('Deactivated')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Invite staff member' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Name'), 'Nina New');
    await user.type(within(dialog).getByLabelText('Email'), 'nina@clinic.test');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'therapist');
    await user.click(within(dialog).getByRole('button', { name: 'Create invitation' }));

    const link = await within(dialog).findByLabelText('Invitation link');
    expect((link as HTMLInputElement).value).toBe('https://clinic.test/accept/abc');
    const [call] = api.callsTo('POST', '/api/v1/users/invite');
    expect(call?.body).toEqual({ email: 'nina@clinic.test', displayName: 'Nina New', role: 'therapist' });
    expect(call?.headers['x-csrf-token']).toBe('csrf-test-token');
    expect(api.callsTo('GET', '/api/v1/users')).toHaveLength(2); // reloaded
  });

  it('resets a password and shows the reset link', async () => {
    const target = makeUser(3);
    const { api, user } = await renderApp({
      me: makeMe('admin'),
      path: '/admin/users',
      routes: {
        'GET /api/v1/users': { body: { items: [target] } },
        [`POST /api/v1/users/${target.id}/reset-password`]: {
          body: { link: 'https://clinic.test/accept/reset', expiresAt: '2026-12-01T00:00:00Z' },
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Actions for User 3' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reset password…' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Reset password' }),
    );
    expect(((await screen.findByLabelText('Reset link')) as HTMLInputElement).value).toBe(
      'https://clinic.test/accept/reset',
    );
    expect(api.callsTo('POST', `/api/v1/users/${target.id}/reset-password`)).toHaveLength(1);
  });

  it('says where the reset link went when the server sent it by email', async () => {
    const target = makeUser(4, { email: 'four@clinic.test' });
    const { user } = await renderApp({
      me: makeMe('admin'),
      path: '/admin/users',
      routes: {
        'GET /api/v1/users': { body: { items: [target] } },
        [`POST /api/v1/users/${target.id}/reset-password`]: {
          body: { link: null, expiresAt: '2026-12-01T00:00:00Z' },
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Actions for User 4' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reset password…' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Reset password' }),
    );
    expect(await screen.findByText(/goes by email to four@clinic.test only/)).toBeTruthy();
    expect(screen.queryByLabelText('Reset link')).toBeNull();
  });
});

describe('clinic settings', () => {
  it('sends only the changed fields', async () => {
    const { api, user } = await renderApp({
      me: makeMe('admin'),
      path: '/admin/clinic',
      routes: {
        'GET /api/v1/clinic/settings': { body: settings },
        'PATCH /api/v1/clinic/settings': (call) => ({ body: { ...settings, ...(call.body as object) } }),
      },
    });
    const idle = await screen.findByLabelText('Idle timeout (minutes)');
    await user.clear(idle);
    await user.type(idle, '30');
    await user.click(screen.getByRole('checkbox', { name: 'Nurse' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(api.callsTo('PATCH', '/api/v1/clinic/settings')[0]?.body).toEqual({
      idleTimeoutMin: 30,
      mfaRequiredRoles: ['admin', 'nurse'],
    });
  });

  it('records the SPRAVATO REMS setting certification with its date', async () => {
    const { api, user } = await renderApp({
      me: makeMe('admin'),
      path: '/admin/clinic',
      routes: {
        'GET /api/v1/clinic/settings': { body: settings },
        'PATCH /api/v1/clinic/settings': (call) => ({ body: { ...settings, ...(call.body as object) } }),
      },
    });
    await user.type(await screen.findByLabelText('SPRAVATO REMS setting certification ID'), 'HCS-1001');
    fireEvent.change(screen.getByLabelText('REMS certification date'), { target: { value: '2024-01-15' } });
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(api.callsTo('PATCH', '/api/v1/clinic/settings')[0]?.body).toEqual({
      remsSettingCertification: { certificationId: 'HCS-1001', certifiedOn: '2024-01-15' },
    });
  });

  it('requires a value before sending', async () => {
    const { api, user } = await renderApp({
      me: makeMe('admin'),
      path: '/admin/clinic',
      routes: { 'GET /api/v1/clinic/settings': { body: settings } },
    });
    const lifetime = await screen.findByLabelText('Session lifetime (hours)');
    await user.clear(lifetime);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(lifetime.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Required')).toBeTruthy();
    expect(api.callsTo('PATCH', '/api/v1/clinic/settings')).toHaveLength(0);
  });
});
