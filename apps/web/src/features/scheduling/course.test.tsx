import type { TreatmentPlan } from '@plasticity/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient, uuid } from '../../test/fixtures.ts';
import { apiError } from '../../test/mockApi.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { CHAIR_1, CHAIRS, makeAppointment } from './testFixtures.ts';

const patient = makePatient();
const PLAN = uuid(700);
const plan: TreatmentPlan = {
  id: PLAN,
  patientId: patient.id,
  protocolId: uuid(710),
  protocolVersion: 1,
  protocolName: 'IV ketamine induction',
  route: 'iv',
  drug: 'ketamine',
  indications: ['trd'],
  targetInstruments: ['phq9'],
  plannedSessions: 6,
  sessionsCompleted: 0,
  progressPct: 0,
  eligibilityDecisionId: null,
  notes: null,
  prescribedDose: null,
  status: 'approved',
  statusReason: null,
  requiredConsents: [],
  missingConsents: [],
  approvedBy: null,
  approvedAt: null,
  activatedAt: null,
  endedAt: null,
  createdAt: '2026-10-01T00:00:00Z',
  history: [],
};
// 2026-10-30 and 2026-11-02 at 10:00 Chicago: CDT (UTC−5) before the change, CST (UTC−6) after.
const proposal = {
  planId: PLAN,
  protocolId: 'iv-ketamine',
  durationMin: 120,
  items: [
    {
      index: 1,
      start: '2026-10-30T15:00:00Z',
      end: '2026-10-30T17:00:00Z',
      chairId: CHAIR_1,
      chairName: 'Chair 1',
      clinicianId: null,
    },
    {
      index: 2,
      start: '2026-11-02T16:00:00Z',
      end: '2026-11-02T18:00:00Z',
      chairId: CHAIR_1,
      chairName: 'Chair 1',
      clinicianId: null,
    },
    {
      index: 3,
      start: '2026-11-04T16:00:00Z',
      end: '2026-11-04T18:00:00Z',
      chairId: CHAIR_1,
      chairName: 'Chair 1',
      clinicianId: null,
    },
  ],
  warnings: ['Only 3 of 6 visits fit before 2026-11-20'],
};

describe('course of visits on the plan', { timeout: 40_000 }, () => {
  it('proposes the induction, lets staff edit and remove visits, books them and shows a clash by visit', async () => {
    let attempts = 0;
    const { api, user } = await renderApp({
      me: makeMe('nurse'),
      path: `/patients/${patient.id}/plan`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET /api/v1/patients/${patient.id}/plans`]: { body: { items: [plan] } },
        'GET /api/v1/protocols': { body: { items: [] } },
        'GET /api/v1/chairs': { body: { items: CHAIRS } },
        'GET /api/v1/appointments': () =>
          attempts < 2
            ? { body: { items: [] } }
            : {
                body: {
                  items: [
                    makeAppointment(1, {
                      courseId: uuid(720),
                      courseIndex: 1,
                      start: '2026-10-30T15:00:00Z',
                    }),
                  ],
                },
              },
        [`POST /api/v1/plans/${PLAN}/course/proposal`]: { body: proposal },
        [`POST /api/v1/plans/${PLAN}/course`]: () => {
          attempts += 1;
          return attempts === 1
            ? apiError(409, 'conflict', 'Visit 2: Chair 2 is booked 2026-11-02 10:00–12:00', [
                {
                  field: 'body.items[1].start',
                  message: 'clashes with a visit in Chair 2 at 2026-11-02 10:00',
                },
              ])
            : { status: 201, body: { courseId: uuid(720), items: [] } };
        },
      },
    });
    const panel = await screen.findByRole('region', { name: 'Course of visits' }, { timeout: 10_000 });
    await user.click(within(panel).getByRole('button', { name: 'Book the induction' }));
    await user.click(within(panel).getByRole('checkbox', { name: 'Fri' }));
    await user.click(within(panel).getByRole('checkbox', { name: 'Sat' }));
    const times = within(panel).getByLabelText(/Preferred start times/);
    await user.clear(times);
    await user.type(times, '10:00, 14:30');
    fireEvent.change(within(panel).getByLabelText('Earliest date'), { target: { value: '2026-10-29' } });
    await user.click(within(panel).getByRole('button', { name: 'Propose visits' }));

    expect(await within(panel).findByText('Only 3 of 6 visits fit before 2026-11-20')).toBeTruthy();
    expect(api.callsTo('POST', `/api/v1/plans/${PLAN}/course/proposal`)[0]?.body).toEqual({
      earliestDate: '2026-10-29',
      preferredWeekdays: [1, 2, 3, 4, 6],
      preferredTimes: ['10:00', '14:30'],
    });
    // The visits read at the clinic's local time on both sides of the daylight-saving change.
    expect((within(panel).getByLabelText('Visit 1 time') as HTMLInputElement).value).toBe('10:00');
    expect((within(panel).getByLabelText('Visit 2 time') as HTMLInputElement).value).toBe('10:00');

    await user.click(within(panel).getByRole('button', { name: 'Remove visit 3' }));
    fireEvent.change(within(panel).getByLabelText('Visit 2 time'), { target: { value: '13:00' } });
    await user.click(within(panel).getByRole('button', { name: 'Book 2 visits' }));
    expect(await within(panel).findByText('Visit 2: Chair 2 is booked 2026-11-02 10:00–12:00')).toBeTruthy();
    expect(api.callsTo('POST', `/api/v1/plans/${PLAN}/course`)[0]?.body).toEqual({
      items: [
        { start: '2026-10-30T15:00:00Z', durationMin: 120, chairId: CHAIR_1 },
        { start: '2026-11-02T19:00:00Z', durationMin: 120, chairId: CHAIR_1 },
      ],
    });

    await user.click(within(panel).getByRole('button', { name: 'Book 2 visits' }));
    const booked = await within(panel).findByRole('table', { name: 'Booked visits of the course' });
    expect(within(booked).getByText('2026-10-30 10:00')).toBeTruthy();
    expect(within(booked).getByText('Booked')).toBeTruthy();
  });
});
