import type { Role } from '@plasticity/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient } from '../test/fixtures.ts';
import { renderApp } from '../test/renderApp.tsx';

const navLabels = () => {
  const nav = screen.queryByRole('navigation', { name: 'Main navigation' });
  return nav
    ? within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent)
    : [];
};

const staffRoutes = { 'GET /api/v1/patients': { body: { items: [], nextCursor: null } } };

describe('role-based navigation', () => {
  // Features add items over time, so check what each role must and must never see.
  const ADMIN_ONLY = ['Users', 'Clinic settings', 'Audit report'];
  const CLINICAL_ONLY = ['Alerts', 'Live board'];
  it.each<[Role, string[], string[]]>([
    ['admin', ['Patients', ...ADMIN_ONLY], []],
    ['prescriber', ['Patients', ...CLINICAL_ONLY], ADMIN_ONLY],
    ['nurse', ['Patients', ...CLINICAL_ONLY], ADMIN_ONLY],
    ['therapist', ['Patients', ...CLINICAL_ONLY], ADMIN_ONLY],
    ['front_desk', ['Patients'], [...ADMIN_ONLY, ...CLINICAL_ONLY, 'Controlled substances']],
  ])('%s sees %j and never %j', async (role, expected, never) => {
    await renderApp({ me: makeMe(role), path: '/patients', routes: staffRoutes });
    await screen.findByRole('heading', { name: 'Patients', level: 1 });
    const labels = navLabels();
    for (const l of expected) expect(labels).toContain(l);
    for (const l of never) expect(labels).not.toContain(l);
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
  });

  it('gives a patient the portal home, without staff navigation', async () => {
    const me = makeMe('patient');
    await renderApp({
      me,
      path: '/my-record',
      routes: {
        [`GET /api/v1/patients/${me.patientId}`]: { body: makePatient({ id: me.patientId as string }) },
      },
    });
    expect(await screen.findByRole('heading', { name: 'My record', level: 1 })).toBeTruthy();
    expect(await screen.findByText('MRN-0001')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main navigation' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Patients' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Users' })).toBeNull();
  });

  it('does not open staff pages for a patient who types their address', async () => {
    const me = makeMe('patient');
    const { api } = await renderApp({ me, path: '/admin/users' });
    expect(await screen.findByRole('heading', { name: 'Not available for your role' })).toBeTruthy();
    expect(api.callsTo('GET', '/api/v1/users')).toHaveLength(0);
  });

  it('keeps admin pages from a nurse', async () => {
    await renderApp({ me: makeMe('nurse'), path: '/admin/audit' });
    expect(await screen.findByRole('heading', { name: 'Not available for your role' })).toBeTruthy();
  });

  it('has a user menu with the name, role, Account and Log out', async () => {
    const { user } = await renderApp({ me: makeMe('therapist'), path: '/', routes: staffRoutes });
    expect(screen.getByText('Test therapist')).toBeTruthy();
    expect(screen.getByText('Therapist')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Account menu' }));
    expect(await screen.findByRole('menuitem', { name: 'Account' })).toBeTruthy();
    await user.click(screen.getByRole('menuitem', { name: 'Log out' }));
    expect(await screen.findByText('You have signed out.')).toBeTruthy();
    expect(window.location.pathname).toBe('/login');
  });

  it('returns to a deep link after signing in', async () => {
    const me = makeMe('nurse');
    const patient = makePatient();
    const { user } = await renderApp({
      path: `/patients/${patient.id}`,
      routes: {
        'POST /api/v1/auth/login': { body: { user: me, csrfToken: 't' } },
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
      },
    });
    expect(window.location.pathname).toBe('/login');
    await user.type(screen.getByLabelText('Email'), 'n@clinic.test');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Lovelace, Ada', level: 1 })).toBeTruthy();
    expect(window.location.pathname).toBe(`/patients/${patient.id}`);
  });
});
