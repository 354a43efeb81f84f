import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeMe } from '../test/fixtures.ts';
import { apiError } from '../test/mockApi.ts';
import { renderApp } from '../test/renderApp.tsx';
import { IDLE_NOTICE, SESSION_LOST_NOTICE } from './auth.tsx';

const staffRoutes = { 'GET /api/v1/patients': { body: { items: [], nextCursor: null } } };

describe('idle expiry', () => {
  it('logs out after idleTimeoutSec without activity and says why', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { api } = await renderApp({
      me: makeMe('nurse', { idleTimeoutSec: 60 }),
      path: '/patients',
      routes: staffRoutes,
    });

    await act(async () => {
      vi.advanceTimersByTime(59_000);
    });
    expect(api.callsTo('POST', '/api/v1/auth/logout')).toHaveLength(0);

    await act(async () => {
      vi.advanceTimersByTime(1_500);
    });
    expect(await screen.findByText(IDLE_NOTICE)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(window.location.pathname).toBe('/login');
    const [logout] = api.callsTo('POST', '/api/v1/auth/logout');
    expect(logout?.headers['x-csrf-token']).toBe('csrf-test-token');
  });

  it('counts mouse, key and touch activity', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { api } = await renderApp({
      me: makeMe('nurse', { idleTimeoutSec: 60 }),
      path: '/patients',
      routes: staffRoutes,
    });
    for (const event of ['mouseMove', 'keyDown', 'touchStart'] as const) {
      await act(async () => {
        vi.advanceTimersByTime(45_000);
      });
      fireEvent[event](document.body);
    }
    await act(async () => {
      vi.advanceTimersByTime(45_000);
    });
    expect(api.callsTo('POST', '/api/v1/auth/logout')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Account menu' })).toBeTruthy();
    await act(async () => {
      vi.advanceTimersByTime(16_000);
    });
    expect(await screen.findByText(IDLE_NOTICE)).toBeTruthy();
  });

  it('keeps the server session alive while the person is active but the app is quiet', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { api } = await renderApp({
      // front desk has no polling alerts strip, so the app is quiet
      me: makeMe('front_desk', { idleTimeoutSec: 60 }),
      path: '/patients',
      routes: staffRoutes,
    });
    const before = api.callsTo('GET', '/api/v1/me').length;
    await act(async () => {
      vi.advanceTimersByTime(40_000);
    });
    fireEvent.keyDown(document.body);
    expect(api.callsTo('GET', '/api/v1/me').length).toBe(before + 1);
  });
});

describe('session lost on the server', () => {
  it.each(['session_expired', 'unauthenticated'])(
    'a 401 %s from any call returns to the login page',
    async (code) => {
      const { api, user } = await renderApp({
        me: makeMe('admin'),
        path: '/patients',
        routes: staffRoutes,
      });
      api.on({ 'GET /api/v1/users': apiError(401, code) });
      await user.click(screen.getByRole('link', { name: 'Users' }));
      expect(await screen.findByText(SESSION_LOST_NOTICE)).toBeTruthy();
      expect(window.location.pathname).toBe('/login');
    },
  );

  it('after an expiry, the next sign-in starts at the home page, not the last chart', async () => {
    const me = makeMe('front_desk');
    const { api, user } = await renderApp({ me, path: '/patients', routes: staffRoutes });
    api.on({ 'GET /api/v1/patients/00000000-0000-4000-8000-000000000500': apiError(401, 'session_expired') });
    window.history.pushState(null, '', '/patients/00000000-0000-4000-8000-000000000500');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await screen.findByText(SESSION_LOST_NOTICE);
    api.on({ 'POST /api/v1/auth/login': { body: { user: me, csrfToken: 't2' } } });
    await user.type(screen.getByLabelText('Email'), 'x@clinic.test');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Patients', level: 1 });
    expect(window.location.pathname).toBe('/patients');
  });
});
