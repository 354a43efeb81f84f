import { defaultProtocols } from '@plasticity/clinical/protocols';
import type { ProtocolItem } from '@plasticity/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient } from '../../test/fixtures.ts';
import { apiError } from '../../test/mockApi.ts';
import { renderApp } from '../../test/renderApp.tsx';

const patient = makePatient();
const protocols: ProtocolItem[] = defaultProtocols().map((p, i) => ({
  id: `00000000-0000-4000-8000-00000000070${i}`,
  key: p.id,
  name: p.name,
  route: p.route,
  drug: p.drug,
  version: 1,
  status: 'active',
  active: true,
  isDefault: true,
  current: true,
  changeNote: null,
  createdAt: '2026-01-01T00:00:00Z',
  protocol: p as unknown as Record<string, unknown>,
}));
const iv = protocols[0] as ProtocolItem;

describe('treatment plan tab: dose calculator', () => {
  it('shows a refused dose plainly with its reasons and units, and sends the patient id for the measured weight', async () => {
    const { api, user } = await renderApp({
      me: makeMe('prescriber'),
      path: `/patients/${patient.id}/plan`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET /api/v1/patients/${patient.id}/plans`]: { body: { items: [] } },
        'GET /api/v1/protocols': { body: { items: protocols } },
        'POST /api/v1/dose/calculate': {
          body: {
            calculationId: '00000000-0000-4000-8000-000000000900',
            protocolId: iv.id,
            protocolVersion: 1,
            doseMg: 84,
            warnings: [],
            blocked: true,
            reasons: ['mgPerKg 1.2 mg/kg exceeds the absolute ceiling of 1 mg/kg: cannot be overridden'],
            overridden: false,
            weightKg: 120,
            weightMeasuredAt: '2026-01-01T00:00:00Z',
            mgPerKg: 1.2,
            heightFrom: 'intake',
            dosingWeight: {
              basis: 'ideal',
              kg: 70.5,
              actualKg: 120,
              heightCm: 175,
              bmi: 39.2,
              idealKg: 70.5,
              adjustedKg: 90.3,
              reason: 'BMI 39.2 ≥ 30: ideal body weight (Devine)',
            },
          },
        },
      },
    });
    const calc = await screen.findByRole('region', { name: 'Dose calculator' });
    expect(
      within(calc).getByText(/protocol maximum 0.75 mg\/kg · absolute ceiling 1 mg\/kg · never above 100 mg/),
    ).toBeTruthy();
    await user.type(within(calc).getByLabelText('Dose (mg/kg)'), '1.2');
    await user.type(within(calc).getByLabelText('Concentration (mg/mL)'), '10');
    await user.click(within(calc).getByRole('button', { name: 'Calculate' }));
    const alert = await within(calc).findByRole('alert');
    expect(alert.textContent).toContain('Dose refused');
    expect(alert.textContent).toContain('exceeds the absolute ceiling of 1 mg/kg');
    // The weight the dose was calculated on, and why.
    const used = within(calc).getByTestId('dosing-weight');
    expect(used.textContent).toContain('70.5 kg — ideal body weight');
    expect(used.textContent).toContain('BMI 39.2 ≥ 30: ideal body weight (Devine)');
    expect(used.textContent).toContain('height 175 cm (from the intake)');
    expect(within(calc).getByText('84 mg')).toBeTruthy();
    expect(within(calc).getByText('Requested dose (refused)')).toBeTruthy();
    expect(within(calc).queryByText(/mL\/h/)).toBeNull();
    const sent = api.callsTo('POST', '/api/v1/dose/calculate')[0]?.body;
    expect(sent).toEqual({
      protocolId: iv.id,
      patientId: patient.id,
      mgPerKg: 1.2,
      concentrationMgPerMl: 10,
    });
  });
});

describe('portal intake', () => {
  it('sends every unticked answer as "no" and shows a server error beside its field', async () => {
    const me = makeMe('patient');
    const { api, user } = await renderApp({
      me,
      path: '/intake',
      routes: {
        [`POST /api/v1/patients/${me.patientId}/intake`]: apiError(400, 'validation_failed', 'bad', [
          { field: 'body.measurements.weightKg', message: 'Too big: expected number to be <=400' },
        ]),
      },
    });
    await user.click(await screen.findByLabelText('Psychosis in the past'));
    await user.click(screen.getByLabelText('An adult can drive me home after each treatment'));
    await user.type(screen.getByLabelText('Weight (kg)'), '700');
    await user.click(screen.getByRole('button', { name: 'Submit my intake' }));
    expect(await screen.findByText('Too big: expected number to be <=400')).toBeTruthy();
    const body = api.callsTo('POST', `/api/v1/patients/${me.patientId}/intake`)[0]?.body as Record<
      string,
      Record<string, unknown>
    >;
    expect(body.psychiatric).toMatchObject({
      psychosisHistory: true,
      activePsychosis: false,
      activeMania: false,
      bipolarDisorder: false,
    });
    expect(body.medical).toMatchObject({ pregnant: false, hypertension: { present: false } });
    expect(body.measurements).toEqual({ weightKg: 700 });
    expect(body.escortAvailable).toBe(true);
    expect(screen.queryByLabelText('Baseline systolic BP (mmHg)')).toBeNull();
  });
});
