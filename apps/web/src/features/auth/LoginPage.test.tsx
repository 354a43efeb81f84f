import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { apiError } from '../../test/mockApi.ts';
import { renderApp } from '../../test/renderApp.tsx';

const emailField = () => screen.getByLabelText('Email');
const passwordField = () => screen.getByLabelText('Password');
const signInButton = () => screen.getByRole('button', { name: 'Sign in' });

async function fillCredentials(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.type(emailField(), 'Nurse@Clinic.test');
  await user.type(passwordField(), 'correct horse battery');
  await user.click(signInButton());
}

describe('login', () => {
  it('signs in and opens the role-aware shell', async () => {
    const me = makeMe('nurse');
    const { api, user } = await renderApp({
      routes: {
        'POST /api/v1/auth/login': { body: { user: me, csrfToken: 'tok-1' } },
        'GET /api/v1/patients': { body: { items: [], nextCursor: null } },
      },
    });
    await fillCredentials(user);

    // signed in: the staff shell opens on the role's home page (clinicians: the live board)
    await screen.findByRole('navigation', { name: 'Main navigation' });
    const [login] = api.callsTo('POST', '/api/v1/auth/login');
    expect(login?.body).toEqual({ email: 'Nurse@Clinic.test', password: 'correct horse battery' });
    expect(login?.credentials).toBe('same-origin');
    expect(screen.getByRole('button', { name: 'Account menu' })).toBeTruthy();
    expect(window.location.pathname).not.toBe('/login');
  });

  it.each([
    ['invalid_credentials', 401, 'Email or password is incorrect.'],
    ['account_locked', 429, 'This account is locked after too many failed sign-in attempts'],
    ['rate_limited', 429, 'Too many sign-in attempts. Wait a minute, then try again.'],
  ])('shows a clear message for %s', async (code, status, message) => {
    const { user } = await renderApp({ routes: { 'POST /api/v1/auth/login': apiError(status, code) } });
    await fillCredentials(user);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(emailField()).toBeTruthy(); // still on the credentials step
  });

  it('asks for a code on mfa_required, resends with totp, and shows mfa_invalid beside the field', async () => {
    const me = makeMe('prescriber');
    let attempt = 0;
    const { api, user } = await renderApp({
      routes: {
        'POST /api/v1/auth/login': (call) => {
          const body = call.body as { totp?: string };
          if (!body.totp) return apiError(401, 'mfa_required');
          attempt += 1;
          return attempt === 1 ? apiError(401, 'mfa_invalid') : { body: { user: me, csrfToken: 'tok' } };
        },
        'GET /api/v1/patients': { body: { items: [], nextCursor: null } },
      },
    });
    await fillCredentials(user);

    const code = await screen.findByLabelText('Authentication code');
    await user.type(code, '000000');
    await user.click(signInButton());
    const fieldError = await screen.findByText(/That code is not valid/);
    const input = screen.getByLabelText('Authentication code');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(fieldError.id);

    await user.type(input, '123456');
    await user.click(signInButton());
    await screen.findByRole('navigation', { name: 'Main navigation' });
    const sent = api.callsTo('POST', '/api/v1/auth/login').map((c) => c.body);
    expect(sent).toEqual([
      { email: 'Nurse@Clinic.test', password: 'correct horse battery' },
      { email: 'Nurse@Clinic.test', password: 'correct horse battery', totp: '000000' },
      { email: 'Nurse@Clinic.test', password: 'correct horse battery', totp: '123456' },
    ]);
  });

  it('accepts a recovery code instead of the authenticator code', async () => {
    const me = makeMe('admin');
    const { api, user } = await renderApp({
      routes: {
        'POST /api/v1/auth/login': (call) =>
          (call.body as { totp?: string }).totp
            ? { body: { user: me, csrfToken: 't' } }
            : apiError(401, 'mfa_required'),
        'GET /api/v1/patients': { body: { items: [], nextCursor: null } },
      },
    });
    await fillCredentials(user);
    await user.click(await screen.findByRole('button', { name: 'Use a recovery code' }));
    await user.type(screen.getByLabelText('Recovery code'), 'ABCD-EFGH');
    await user.click(signInButton());
    await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(api.callsTo('POST', '/api/v1/auth/login').at(-1)?.body).toMatchObject({ totp: 'abcd-efgh' });
  });

  it('goes back to the credentials step when the password is rejected at the code step', async () => {
    const { user } = await renderApp({
      routes: {
        'POST /api/v1/auth/login': (call) =>
          (call.body as { totp?: string }).totp
            ? apiError(401, 'invalid_credentials')
            : apiError(401, 'mfa_required'),
      },
    });
    await fillCredentials(user);
    await user.type(await screen.findByLabelText('Authentication code'), '123456');
    await user.click(signInButton());
    expect((await screen.findByRole('alert')).textContent).toContain('Email or password is incorrect.');
    expect(screen.getByLabelText('Password')).toBeTruthy();
  });

  it('shows the demo banner on the login page when /healthz says demo', async () => {
    await renderApp({ routes: { 'GET /healthz': { body: { status: 'ok', demo: true } } } });
    const banner = await screen.findByRole('note', { name: 'Demo data' });
    expect(within(banner).getByText(/fictional patients only/)).toBeTruthy();
  });

  it('restores the session from the cookie and shows the demo banner for a demo clinic', async () => {
    const me = makeMe('front_desk', { clinic: { ...makeMe().clinic, demo: true } });
    await renderApp({
      me,
      path: '/patients',
      routes: { 'GET /api/v1/patients': { body: { items: [], nextCursor: null } } },
    });
    expect(screen.getByRole('note', { name: 'Demo data' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Patients', level: 1 })).toBeTruthy());
  });
});
