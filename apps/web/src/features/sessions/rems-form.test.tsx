import type { SessionStatus } from '@plasticity/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { apiError, type Reply } from '../../test/mockApi.ts';
import { renderApp } from '../../test/renderApp.tsx';
import type { RemsForm } from './api.ts';
import { makeSession, SID } from './testSession.ts';

const FORM = `/api/v1/sessions/${SID}/rems-form`;

function remsForm(overrides: Partial<RemsForm> = {}): RemsForm {
  return {
    sessionId: SID,
    status: 'draft',
    timeZone: 'America/Chicago',
    submittedAt: null,
    submittedAtLocal: null,
    patient: { name: 'Ada Lovelace', dateOfBirth: '1980-01-01', sex: 'female' },
    firstTreatment: true,
    enrolmentConfirmed: true,
    enrolment: {
      patientEnrolmentId: 'PT-1234',
      enrolledOn: '2026-10-01',
      settingCertificationId: 'HCS-9',
      settingCertifiedOn: '2025-02-03',
    },
    concomitant: {
      benzodiazepines: null,
      nonBenzodiazepineHypnotics: null,
      psychostimulants: null,
      maois: null,
      opioids: null,
    },
    monitoringClinician: { name: 'Dr Pat Prescriber', email: 'pat@clinic.test' },
    settingAddress: 'Riverside Clinic, 1 Main St',
    treatmentDate: '2026-11-27',
    firstDeviceAt: '2026-11-27T15:10:00Z',
    firstDeviceAtLocal: '2026-11-27 09:10',
    dose: { mg: 84, category: '84', lots: ['ESK-1'] },
    totalMonitoringMin: null,
    readyToLeaveMin: null,
    vitalsAcceptablePreDose: true,
    vitalsAcceptableAtCompletion: null,
    bp: {
      preDose: {
        at: '2026-11-27T15:00:00Z',
        atLocal: '2026-11-27 09:00',
        sbp: 132,
        dbp: 84,
        minutesAfterFirstDevice: -10,
        source: 'manual',
        confirmed: true,
      },
      at40Min: null,
      beforeCompletion: null,
    },
    sedation: true,
    dissociation: false,
    respiratoryDepression: false,
    seriousAdverseEvents: 'None',
    flags: [
      { field: 'bp.at40Min', message: 'no blood pressure recorded 30–50 minutes after the first device' },
    ],
    generatedAt: '2026-11-27T16:00:00Z',
    generatedAtLocal: '2026-11-27 10:00',
    ...overrides,
  };
}

async function open(status: SessionStatus, put: (body: unknown) => Reply) {
  const s = makeSession(30, {
    status,
    rems: { submittedAt: null },
    protocol: { ...makeSession().protocol, drug: 'esketamine', route: 'intranasal' },
    observationsDue: status === 'discharged' ? null : makeSession().observationsDue,
  });
  const r = await renderApp({
    me: makeMe('nurse'),
    path: `/sessions/${SID}`,
    routes: {
      [`GET /api/v1/sessions/${SID}`]: { body: s },
      [`GET ${FORM}`]: { body: remsForm() },
      [`PUT ${FORM}`]: (call) => put(call.body),
    },
  });
  return { ...r, card: await screen.findByTestId('rems-form') };
}

describe('REMS form editor', () => {
  it('shows the pre-filled values read-only and sends only the clinician’s changes', async () => {
    const { api, user, card } = await open('monitoring', (body) => ({
      body: remsForm({ ...(body as Partial<RemsForm>) }),
    }));
    const pre = within(card).getByTestId('rems-prefilled');
    expect(pre.textContent).toContain('84 mg (84) · lot ESK-1');
    expect(pre.textContent).toContain('132/84 at 2026-11-27 09:00');
    expect(pre.textContent).toContain('Times in America/Chicago');
    expect(pre.textContent).toContain('Patient PT-1234 (enrolled 2026-10-01)');
    expect(pre.textContent).toContain('certification HCS-9 (certified 2025-02-03)');
    expect(pre.textContent).toContain('– (no blood pressure recorded 30–50 minutes after the first device)');
    expect(within(card).getByTestId('rems-flags').textContent).toContain(
      'no blood pressure recorded 30–50 minutes after the first device',
    );
    expect(within(pre).queryByRole('textbox')).toBeNull();
    expect((within(card).getByLabelText('Sedation observed') as HTMLInputElement).checked).toBe(true);
    const save = within(card).getByRole('button', { name: 'Save REMS form' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    expect((within(card).getByRole('button', { name: 'Mark submitted' }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    await user.click(
      within(within(card).getByRole('radiogroup', { name: 'Benzodiazepines' })).getByLabelText('Yes'),
    );
    await user.click(
      within(card)
        .getByRole('radiogroup', { name: 'Opioids' })
        .querySelector('input[value="no"]') as HTMLElement,
    );
    await user.type(within(card).getByLabelText('Clinician phone'), '919-555-0100');
    await user.click(within(card).getByLabelText('Sedation observed'));
    await user.click(save);
    expect(api.callsTo('PUT', FORM).map((c) => c.body)).toEqual([
      {
        concomitant: { benzodiazepines: true, opioids: false },
        monitoringClinician: { name: 'Dr Pat Prescriber', email: 'pat@clinic.test', phone: '919-555-0100' },
        sedation: false,
      },
    ]);
  });

  it('shows a field error from the API beside the clinician’s email', async () => {
    const { user, card } = await open('monitoring', () =>
      apiError(400, 'validation_failed', 'body.monitoringClinician.email: too long', [
        { field: 'body.monitoringClinician.email', message: 'Too long' },
      ]),
    );
    await user.type(within(card).getByLabelText('Clinician email'), 'x');
    await user.click(within(card).getByRole('button', { name: 'Save REMS form' }));
    const email = within(card).getByLabelText('Clinician email');
    await screen.findByText('Too long');
    expect(email.getAttribute('aria-invalid')).toBe('true');
  });

  it('marks the form submitted once the session is discharged', async () => {
    const { api, user, card } = await open('discharged', () => ({
      body: remsForm({
        status: 'final',
        submittedAt: '2026-11-27T18:00:00Z',
        submittedAtLocal: '2026-11-27 12:00',
      }),
    }));
    await user.click(within(card).getByRole('button', { name: 'Mark submitted' }));
    expect(api.callsTo('PUT', FORM).map((c) => c.body)).toEqual([{ submitted: true }]);
    expect(await within(card).findByText('submitted 2026-11-27 12:00')).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Mark submitted' })).toBeNull();
  });
});

describe('REMS forms list', () => {
  it('shows treatment and due times in the clinic’s zone and the session phase as a label', async () => {
    await renderApp({
      me: makeMe('nurse'),
      path: '/rems-forms',
      routes: {
        'GET /api/v1/rems-forms/pending': {
          body: {
            items: [
              {
                sessionId: SID,
                patientId: '00000000-0000-4000-8000-000000000500',
                patientName: 'Ada Lovelace',
                treatmentDate: '2026-11-27T03:30:00.000Z',
                dueBy: '2026-12-04T03:30:00.000Z',
                overdue: false,
                status: 'monitoring',
              },
            ],
          },
        },
      },
    });
    const row = (await screen.findByText('Ada Lovelace')).closest('tr') as HTMLElement;
    // 03:30 UTC is the evening before in Chicago.
    expect(row.textContent).toContain('2026-11-26 21:30');
    expect(row.textContent).toContain('2026-12-03 21:30');
    expect(within(row).getByText('Monitoring')).toBeTruthy();
    expect(screen.getByText(/Times in America\/Chicago/)).toBeTruthy();
  });
});
