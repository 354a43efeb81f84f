import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { apiError } from '../../test/mockApi.ts';
import { renderApp } from '../../test/renderApp.tsx';

const SLOT = {
  id: '00000000-0000-4000-8000-000000000801',
  type: 'follow_up',
  typeLabel: 'Follow-up',
  start: '2026-12-09T15:00:00Z',
  end: '2026-12-09T15:30:00Z',
  clinicianId: null,
  clinicianName: null,
  chairId: null,
};

describe('staff online booking', () => {
  it('opens times in the clinic’s zone, shows a refused type beside its field, and withdraws a time', async () => {
    let posts = 0;
    const { api, user } = await renderApp({
      me: makeMe('front_desk'),
      path: '/online-booking',
      routes: {
        'GET /api/v1/appointment-slots': { body: { items: [SLOT] } },
        'POST /api/v1/appointment-slots': () =>
          ++posts === 1
            ? apiError(400, 'validation_failed', 'body.type: not open', [
                { field: 'body.type', message: 'Therapy session is not open for booking on the portal' },
              ])
            : {
                status: 201,
                body: { items: [SLOT, { ...SLOT, id: '00000000-0000-4000-8000-000000000802' }] },
              },
        [`POST /api/v1/appointment-slots/${SLOT.id}/withdraw`]: { body: SLOT },
      },
    });
    await screen.findByRole('heading', { name: 'Online booking' });
    await user.selectOptions(screen.getByLabelText('Visit'), 'therapy');
    await user.clear(screen.getByLabelText('Date'));
    await user.type(screen.getByLabelText('Date'), '2026-12-09');
    await user.clear(screen.getByLabelText('First start'));
    await user.type(screen.getByLabelText('First start'), '09:00');
    await user.clear(screen.getByLabelText(/How many/));
    await user.type(screen.getByLabelText(/How many/), '2');
    await user.click(screen.getByRole('button', { name: 'Open times' }));
    expect(await screen.findByText(/Therapy session is not open for booking/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Visit'), 'follow_up');
    await user.click(screen.getByRole('button', { name: 'Open times' }));
    expect(await screen.findByText('Opened 2 times.')).toBeTruthy();
    const bodies = api.calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/appointment-slots');
    // America/Chicago (the test clinic): 09:00 local is 15:00 UTC in December.
    expect(bodies.map((c) => c.body)).toEqual([
      { type: 'therapy', start: '2026-12-09T15:00:00.000Z', count: 2 },
      { type: 'follow_up', start: '2026-12-09T15:00:00.000Z', count: 2 },
    ]);
    const day = screen.getByRole('region', { name: '2026-12-09' });
    await user.click(within(day).getByRole('button', { name: 'Withdraw Follow-up on 2026-12-09 at 09:00' }));
    await screen.findByRole('region', { name: '2026-12-09' });
    expect(api.calls.some((c) => c.path === `/api/v1/appointment-slots/${SLOT.id}/withdraw`)).toBe(true);
  }, 30_000);
});
