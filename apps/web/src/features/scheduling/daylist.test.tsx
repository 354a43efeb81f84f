import type { Confirmation } from '@plasticity/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { makeSession, SID } from '../sessions/testSession.ts';
import { makeAppointment } from './testFixtures.ts';

const UNCONFIRMED: Confirmation = {
  status: 'unconfirmed',
  confirmedAt: null,
  escortName: null,
  escortPhone: null,
  fastingConfirmed: false,
  noDrivingConfirmed: false,
  rescheduleRequestedAt: null,
  rescheduleNote: null,
};

describe('day list', { timeout: 40_000 }, () => {
  it('lists the day in time order, flags an unconfirmed escort and a pending plan, and lets the nurse check a dosing visit in to its session', async () => {
    const late = makeAppointment(1, { start: '2026-11-27T20:00:00Z', end: '2026-11-27T22:00:00Z' });
    const early = makeAppointment(2, {
      patientName: 'Grace Hopper',
      start: '2026-11-27T15:00:00Z',
      end: '2026-11-27T17:00:00Z',
      chairName: 'Chair 2',
      planState: 'pending',
      confirmation: UNCONFIRMED,
    });
    const { api, user } = await renderApp({
      me: makeMe('nurse'),
      path: '/today',
      routes: {
        'GET /api/v1/appointments': { body: { items: [late, early] } },
        [`POST /api/v1/appointments/${early.id}/check-in`]: { status: 201, body: makeSession() },
      },
    });
    const rows = await screen.findAllByTestId('day-row');
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual(['09:00–11:00', '14:00–16:00']);
    const first = rows[0] as HTMLElement;
    expect(within(first).getByText('Grace Hopper')).toBeTruthy();
    expect(within(first).getByText('Escort not confirmed')).toBeTruthy();
    expect(within(first).getByText('Plan approval pending')).toBeTruthy();
    const second = rows[1] as HTMLElement;
    expect(within(second).getByText('Escort: Sam Lee (confirmed)')).toBeTruthy();
    expect(within(second).getByText('Plan approved')).toBeTruthy();
    expect(screen.getByText(/1 without a confirmed escort/)).toBeTruthy();

    await user.click(within(first).getByRole('button', { name: 'Check in Grace Hopper at 09:00' }));
    expect(api.callsTo('POST', `/api/v1/appointments/${early.id}/check-in`)).toHaveLength(1);
    // A dosing check-in opens the new session's page.
    await vi.waitFor(() => expect(window.location.pathname).toBe(`/sessions/${SID}`));
  });

  it('cancels with a reason from the list', async () => {
    const a = makeAppointment(1, { start: '2026-11-27T20:00:00Z', end: '2026-11-27T22:00:00Z' });
    const { api, user } = await renderApp({
      me: makeMe('front_desk'),
      path: '/today',
      routes: {
        'GET /api/v1/appointments': { body: { items: [a] } },
        [`POST /api/v1/appointments/${a.id}/cancel`]: { body: { ...a, status: 'cancelled' } },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Cancel Ada Lovelace at 14:00' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel appointment' });
    await user.type(within(dialog).getByLabelText(/Reason for cancelling/), 'Patient unwell');
    await user.click(within(dialog).getByRole('checkbox', { name: /Late cancellation/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel appointment' }));
    await screen.findByText('Today’s appointments');
    expect(api.callsTo('POST', `/api/v1/appointments/${a.id}/cancel`)[0]?.body).toEqual({
      reason: 'Patient unwell',
      late: true,
    });
  });
});
