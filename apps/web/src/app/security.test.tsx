import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient } from '../test/fixtures.ts';
import { renderApp } from '../test/renderApp.tsx';

/**
 * The CSRF token lives only in memory; nothing the app handles (token, patient data, search
 * terms) may reach Web Storage or the URL.
 */
describe('csrf token and storage', () => {
  it('sends the token from login on mutations and never stores it', async () => {
    const me = makeMe('front_desk'); // front desk lands on Patients (clinicians land on the live board);
    const patient = makePatient();
    const { api, user } = await renderApp({
      routes: {
        'POST /api/v1/auth/login': { body: { user: me, csrfToken: 'csrf-from-login' } },
        'GET /api/v1/patients': { body: { items: [patient], nextCursor: null } },
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`PATCH /api/v1/patients/${patient.id}`]: { body: { ...patient, phone: '555-9999' } },
      },
    });

    await user.type(screen.getByLabelText('Email'), 'frontdesk@clinic.test');
    await user.type(screen.getByLabelText('Password'), 'a long password!');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('Search patients'), 'Lovelace');
    await user.click(await screen.findByRole('link', { name: 'Lovelace, Ada' }));
    await user.click(await screen.findByRole('button', { name: 'Edit demographics' }));
    const phone = screen.getByRole('textbox', { name: 'Phone' });
    await user.clear(phone);
    await user.type(phone, '555-9999');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('555-9999');

    const [patch] = api.callsTo('PATCH', `/api/v1/patients/${patient.id}`);
    expect(patch?.headers['x-csrf-token']).toBe('csrf-from-login');
    expect(patch?.body).toEqual({ phone: '555-9999' });
    expect(api.calls.filter((c) => c.method === 'GET').every((c) => !('x-csrf-token' in c.headers))).toBe(
      true,
    );

    // Nothing in Web Storage, nothing but ids in the URL.
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
    expect(window.location.search).toBe('');
    expect(window.location.href).not.toMatch(/Lovelace|csrf/i);
    expect(document.cookie).not.toContain('csrf-from-login');
  });

  it('uses the token restored by GET /me for mutations after a reload', async () => {
    const me = makeMe('admin');
    const { api, user } = await renderApp({ me, csrfToken: 'csrf-from-me', path: '/account' });
    api.on({
      'POST /api/v1/me/mfa/enrol': { body: { secret: 'S', otpauthUrl: 'otpauth://x', qrDataUrl: 'data:,' } },
    });
    await user.click(screen.getByRole('button', { name: 'Account menu' }));
    // Log out is a POST too.
    await user.click(await screen.findByRole('menuitem', { name: 'Log out' }));
    await screen.findByRole('button', { name: 'Sign in' });
    expect(api.callsTo('POST', '/api/v1/auth/logout')[0]?.headers['x-csrf-token']).toBe('csrf-from-me');
    expect(window.localStorage.length + window.sessionStorage.length).toBe(0);
  });
});
