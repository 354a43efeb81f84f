import { MantineProvider } from '@mantine/core';
import { cssrsScreen, phq9 } from '@plasticity/clinical/instruments';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { QueryProvider } from '../../app/query.tsx';
import { theme } from '../../app/theme.ts';
import { apiError, mockApi } from '../../test/mockApi.ts';
import { SelfReportPage } from './SelfReportPage.tsx';

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const renderPage = () =>
  render(
    <MantineProvider theme={theme} env="test">
      <QueryProvider>
        <SelfReportPage params={{ token: TOKEN }} />
      </QueryProvider>
    </MantineProvider>,
  );

describe('public self-report page', () => {
  it('shows the clinic and the form, refuses gaps, shows crisis resources on a flagged submit', async () => {
    const api = mockApi({
      [`GET /api/v1/self-report/${TOKEN}`]: {
        body: { clinicName: 'Riverside Clinic', expiresAt: '2026-12-01T00:00:00Z', instruments: [phq9] },
      },
      [`POST /api/v1/self-report/${TOKEN}`]: {
        body: {
          crisis: true,
          message: 'Your answers may not be read immediately.',
          resources: [{ name: '988 Suicide & Crisis Lifeline', contact: '988', how: 'Call or text 988' }],
        },
      },
    });
    const user = userEvent.setup();
    renderPage();
    expect(await screen.findByText('Riverside Clinic')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByText(/Some questions are not answered yet/)).toBeTruthy();
    for (let i = 1; i <= 9; i++) {
      const group = screen.getByRole('radiogroup', { name: new RegExp(`^${i}\\. `) });
      const options = group.querySelectorAll('input[type=radio]');
      await user.click(options[i === 9 ? 1 : 0] as HTMLElement);
    }
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByText(/If you need help now/)).toBeTruthy();
    expect(screen.getAllByText(/988/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/911/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/may not be read immediately/).length).toBeGreaterThan(0);
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ responses: [{ instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 1] }] });
  }, 30_000);

  it('asks the C-SSRS follow-up only after a yes to item 6 and sends not-asked questions as 0', async () => {
    const api = mockApi({
      [`GET /api/v1/self-report/${TOKEN}`]: {
        body: {
          clinicName: 'Riverside Clinic',
          expiresAt: '2026-12-01T00:00:00Z',
          instruments: [cssrsScreen],
        },
      },
      [`POST /api/v1/self-report/${TOKEN}`]: {
        body: { crisis: true, message: 'Your answers may not be read immediately.', resources: [] },
      },
    });
    const user = userEvent.setup();
    renderPage();
    await screen.findByText('Riverside Clinic');
    const group = (n: number) => screen.getByRole('radiogroup', { name: new RegExp(`^${n}\\. `) });
    // Items 1, 2 and 6 first: 3–5 wait for a yes to 2, the follow-up 7 for a yes to 6.
    expect(screen.getAllByRole('radiogroup')).toHaveLength(3);
    expect(screen.queryByRole('radiogroup', { name: /^7\. / })).toBeNull();
    await user.click(within(group(1)).getByLabelText('No'));
    await user.click(within(group(2)).getByLabelText('No'));
    await user.click(within(group(6)).getByLabelText('Yes'));
    expect(screen.getByRole('radiogroup', { name: '7. Was this within the past 3 months?' })).toBeTruthy();
    expect(screen.queryByRole('radiogroup', { name: /^3\. / })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByText(/Some questions are not answered yet/)).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    await user.click(within(group(7)).getByLabelText('No'));
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByText(/If you need help now/)).toBeTruthy();
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({
      responses: [{ instrument: 'cssrs_screen', answers: [0, 0, 0, 0, 0, 1, 0] }],
    });
  }, 30_000);

  it('hides and clears the follow-up again when item 6 goes back to no', async () => {
    const api = mockApi({
      [`GET /api/v1/self-report/${TOKEN}`]: {
        body: {
          clinicName: 'Riverside Clinic',
          expiresAt: '2026-12-01T00:00:00Z',
          instruments: [cssrsScreen],
        },
      },
      [`POST /api/v1/self-report/${TOKEN}`]: { body: { crisis: false, message: 'Thank you.' } },
    });
    const user = userEvent.setup();
    renderPage();
    await screen.findByText('Riverside Clinic');
    const group = (n: number) => screen.getByRole('radiogroup', { name: new RegExp(`^${n}\\. `) });
    await user.click(within(group(1)).getByLabelText('No'));
    await user.click(within(group(2)).getByLabelText('Yes'));
    for (const n of [3, 4, 5]) await user.click(within(group(n)).getByLabelText('No'));
    await user.click(within(group(6)).getByLabelText('Yes'));
    await user.click(within(group(7)).getByLabelText('Yes'));
    await user.click(within(group(6)).getByLabelText('No'));
    expect(screen.queryByRole('radiogroup', { name: /^7\. / })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    await screen.findByText(/Your answers were sent/);
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({
      responses: [{ instrument: 'cssrs_screen', answers: [0, 1, 0, 0, 0, 0, 0] }],
    });
  }, 30_000);

  it('shows a friendly page for a used link', async () => {
    mockApi({ [`GET /api/v1/self-report/${TOKEN}`]: apiError(410, 'link_used') });
    renderPage();
    expect(await screen.findByText('This link can’t be used')).toBeTruthy();
    expect(screen.getByText(/already been used/)).toBeTruthy();
  });
});
