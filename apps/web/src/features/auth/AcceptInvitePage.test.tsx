import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, type Routes } from '../../test/mockApi.ts';
import { renderApp } from '../../test/renderApp.tsx';

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz';

const STAFF_INVITE = { body: { purpose: 'invite', audience: 'staff', state: 'valid' } };

async function openInvite(reply: Routes) {
  const ctx = await renderApp({
    path: `/accept/${TOKEN}`,
    routes: { 'POST /api/v1/auth/link-info': STAFF_INVITE, ...reply },
  });
  await screen.findByRole('heading', { name: 'Set your password' });
  await screen.findByText('Set the password for your staff account.');
  return ctx;
}

describe('accept invitation / reset link', () => {
  it('requires 12 characters and matching passwords before sending', async () => {
    const { api, user } = await openInvite({});
    await user.type(screen.getByLabelText('New password'), 'short');
    await user.type(screen.getByLabelText('Confirm password'), 'other');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(screen.getByText('Use at least 12 characters')).toBeTruthy();
    expect(screen.getByText('The two passwords do not match')).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/auth/accept-invite')).toHaveLength(0);
  });

  it('shows a refused common password beside the password field', async () => {
    const { api, user } = await openInvite({
      'POST /api/v1/auth/accept-invite': apiError(400, 'validation_failed', 'invalid', [
        { field: 'body.password', message: 'is too common; choose another' },
      ]),
    });
    await user.type(screen.getByLabelText('New password'), 'password1234');
    await user.type(screen.getByLabelText('Confirm password'), 'password1234');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    const error = await screen.findByText('is too common; choose another');
    expect(screen.getByLabelText('New password').getAttribute('aria-describedby')).toContain(error.id);
    expect(api.callsTo('POST', '/api/v1/auth/accept-invite')[0]?.body).toEqual({
      token: TOKEN,
      password: 'password1234',
    });
  });

  it('explains an expired link', async () => {
    const { user } = await openInvite({ 'POST /api/v1/auth/accept-invite': apiError(410, 'link_expired') });
    await user.type(screen.getByLabelText('New password'), 'a long enough passphrase');
    await user.type(screen.getByLabelText('Confirm password'), 'a long enough passphrase');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This link has expired');
  });

  it('speaks to a patient invited to the portal as a patient', async () => {
    const { api } = await renderApp({
      path: `/accept/${TOKEN}`,
      routes: {
        'POST /api/v1/auth/link-info': { body: { purpose: 'invite', audience: 'patient', state: 'valid' } },
      },
    });
    expect(await screen.findByRole('heading', { name: 'Create your password' })).toBeTruthy();
    expect(screen.getByText('Create your password to see your appointments and forms.')).toBeTruthy();
    expect(screen.queryByLabelText('Your name (optional)')).toBeNull();
    expect(screen.queryByText(/colleagues|staff/)).toBeNull();
    expect(api.callsTo('POST', '/api/v1/auth/link-info')[0]?.body).toEqual({ token: TOKEN });
  });

  it('says at once when the link was already used', async () => {
    await renderApp({
      path: `/accept/${TOKEN}`,
      routes: {
        'POST /api/v1/auth/link-info': { body: { purpose: 'invite', audience: 'patient', state: 'used' } },
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('already been used');
  });

  it('confirms success and points to sign-in', async () => {
    const { user } = await openInvite({ 'POST /api/v1/auth/accept-invite': { body: { ok: true } } });
    await user.type(screen.getByLabelText('Your name (optional)'), 'Nora');
    await user.type(screen.getByLabelText('New password'), 'a long enough passphrase');
    await user.type(screen.getByLabelText('Confirm password'), 'a long enough passphrase');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Your password is set. You can now sign in.')).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Go to sign in' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });
});
