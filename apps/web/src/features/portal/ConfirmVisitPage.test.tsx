import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { QueryProvider } from '../../app/query.tsx';
import { theme } from '../../app/theme.ts';
import { apiError, mockApi } from '../../test/mockApi.ts';
import { ConfirmVisitPage } from './ConfirmVisitPage.tsx';

const TOKEN = 'conf_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const PATH = `/api/v1/public/confirmations/${TOKEN}`;
const unconfirmed = {
  status: 'unconfirmed',
  confirmedAt: null,
  escortName: null,
  escortPhone: null,
  fastingConfirmed: false,
  noDrivingConfirmed: false,
  rescheduleRequestedAt: null,
  rescheduleNote: null,
};
const view = (confirmation = {}) => ({
  firstName: 'Ada',
  clinicName: 'Riverside Clinic',
  clinicAddress: '1 Main St, Raleigh, NC 27601',
  clinicPhone: '919-555-0100',
  start: '2026-12-08T15:00:00Z',
  startText: '2026-12-08 10:00 EST',
  typeLabel: 'Dosing visit',
  instructions: ['Fasting: no food for at least 2 h and no liquids for at least 30 min before dosing.'],
  fastingRule: 'no food for at least 2 h and no liquids for at least 30 min before dosing',
  confirmation: { ...unconfirmed, ...confirmation },
});

const renderPage = () =>
  render(
    <MantineProvider theme={theme} env="test">
      <QueryProvider>
        <ConfirmVisitPage params={{ token: TOKEN }} />
      </QueryProvider>
    </MantineProvider>,
  );

describe('public visit confirmation page', () => {
  it('shows the visit, names missing answers, then sends the confirmation and shows it confirmed', async () => {
    const api = mockApi({
      [`GET ${PATH}`]: { body: view() },
      [`POST ${PATH}`]: {
        body: view({
          status: 'confirmed',
          confirmedAt: '2026-12-06T12:00:00Z',
          escortName: 'Grace Hopper',
          escortPhone: '919-555-0199',
          fastingConfirmed: true,
          noDrivingConfirmed: true,
        }),
      },
    });
    const user = userEvent.setup();
    renderPage();
    expect(await screen.findByText('2026-12-08 10:00 EST')).toBeTruthy();
    expect(screen.getByText(/Hello Ada/)).toBeTruthy();
    expect(screen.getByText('1 Main St, Raleigh, NC 27601')).toBeTruthy();
    expect(screen.getByText(/^Fasting: no food for at least 2 h/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Confirm my visit' }));
    expect(await screen.findByText('Please enter your escort’s name')).toBeTruthy();
    expect(screen.getByText('Please confirm you will not drive')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    await user.type(screen.getByLabelText(/Escort’s name/), 'Grace Hopper');
    await user.type(screen.getByLabelText(/Escort’s phone/), '919-555-0199');
    await user.click(screen.getByLabelText(/I will not eat or drink .*no liquids for at least 30 min/));
    await user.click(screen.getByLabelText('I will not drive until the next day'));
    await user.click(screen.getByRole('button', { name: 'Confirm my visit' }));
    expect(await screen.findByText('Your visit is confirmed')).toBeTruthy();
    expect(screen.getByText(/Grace Hopper will take you home/)).toBeTruthy();
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({
      action: 'confirm',
      escortName: 'Grace Hopper',
      escortPhone: '919-555-0199',
      fastingConfirmed: true,
      noDrivingConfirmed: true,
    });
    expect(window.localStorage.length + window.sessionStorage.length).toBe(0);
  }, 30_000);

  it('sends a reschedule request with the note', async () => {
    const api = mockApi({
      [`GET ${PATH}`]: { body: view() },
      [`POST ${PATH}`]: {
        body: view({
          status: 'reschedule_requested',
          rescheduleRequestedAt: '2026-12-06T12:00:00Z',
          rescheduleNote: 'Mornings only',
        }),
      },
    });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'I need to reschedule' }));
    await user.type(screen.getByLabelText(/Note for the clinic/), 'Mornings only');
    await user.click(screen.getByRole('button', { name: 'Ask to reschedule' }));
    expect(await screen.findByText('We got your request')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      action: 'reschedule',
      note: 'Mornings only',
    });
  }, 30_000);

  it('shows a field error the server names beside its field', async () => {
    mockApi({
      [`GET ${PATH}`]: { body: view() },
      [`POST ${PATH}`]: apiError(400, 'validation_failed', 'body.escortPhone: invalid', [
        { field: 'body.escortPhone', message: 'may contain only digits, spaces and + ( ) - .' },
      ]),
    });
    const user = userEvent.setup();
    renderPage();
    await user.type(await screen.findByLabelText(/Escort’s name/), 'Grace Hopper');
    await user.type(screen.getByLabelText(/Escort’s phone/), 'call me');
    await user.click(screen.getByLabelText(/I will not eat or drink/));
    await user.click(screen.getByLabelText('I will not drive until the next day'));
    await user.click(screen.getByRole('button', { name: 'Confirm my visit' }));
    expect(await screen.findByText(/may contain only digits/)).toBeTruthy();
    expect(screen.queryByText('Your visit is confirmed')).toBeNull();
  }, 30_000);

  it('answers an expired or used link calmly, with the clinic’s phone when given', async () => {
    mockApi({
      [`GET ${PATH}`]: apiError(410, 'link_expired', 'link expired', [
        { message: 'link expired', clinicPhone: '919-555-0100' },
      ]),
    });
    renderPage();
    expect(await screen.findByText('This link can’t be used')).toBeTruthy();
    expect(screen.getByText(/This link has expired/)).toBeTruthy();
    expect(screen.getByText(/call the clinic at 919-555-0100/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Confirm my visit' })).toBeNull();
  }, 30_000);

  it('says a used link was used', async () => {
    mockApi({ [`GET ${PATH}`]: apiError(410, 'link_used', 'link used') });
    renderPage();
    expect(await screen.findByText(/already been used/)).toBeTruthy();
    expect(screen.getByText(/please call the clinic\./)).toBeTruthy();
  }, 30_000);
});
