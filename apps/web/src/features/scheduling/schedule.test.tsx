import type { Confirmation } from '@plasticity/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { apiError } from '../../test/mockApi.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { CHAIR_2, CHAIRS, CLINICIANS, makeAppointment, TYPES } from './testFixtures.ts';

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

export const scheduleRoutes = (items: unknown[]) => ({
  'GET /api/v1/chairs': { body: { items: CHAIRS } },
  'GET /api/v1/clinicians': { body: { items: CLINICIANS } },
  'GET /api/v1/appointment-types': { body: { items: TYPES } },
  'GET /api/v1/appointments': { body: { items } },
  'GET /api/v1/patients': {
    body: {
      items: [
        {
          id: makeAppointment(0).patientId,
          mrn: 'MRN-1',
          firstName: 'Ada',
          lastName: 'Lovelace',
          dateOfBirth: '1985-12-10',
          sex: 'female',
          phone: null,
          email: null,
          address: null,
          emergencyContact: null,
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
        },
      ],
      nextCursor: null,
    },
  },
});

// The first test loads the calendar's code (lazy route): a busy machine needs longer than the default.
describe('schedule calendar', { timeout: 45_000 }, () => {
  // jsdom has no hit testing; the calendar's slot selection asks for it on every mouse press.
  const had = 'elementFromPoint' in document;
  beforeAll(() => {
    if (!had) document.elementFromPoint = () => null;
  });
  afterAll(() => {
    if (!had) Reflect.deleteProperty(document, 'elementFromPoint');
  });

  it('lists the day’s appointments by chair at the clinic’s local time on a daylight-saving day', async () => {
    // 2026-11-01: Chicago falls back at 02:00; 16:00 UTC is 10:00 local (CST), 14:30 UTC is 08:30.
    const { api } = await renderApp({
      me: makeMe('front_desk'),
      path: '/schedule',
      routes: scheduleRoutes([
        makeAppointment(1),
        makeAppointment(2, {
          patientName: 'Grace Hopper',
          start: '2026-11-01T14:30:00Z',
          end: '2026-11-01T15:30:00Z',
          chairId: CHAIR_2,
          chairName: 'Chair 2',
          planState: 'pending',
          confirmation: UNCONFIRMED,
          flags: [{ code: 'outside_opening_hours', message: 'Outside opening hours' }],
        }),
      ]),
    });
    fireEvent.change(await screen.findByLabelText('Date shown', {}, { timeout: 15_000 }), {
      target: { value: '2026-11-01' },
    });
    await screen.findAllByTestId('calendar-event');
    // The day is asked for from local midnight to local midnight: 25 hours.
    const query = api.callsTo('GET', '/api/v1/appointments').at(-1)?.query;
    expect(query?.get('from')).toBe('2026-11-01T05:00:00Z');
    expect(query?.get('to')).toBe('2026-11-02T06:00:00Z');

    const headers = [...document.querySelectorAll('.rbc-row-resource .rbc-header')].map((h) => h.textContent);
    expect(headers).toEqual(['Chair 1', 'Chair 2']);
    const [first, second] = [...document.querySelectorAll<HTMLElement>('.rbc-day-slot')];
    const ada = within(first as HTMLElement).getByRole('button', { name: /Ada Lovelace/ });
    expect(ada.textContent).toContain('10:00–12:00');
    const grace = within(second as HTMLElement).getByRole('button', { name: /Grace Hopper/ });
    expect(grace.textContent).toContain('08:30–09:30');
    expect(grace.textContent).toContain('Plan approval pending');
    expect(grace.textContent).toContain('Escort not confirmed');
    expect(grace.textContent).toContain('Outside opening hours');
    expect(grace.tabIndex).toBe(0);
    // The calendar's own table roles without a table are removed (axe: critical); contrast needs a browser.
    const grid = document.querySelector('.rbc-time-view') as HTMLElement;
    const audit = await axe.run(grid, { rules: { 'color-contrast': { enabled: false } } });
    expect(audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // Keyboard: Enter on a focused event opens its details with the actions.
    grace.focus();
    fireEvent.keyDown(grace, { key: 'Enter' });
    const drawer = await screen.findByRole('dialog', { name: 'Dosing visit: Grace Hopper' });
    expect(within(drawer).getByText('2026-11-01 08:30–09:30 (120 min)')).toBeTruthy();
    expect(within(drawer).getByRole('button', { name: 'Check in' })).toBeTruthy();
    expect(within(drawer).getByRole('tab', { name: 'Cancel' })).toBeTruthy();
  });

  it('shows columns by clinician and moves an appointment from its details with a local date and time', async () => {
    const { api, user } = await renderApp({
      me: makeMe('front_desk'),
      path: '/schedule',
      routes: {
        ...scheduleRoutes([makeAppointment(1)]),
        'POST /api/v1/appointments/00000000-0000-4000-8000-000000009201/reschedule': apiError(
          409,
          'conflict',
          'Chair 2 is booked 2026-11-02 10:00–12:00',
        ),
      },
    });
    fireEvent.change(await screen.findByLabelText('Date shown', {}, { timeout: 15_000 }), {
      target: { value: '2026-11-01' },
    });
    await screen.findAllByTestId('calendar-event');
    await user.click(screen.getByText('By clinician'));
    expect([...document.querySelectorAll('.rbc-row-resource .rbc-header')].map((h) => h.textContent)).toEqual(
      ['Nora Nurse'],
    );
    await user.click(screen.getByRole('button', { name: /Ada Lovelace/ }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.change(within(drawer).getByLabelText('Date'), { target: { value: '2026-11-02' } });
    await user.click(within(drawer).getByRole('button', { name: 'Move appointment' }));
    expect(await within(drawer).findByText('Chair 2 is booked 2026-11-02 10:00–12:00')).toBeTruthy();
    const sent = api.callsTo('POST', '/api/v1/appointments/00000000-0000-4000-8000-000000009201/reschedule');
    // 10:00 on 2026-11-02 in Chicago (CST, UTC−6): the local time is kept across the change.
    expect(sent[0]?.body).toEqual({ start: '2026-11-02T16:00:00Z' });
  });

  it('books an appointment with the right body and shows a clash (409) as the server words it', async () => {
    const { api, user } = await renderApp({
      me: makeMe('front_desk'),
      path: '/schedule',
      routes: {
        ...scheduleRoutes([]),
        'POST /api/v1/appointments': apiError(409, 'conflict', 'Chair 2 is booked 2026-11-01 10:00–12:00'),
      },
    });
    await screen.findByLabelText('Date shown', {}, { timeout: 15_000 });
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));
    const dialog = await screen.findByRole('dialog', { name: 'Book appointment' });
    await user.type(within(dialog).getByRole('combobox', { name: 'Patient' }), 'Love');
    await user.click(
      await screen.findByRole('option', { name: 'Lovelace, Ada (MRN-1)' }, { timeout: 5_000 }),
    );
    await user.click(within(dialog).getByRole('combobox', { name: 'Type' }));
    await user.click(await screen.findByRole('option', { name: 'Dosing visit' }, { timeout: 5_000 }));
    fireEvent.change(within(dialog).getByLabelText(/^Date/), { target: { value: '2026-11-01' } });
    fireEvent.change(within(dialog).getByLabelText(/^Time/), { target: { value: '10:00' } });
    await user.click(within(dialog).getByRole('combobox', { name: 'Chair or room' }));
    await user.click(await screen.findByRole('option', { name: 'Chair 2' }, { timeout: 5_000 }));
    await user.click(within(dialog).getByRole('button', { name: 'Book' }));

    expect(await within(dialog).findByText('Chair 2 is booked 2026-11-01 10:00–12:00')).toBeTruthy();
    const body = api.callsTo('POST', '/api/v1/appointments')[0]?.body as Record<string, unknown>;
    // 10:00 on the autumn change day in Chicago is 16:00 UTC (CST).
    expect(body).toEqual({
      patientId: makeAppointment(0).patientId,
      type: 'dosing',
      start: '2026-11-01T16:00:00Z',
      chairId: CHAIR_2,
      protocolId: expect.any(String),
    });
    // Everything typed stays for another try.
    expect((within(dialog).getByLabelText(/^Time/) as HTMLInputElement).value).toBe('10:00');
  });
});
