import type { MedicationEntry, MedicationLists } from '@plasticity/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const patient = makePatient();
const url = `/api/v1/patients/${patient.id}/medications`;
const entry = (over: Partial<MedicationEntry>): MedicationEntry => ({
  id: '00000000-0000-4000-8000-000000000a01',
  patientId: patient.id,
  kind: 'medication',
  name: 'Phenelzine',
  rxcui: '8123',
  dose: '15 mg',
  frequency: 'three times a day',
  reaction: null,
  classes: ['maoi', 'antidepressant'],
  source: 'patient',
  reportedVia: 'intake',
  reportedByName: 'Jordan Demoreaux',
  createdAt: '2026-03-02T15:00:00Z',
  status: 'active',
  reconciledAt: null,
  reconciledByName: null,
  stoppedAt: null,
  stoppedByName: null,
  stopReason: null,
  enteredInErrorAt: null,
  enteredInErrorByName: null,
  enteredInErrorReason: null,
  ...over,
});
const lists: MedicationLists = {
  medications: [entry({})],
  allergies: [
    entry({
      id: '00000000-0000-4000-8000-000000000a02',
      kind: 'allergy',
      name: 'Penicillin',
      rxcui: null,
      dose: null,
      frequency: null,
      reaction: 'rash',
      classes: [],
    }),
  ],
};

describe('chart tab "Medications & allergies"', () => {
  it('shows what the patient reported with its class in words, and reconciles the selected entries', async () => {
    const reconciled = {
      ...lists,
      medications: [entry({ reconciledAt: '2026-03-03T16:00:00Z', reconciledByName: 'Nora Nurse' })],
    };
    const { api, user } = await renderApp({
      me: makeMe('nurse'),
      path: `/patients/${patient.id}/medications`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET ${url}`]: { body: lists },
        [`POST ${url}/reconcile`]: { body: reconciled },
      },
    });
    const table = await screen.findByRole('table', { name: 'Medication list' });
    expect(within(table).getByText('Phenelzine')).toBeTruthy();
    expect(within(table).getByText('MAO inhibitor')).toBeTruthy();
    expect(within(table).getByText('Patient-reported (intake)')).toBeTruthy();
    expect(within(table).getByText('Active, not reconciled')).toBeTruthy();
    expect(within(table).queryByText('maoi')).toBeNull();
    await user.click(within(table).getByLabelText('Select Phenelzine to reconcile'));
    await user.click(screen.getByRole('button', { name: 'Reconcile selected (1)' }));
    expect(await screen.findByText(/Reconciled by Nora Nurse/)).toBeTruthy();
    expect(api.callsTo('POST', `${url}/reconcile`)[0]?.body).toEqual({
      entryIds: ['00000000-0000-4000-8000-000000000a01'],
    });
  });

  it('a therapist may add but not stop or reconcile', async () => {
    await renderApp({
      me: makeMe('therapist'),
      path: `/patients/${patient.id}/medications`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET ${url}`]: { body: lists },
      },
    });
    await screen.findByRole('table', { name: 'Medication list' });
    expect(screen.getByRole('button', { name: 'Add a medicine' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Reconcile selected/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop Phenelzine' })).toBeNull();
  });
});

describe('intake rows', () => {
  it('sends medicines, allergies and antidepressants tried as structured rows', async () => {
    const me = makeMe('patient');
    const { api, user } = await renderApp({
      me,
      path: '/intake',
      routes: { [`POST /api/v1/patients/${me.patientId}/intake`]: { status: 201, body: {} } },
    });
    const fill = async (el: HTMLElement, text: string) => {
      await user.click(el);
      await user.paste(text);
    };
    await user.click(await screen.findByLabelText('Depression'));
    await user.click(screen.getByRole('button', { name: 'Add an antidepressant tried' }));
    await fill(screen.getByRole('combobox', { name: 'Antidepressant 1' }), 'Sertraline');
    await fill(screen.getByLabelText('Antidepressant 1 dose'), '100 mg');
    await fill(screen.getByLabelText('Antidepressant 1 weeks taken'), '8');
    await user.selectOptions(screen.getByLabelText('Antidepressant 1 result'), 'No improvement');
    await user.click(screen.getByRole('button', { name: 'Add a medicine' }));
    await fill(screen.getByRole('combobox', { name: 'Medicine 1' }), 'Lorazepam');
    await fill(screen.getByLabelText('Medicine 1 dose'), '0.5 mg');
    await user.click(screen.getByRole('button', { name: 'Add an allergy' }));
    await fill(screen.getByRole('combobox', { name: 'Allergy 1' }), 'Penicillin');
    await user.click(screen.getByRole('button', { name: 'Submit my intake' }));
    const body = api.callsTo('POST', `/api/v1/patients/${me.patientId}/intake`)[0]?.body as Record<
      string,
      Record<string, unknown>
    >;
    expect(body.indications?.depression).toMatchObject({
      present: true,
      priorTrials: [{ drug: 'Sertraline', dose: '100 mg', durationWeeks: 8, outcome: 'no_response' }],
    });
    expect(body.medications?.entries).toEqual([{ name: 'Lorazepam', dose: '0.5 mg' }]);
    expect(body.allergyEntries).toEqual([{ name: 'Penicillin' }]);
  }, 40_000);
});
