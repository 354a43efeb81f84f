import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const ALERT = {
  id: '00000000-0000-4000-8000-000000000901',
  patientId: makePatient().id,
  kind: 'suicide_risk',
  severity: 'critical',
  title: 'Suicide risk on PHQ-9 (mild): review now',
  sourceType: 'assessment',
  sourceId: null,
  parameter: 'phq9',
  value: '7',
  status: 'open',
  assignedTo: [makeMe('prescriber').id],
  escalatedAt: null,
  createdAt: '2026-11-27T15:00:00Z',
  ackBy: null,
  ackByName: null,
  ackAt: null,
  ackNote: null,
};

describe('alerts page', () => {
  it('lists open alerts with the patient and acknowledges with a required note', async () => {
    let open = [ALERT];
    const { api, user } = await renderApp({
      me: makeMe('prescriber'),
      path: '/alerts',
      routes: {
        'GET /api/v1/alerts': () => ({ body: { items: open } }),
        [`GET /api/v1/patients/${ALERT.patientId}`]: { body: makePatient() },
        [`POST /api/v1/alerts/${ALERT.id}/ack`]: (call) => {
          open = [];
          return {
            body: {
              ...ALERT,
              status: 'acknowledged',
              ackNote: (call.body as { note: string }).note,
              ackAt: '2026-11-27T15:05:00Z',
            },
          };
        },
      },
    });
    const card = (await screen.findByText(ALERT.title)).closest('.mantine-Card-root') as HTMLElement;
    expect(await within(card).findByText('Lovelace, Ada (MRN-0001)')).toBeTruthy();
    expect(within(card).getByText('assigned to you')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Acknowledge…' }));
    await user.click(within(card).getByRole('button', { name: 'Acknowledge' }));
    expect(await within(card).findByText(/Write what was done/)).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    await user.type(within(card).getByLabelText('Acknowledgement note'), 'Called; safe.');
    await user.click(within(card).getByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByText('No open alerts.')).toBeTruthy();
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ note: 'Called; safe.' });
    expect(post?.headers['x-csrf-token']).toBe('csrf-test-token');
  }, 30_000);
});
