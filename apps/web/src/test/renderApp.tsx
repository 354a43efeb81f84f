import type { Me } from '@plasticity/contracts';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../app/App.tsx';
import { apiError, mockApi, type Routes } from './mockApi.ts';

interface Options {
  /** Signed-in user restored from the session cookie; omit for a signed-out start. */
  me?: Me;
  path?: string;
  routes?: Routes;
  csrfToken?: string;
}

/** Renders the whole app at `path` with a mocked API; waits until the first screen is up. */
export async function renderApp({
  me,
  path = '/',
  routes = {},
  csrfToken = 'csrf-test-token',
}: Options = {}) {
  window.history.replaceState(null, '', path);
  const api = mockApi({
    'GET /healthz': { body: { status: 'ok', demo: false } },
    'GET /api/v1/me': me ? { body: { user: me, csrfToken } } : apiError(401, 'unauthenticated'),
    'POST /api/v1/auth/logout': { body: { ok: true } },
    ...routes,
  });
  const user = userEvent.setup({ delay: null });
  const view = render(<App />);
  if (me) await screen.findByRole('button', { name: 'Account menu' });
  else if (!path.startsWith('/accept/')) await screen.findByRole('button', { name: 'Sign in' });
  return { api, user, ...view };
}
