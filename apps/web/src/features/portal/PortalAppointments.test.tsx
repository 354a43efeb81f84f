import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const appt = (over = {}) => ({
  id: '00000000-0000-4000-8000-000000000901',
  type: 'dosing',
  typeLabel: 'Dosing visit',
  status: 'booked',
  start: '2026-12-08T16:00:00Z',
  end: '2026-12-08T18:30:00Z',
  clinicName: 'Riverside Clinic',
  clinicAddress: '1 Main St, Chicago, IL',
  clinicPhone: '312-555-0100',
  placeName: 'Chair 3',
  clinicianName: null,
  instructions: ['Fasting: no food for 4–6 h, clear fluids until 2 h before dosing.'],
  canCancel: false,
  cancelDeadline: null,
  cancelNote: 'To cancel or move this visit, please call the clinic at 312-555-0100.',
  bookedVia: 'staff',
  ...over,
});
const followUp = appt({
  id: '00000000-0000-4000-8000-000000000902',
  type: 'follow_up',
  typeLabel: 'Follow-up',
  start: '2026-12-10T15:00:00Z',
  end: '2026-12-10T15:30:00Z',
  placeName: null,
  instructions: [],
  canCancel: true,
  cancelDeadline: '2026-12-09T15:00:00Z',
  cancelNote: null,
});
const SLOT2 = '00000000-0000-4000-8000-000000000802';
const slot = (id: number, start: string, type = 'integration') => ({
  id: `00000000-0000-4000-8000-00000000080${id}`,
  type,
  typeLabel: type === 'integration' ? 'Integration session' : 'Follow-up',
  start,
  end: new Date(new Date(start).getTime() + 3_600_000).toISOString(),
  clinicianId: null,
  clinicianName: 'Dr. Rivera',
  chairId: null,
});

describe('portal appointments', () => {
  it('lists upcoming visits in the clinic’s time with place and preparation, and cancels a follow-up', async () => {
    let cancelled = false;
    const { api, user } = await renderApp({
      me: makeMe('patient'),
      path: '/my-appointments',
      routes: {
        'GET /api/v1/portal/appointments': () => ({
          body: { items: cancelled ? [appt()] : [appt(), followUp] },
        }),
        [`POST /api/v1/portal/appointments/${followUp.id}/cancel`]: () => {
          cancelled = true;
          return { body: { ...followUp, status: 'cancelled', canCancel: false } };
        },
      },
    });
    // America/Chicago: 16:00Z is 10:00 local.
    const dosing = await screen.findByRole('article', { name: '2026-12-08 at 10:00' });
    expect(within(dosing).getByText(/Chair 3, Riverside Clinic/)).toBeTruthy();
    expect(within(dosing).getByText(/clear fluids until 2 h/)).toBeTruthy();
    expect(within(dosing).getByText(/call the clinic at 312-555-0100/)).toBeTruthy();
    expect(within(dosing).queryByRole('button', { name: 'Cancel visit' })).toBeNull();
    const fu = screen.getByRole('article', { name: '2026-12-10 at 09:00' });
    expect(within(fu).getByText(/cancel online until 2026-12-09 09:00/)).toBeTruthy();
    await user.click(within(fu).getByRole('button', { name: 'Cancel visit' }));
    await user.click(within(fu).getByRole('button', { name: 'Yes, cancel the visit' }));
    await screen.findByText(/Dosing visit · until/);
    expect(api.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/cancel'))).toHaveLength(1);
    expect(await screen.findAllByRole('article')).toHaveLength(1);
  }, 30_000);

  it('books an open slot from the list by day', async () => {
    const { api, user } = await renderApp({
      me: makeMe('patient'),
      path: '/my-appointments/book',
      routes: {
        'GET /api/v1/portal/slots': (call) => ({
          body: {
            items:
              call.query.get('type') === 'follow_up'
                ? [slot(3, '2026-12-12T15:00:00Z', 'follow_up')]
                : [
                    slot(1, '2026-12-09T15:00:00Z'),
                    slot(2, '2026-12-09T17:00:00Z'),
                    slot(3, '2026-12-12T15:00:00Z', 'follow_up'),
                  ],
          },
        }),
        [`POST /api/v1/portal/slots/${SLOT2}/book`]: {
          status: 201,
          body: appt({
            id: '00000000-0000-4000-8000-000000000903',
            type: 'integration',
            typeLabel: 'Integration session',
            start: '2026-12-09T17:00:00Z',
            end: '2026-12-09T18:00:00Z',
            instructions: [],
            canCancel: true,
            cancelDeadline: '2026-12-08T17:00:00Z',
            cancelNote: null,
            bookedVia: 'portal',
          }),
        },
      },
    });
    const day = await screen.findByRole('region', { name: 'Wednesday 2026-12-09' });
    expect(within(day).getAllByRole('button', { name: /^Book / })).toHaveLength(2);
    expect(screen.getByRole('region', { name: 'Saturday 2026-12-12' })).toBeTruthy();
    await user.click(
      within(day).getByRole('button', { name: 'Book Integration session on Wednesday 2026-12-09 at 11:00' }),
    );
    expect(await screen.findByText('Your visit is booked')).toBeTruthy();
    expect(screen.getByText(/Integration session on 2026-12-09 at 11:00/)).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      `/api/v1/portal/slots/${SLOT2}/book`,
    ]);
    await user.click(screen.getByRole('radio', { name: 'Follow-up' }));
    await screen.findByText(/Follow-up with Dr. Rivera/);
    expect(screen.queryByRole('region', { name: 'Wednesday 2026-12-09' })).toBeNull();
  }, 30_000);
});
