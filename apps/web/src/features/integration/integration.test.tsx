import type { PreparationRecord, WorklistItem } from '@plasticity/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient, uuid } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { CHAIRS, CLINICIANS, makeAppointment, TYPES } from '../scheduling/testFixtures.ts';

const patient = makePatient();
const INTEGRATION_TYPE = {
  type: 'integration' as const,
  label: 'Integration session',
  durationMin: 60,
  chairKind: 'therapy_room' as const,
  roles: ['therapist' as const],
  bufferMin: 10,
  selfBookable: true,
  cancelNoticeHours: 24,
  isDefault: true,
};
const item = (n: number, over: Partial<WorklistItem> = {}): WorklistItem => ({
  patientId: patient.id,
  sessionId: uuid(700 + n),
  dueFrom: '2026-03-03T15:00:00Z',
  dueBy: '2026-03-05T15:00:00Z',
  status: 'due',
  patientName: `${patient.firstName} ${patient.lastName}`,
  dischargedAt: '2026-03-02T15:00:00Z',
  protocolName: 'IV racemic ketamine for treatment-resistant depression',
  appointmentId: null,
  appointmentStart: null,
  ...over,
});

describe('integration worklist', () => {
  it('shows due, overdue and booked visits and books one for the patient with the integration type', async () => {
    let items = [
      item(1),
      item(2, { status: 'overdue' }),
      item(3, { status: 'booked', appointmentId: uuid(900), appointmentStart: '2026-03-04T16:00:00Z' }),
    ];
    const { api, user } = await renderApp({
      me: makeMe('therapist'),
      path: '/integration',
      routes: {
        'GET /api/v1/integration/worklist': () => ({ body: { items } }),
        'GET /api/v1/chairs': { body: { items: CHAIRS } },
        'GET /api/v1/clinicians': { body: { items: CLINICIANS } },
        'GET /api/v1/appointment-types': { body: { items: [...TYPES, INTEGRATION_TYPE] } },
        'POST /api/v1/appointments': () => {
          items = items.filter((i) => i.status !== 'due');
          return { status: 201, body: makeAppointment(1, { type: 'integration', patientId: patient.id }) };
        },
      },
    });
    const table = await screen.findByRole('table', { name: 'Integration visits' }, { timeout: 10_000 });
    const rows = within(table).getAllByTestId('worklist-row');
    expect(rows).toHaveLength(3);
    expect(within(rows[0] as HTMLElement).getByText('Due')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Overdue')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('Booked')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).queryByRole('button', { name: /Book/ })).toBeNull();
    // Contrast needs a browser (the page-text journey checks it).
    const audit = await axe.run(table, { rules: { 'color-contrast': { enabled: false } } });
    expect(audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    await user.click(within(rows[0] as HTMLElement).getByRole('button', { name: /Book integration visit/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Book appointment' });
    await expect
      .poll(() => (within(dialog).getByRole('combobox', { name: 'Type' }) as HTMLInputElement).value)
      .toBe('Integration session');
    fireEvent.change(within(dialog).getByLabelText(/^Date/), { target: { value: '2026-03-04' } });
    fireEvent.change(within(dialog).getByLabelText(/^Time/), { target: { value: '10:00' } });
    await user.click(within(dialog).getByRole('button', { name: 'Book' }));
    await expect.poll(() => api.callsTo('POST', '/api/v1/appointments').length).toBe(1);
    const body = api.callsTo('POST', '/api/v1/appointments')[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ patientId: patient.id, type: 'integration' });
    expect(typeof body.start).toBe('string');
    await expect.poll(() => screen.queryAllByTestId('worklist-row').length, { timeout: 5_000 }).toBe(2);
  });
});

describe('preparation on the treatment plan tab', () => {
  it('lets a therapist record intentions and a support person, then shows them', async () => {
    const record: PreparationRecord = {
      id: uuid(600),
      patientId: patient.id,
      intentions: 'Come back to my music.',
      supportPerson: { name: 'Robin Ortega', relationship: 'Partner', phone: '919-555-0144' },
      planId: null,
      appointmentId: null,
      recordedBy: { id: uuid(1), name: 'Theo Therapist' },
      recordedAt: '2026-03-01T15:00:00Z',
    };
    let current: PreparationRecord | null = null;
    const { api, user } = await renderApp({
      me: makeMe('therapist'),
      path: `/patients/${patient.id}/plan`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET /api/v1/patients/${patient.id}/plans`]: { body: { items: [] } },
        'GET /api/v1/protocols': { body: { items: [] } },
        [`GET /api/v1/patients/${patient.id}/preparation`]: () => ({
          body: { current, items: current ? [current] : [] },
        }),
        [`POST /api/v1/patients/${patient.id}/preparation`]: () => {
          current = record;
          return { status: 201, body: record };
        },
      },
    });
    const card = await screen.findByRole('region', { name: 'Preparation visit' }, { timeout: 10_000 });
    expect(within(card).getByText('No preparation visit recorded yet.')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Record preparation' }));
    await user.type(within(card).getByLabelText(/Intentions for the course/), 'Come back to my music.');
    await user.type(within(card).getByLabelText('Support person'), 'Robin Ortega');
    await user.type(within(card).getByLabelText('Relationship'), 'Partner');
    await user.type(within(card).getByLabelText('Phone'), '919-555-0144');
    await user.click(within(card).getByRole('button', { name: 'Save preparation' }));
    expect(await within(card).findByText(/Robin Ortega \(Partner\), 919-555-0144/)).toBeTruthy();
    expect(api.callsTo('POST', `/api/v1/patients/${patient.id}/preparation`)[0]?.body).toEqual({
      intentions: 'Come back to my music.',
      supportPerson: { name: 'Robin Ortega', relationship: 'Partner', phone: '919-555-0144' },
    });
  });
});
