import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { apiError } from '../../test/mockApi.ts';
import { renderApp } from '../../test/renderApp.tsx';
import type { ChecklistItem, SessionRecord } from './api.ts';
import { makeSession, SID } from './testSession.ts';

const item = (key: string, over: Partial<ChecklistItem>): ChecklistItem => ({
  key,
  label: key,
  kind: 'approval',
  blocking: true,
  allowNotApplicable: false,
  attested: false,
  passed: false,
  overridable: true,
  message: 'not confirmed',
  attestation: null,
  source: 'test',
  ...over,
});

function session(over: Partial<SessionRecord> = {}): SessionRecord {
  const base = makeSession(0);
  return makeSession(0, {
    status: 'pre_assessment',
    doseStartedAt: null,
    observationsDue: null,
    protocol: { ...base.protocol, drug: 'esketamine', route: 'intranasal' },
    checklistApplies: true,
    checklist: [
      item('plan_approved', {
        label: 'Treatment plan and dose approved by the prescriber',
        overridable: false,
        message: 'the approved plan is for IV ketamine; this session is intranasal esketamine',
      }),
      item('rems_enrolled', {
        label: 'Patient enrolled in the SPRAVATO REMS before first dose; setting certified',
        kind: 'regulatory',
        attested: true,
        message: "record the patient's REMS enrolment",
      }),
    ],
    ...over,
  });
}

const CHECK = `PUT /api/v1/sessions/${SID}/checklist/rems_enrolled`;

describe('pre-dose checklist', () => {
  it('records REMS enrolment with the patient’s identifier and date, and shows a refusal beside the field', async () => {
    let reply = apiError(400, 'validation_failed', 'body.remsEnrolmentId: is required', [
      {
        field: 'body.remsEnrolmentId',
        message: "is required: the patient's SPRAVATO REMS enrolment identifier",
      },
    ]);
    const { api, user } = await renderApp({
      me: makeMe('nurse'),
      path: `/sessions/${SID}`,
      routes: {
        [`GET /api/v1/sessions/${SID}`]: { body: session() },
        [CHECK]: () => reply,
      },
    });
    const form = await screen.findByTestId('rems-enrolment-form');
    expect(
      within(screen.getByTestId('check-rems_enrolled')).queryByRole('button', { name: /Confirm/ }),
    ).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Record REMS enrolment' }));
    expect(
      await within(form).findByText("is required: the patient's SPRAVATO REMS enrolment identifier"),
    ).toBeTruthy();
    expect(
      within(form)
        .getByLabelText(/Patient REMS enrolment ID/)
        .getAttribute('aria-invalid'),
    ).toBe('true');

    reply = { body: session() };
    await user.type(within(form).getByLabelText(/Patient REMS enrolment ID/), ' PT-778899 ');
    fireEvent.change(within(form).getByLabelText(/REMS enrolment date/), { target: { value: '2024-06-03' } });
    await user.click(within(form).getByRole('button', { name: 'Record REMS enrolment' }));
    expect(api.callsTo('PUT', `/api/v1/sessions/${SID}/checklist/rems_enrolled`).map((c) => c.body)).toEqual([
      { status: 'done' },
      { status: 'done', remsEnrolmentId: 'PT-778899', remsEnrolledOn: '2024-06-03' },
    ]);
  });

  it('marks a record for another drug as one no override passes, and offers no override for it', async () => {
    const { user } = await renderApp({
      me: makeMe('prescriber'),
      path: `/sessions/${SID}`,
      routes: {
        [`GET /api/v1/sessions/${SID}`]: { body: session() },
        [`POST /api/v1/sessions/${SID}/transition`]: apiError(
          409,
          'precondition_failed',
          'cannot move to dosing: the approved plan is for IV ketamine; this session is intranasal esketamine',
          [
            {
              field: 'checklist.plan_approved',
              message: 'the approved plan is for IV ketamine; this session is intranasal esketamine',
            },
          ],
        ),
      },
    });
    const plan = await screen.findByTestId('check-plan_approved');
    expect(within(plan).getByText('Cannot be overridden')).toBeTruthy();
    expect(within(screen.getByTestId('check-rems_enrolled')).queryByText('Cannot be overridden')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Move to dosing' }));
    const blocked = await screen.findByTestId('blocked');
    expect(within(blocked).getByTestId('not-overridable').textContent).toContain(
      'Treatment plan and dose approved by the prescriber',
    );
    expect(within(blocked).queryByRole('button', { name: 'Override and continue' })).toBeNull();
  });
});
