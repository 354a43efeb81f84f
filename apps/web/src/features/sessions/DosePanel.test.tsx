import { defaultIvKetamineProtocol, type Protocol } from '@plasticity/clinical/protocols';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { apiError } from '../../test/mockApi.ts';
import { renderApp } from '../../test/renderApp.tsx';
import type { Administration, SessionRecord } from './api.ts';
import { makeSession } from './testSession.ts';

const SID = '00000000-0000-4000-8000-000000000701';
const VIAL = '00000000-0000-4000-8000-00000000c001';
const BOX = '00000000-0000-4000-8000-00000000c002';
const EMPTY = '00000000-0000-4000-8000-00000000c003';
const PATIENT = '00000000-0000-4000-8000-000000000500';
const E = (n: number) => `00000000-0000-4000-8000-00000000e00${n}`;

const session = (administrations: Administration[] = []): SessionRecord =>
  makeSession(0, {
    patient: {
      id: PATIENT,
      mrn: 'MRN-1',
      firstName: 'Ada',
      lastName: 'Lovelace',
      dateOfBirth: '1985-12-10',
      sex: 'female',
    },
    scheduledAt: '2026-11-27T14:30:00Z',
    status: 'dosing',
    doseStartedAt: administrations.length ? '2026-11-27T15:00:00Z' : null,
    administrations,
    observationsDue: null,
  });

const stockItem = (over: Record<string, unknown>) => ({
  id: VIAL,
  product: 'Ketamine HCl 50 mg/mL, 10 mL vial',
  productId: '00000000-0000-4000-8000-00000000b001',
  drug: 'Ketamine HCl',
  concentrationMgPerMl: '50',
  ndc: '99999-0050-10',
  lot: 'KT24B207',
  label: 'Vial K-002',
  expiresOn: '2027-06-30',
  location: 'Medication room shelf',
  locationId: '00000000-0000-4000-8000-00000000a001',
  balance: '6.4',
  unit: 'mL',
  status: 'open',
  openedAt: '2026-11-20T15:00:00.000Z',
  outstandingDraws: [],
  ...over,
});
const stock = [
  stockItem({}),
  stockItem({
    id: BOX,
    product: 'Esketamine (Spravato) 28 mg/device, 3-device box',
    drug: 'Esketamine (Spravato)',
    concentrationMgPerMl: null,
    label: 'Box S-1',
    balance: '84',
    unit: 'mg',
  }),
  stockItem({ id: EMPTY, label: 'Vial K-001', balance: '0', status: 'empty' }),
];

const entry = (n: number, type: string, quantity: string, over: Record<string, unknown> = {}) => ({
  id: E(n),
  seq: 10 + n,
  containerId: VIAL,
  type,
  quantity,
  unit: 'mL',
  containerDelta: type === 'draw' ? `-${quantity}` : '0',
  drawId: E(1),
  patientId: PATIENT,
  sessionId: SID,
  wasteFrom: type === 'waste' ? 'draw' : null,
  reason: null,
  witnessUserId: null,
  witness2UserId: null,
  fromLocationId: null,
  toLocationId: null,
  supplierId: null,
  invoice: null,
  correctsEntryId: null,
  correctionKind: null,
  occurredAt: '2026-11-27T15:00:00.000Z',
  recordedAt: '2026-11-27T15:00:00.000Z',
  recordedBy: '00000000-0000-4000-8000-000000000001',
  witnessName: null,
  balance: '5.6',
  ...over,
});

const recorded: Administration = {
  id: '00000000-0000-4000-8000-00000000f001',
  drug: 'ketamine',
  route: 'iv',
  doseMg: '35',
  volumeMl: '0.7',
  containerId: VIAL,
  lot: 'KT24B207',
  expiry: '2027-06-30',
  startedAt: '2026-11-27T15:00:00.000Z',
  stoppedAt: null,
  verifiedBy: null,
  register: {
    drawEntryId: E(1),
    administerEntryId: E(2),
    wasteEntryId: E(3),
    unit: 'mL',
    drawn: '0.8',
    given: '0.7',
    wasted: '0.1',
    wasteWitnessUserId: '00000000-0000-4000-8000-000000000002',
    wasteWitnessName: 'Dr. Pat Prescriber',
    correctionEntryIds: [],
  },
  doseInputs: null,
  concentrationMgPerMl: null,
  events: [],
  administeredBy: '00000000-0000-4000-8000-000000000003',
  planId: null,
  doseCheck: null,
  overrideReason: null,
  overrideVerifiedBy: null,
  doseChangeReason: null,
  notFromRegisterReason: null,
  durationMin: null,
  rateMlPerHour: null,
  infusion: null,
  enteredInError: false,
  enteredInErrorAt: null,
  enteredInErrorBy: null,
  enteredInErrorReason: null,
};

describe('dose panel and the register', () => {
  // jsdom has no FontFaceSet; Mantine's autosizing textarea (the notes box) listens on it.
  beforeAll(() => {
    if (!('fonts' in document))
      Object.defineProperty(document, 'fonts', {
        configurable: true,
        value: { addEventListener() {}, removeEventListener() {} },
      });
  });

  it('draws from a register vial, asks a witness for the remainder, shows errors beside the field and the entries after recording', async () => {
    let attempt = 0;
    const { user, api } = await renderApp({
      me: makeMe('nurse'),
      path: `/sessions/${SID}`,
      routes: {
        'GET /api/v1/sessions/00000000-0000-4000-8000-000000000701': { body: session() },
        'GET /api/v1/controlled/stock': { body: { items: stock } },
        'POST /api/v1/sessions/00000000-0000-4000-8000-000000000701/administrations': () =>
          ++attempt === 1
            ? apiError(400, 'witness_invalid', 'The witness could not sign.', [
                { field: 'body.wasteWitness', message: 'witness email, password or code is wrong' },
              ])
            : { status: 201, body: session([recorded]) },
        'GET /api/v1/controlled/ledger': {
          body: {
            items: [
              entry(1, 'draw', '0.8'),
              entry(2, 'administer', '0.7'),
              entry(3, 'waste', '0.1', { witnessName: 'Dr. Pat Prescriber', witnessUserId: E(9) }),
            ],
          },
        },
      },
    });

    const select = await screen.findByLabelText('Drawn from (register)');
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual([
      'Not from the register — enter lot and expiry',
      'Vial K-002 — Ketamine HCl 50 mg/mL, 10 mL vial, lot KT24B207: 6.4 mL left',
    ]);
    expect(screen.getByLabelText('Lot')).toBeTruthy();

    await user.type(screen.getByLabelText('Dose (mg)'), '35');
    await user.selectOptions(select, VIAL);
    expect(screen.queryByLabelText('Lot')).toBeNull();
    await user.type(screen.getByLabelText('Drawn (mL)'), '0.8');
    await user.type(screen.getByLabelText('Given (mL)'), '0.7');
    expect(screen.getByText('= 35 mg at 50 mg/mL')).toBeTruthy();
    expect(screen.getByTestId('waste-remainder').textContent).toBe('Remainder to waste: 0.1 mL (witnessed)');
    await user.type(screen.getByLabelText('Witness email'), 'prescriber@clinic.test');
    await user.type(screen.getByLabelText('Witness password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Record dose' }));

    expect(await screen.findByText('witness email, password or code is wrong')).toBeTruthy();
    expect((screen.getByLabelText('Witness password') as HTMLInputElement).value).toBe('');
    const first = api.callsTo('POST', `/api/v1/sessions/${SID}/administrations`)[0];
    expect(first?.body).toMatchObject({
      doseMg: 35,
      containerId: VIAL,
      volumeMl: 0.7,
      drawnMl: 0.8,
      wasteWitness: { email: 'prescriber@clinic.test', password: 'wrong' },
    });
    expect(first?.body).not.toHaveProperty('lot');

    await user.type(screen.getByLabelText('Witness password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Record dose' }));
    const table = await screen.findByRole('table', { name: 'Register entries of this session' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]?.textContent)).toEqual([
      '#11 Drawn',
      '#12 Given',
      '#13 Wasted',
    ]);
    expect(within(rows[2] as HTMLElement).getByText('Dr. Pat Prescriber')).toBeTruthy();
    expect(
      screen.getByText('Register: drawn 0.8 mL · given 0.7 mL · wasted 0.1 mL (witness Dr. Pat Prescriber)'),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the register ledger' }).getAttribute('href')).toBe(
      '/controlled/ledger',
    );
    await waitFor(() =>
      expect(api.callsTo('GET', '/api/v1/controlled/ledger')[0]?.query.get('sessionId')).toBe(SID),
    );
  }, 60_000);

  it('pre-fills the dose from the plan and the calculator, and asks for an override and reasons off the protocol', async () => {
    const iv = defaultIvKetamineProtocol();
    const protocol: Protocol = {
      ...iv,
      dose: { ...iv.dose, protocolMaxMgPerKg: 0.75, absoluteCeilingMgPerKg: 1 } as Protocol['dose'],
    };
    const doseOrder = {
      planId: '00000000-0000-4000-8000-00000000d001',
      prescribed: { mgPerKg: 0.5, durationMin: 40, frequency: 'Twice a week' },
      weightKg: 70,
      weightMeasuredAt: new Date().toISOString(),
      heightCm: null,
      sex: 'female',
      ageYears: 40,
      maxWeightAgeDays: 30,
      protocol,
    };
    const { user, api } = await renderApp({
      me: makeMe('prescriber'),
      path: `/sessions/${SID}`,
      routes: {
        'GET /api/v1/sessions/00000000-0000-4000-8000-000000000701': { body: { ...session(), doseOrder } },
        'GET /api/v1/controlled/stock': { body: { items: stock } },
        'POST /api/v1/sessions/00000000-0000-4000-8000-000000000701/administrations': () =>
          apiError(400, 'validation_failed', 'the dose was not recorded', [
            {
              field: 'body.doseMg',
              message: 'dose 63 mg (0.9 mg/kg of 70 kg) is above the protocol maximum of 0.75 mg/kg',
            },
            { field: 'body.override', message: 'override refused: verifier credentials are wrong' },
          ]),
      },
    });
    expect((await screen.findByTestId('dose-plan')).textContent).toBe(
      'Plan: 0.5 mg/kg (35 mg for 70 kg) over 40 min, Twice a week.',
    );
    const dose = screen.getByLabelText('Dose (mg)') as HTMLInputElement;
    expect(dose.value).toBe('35');
    expect(screen.getByTestId('dose-check').textContent).toMatch(/Within the protocol: 0\.5 mg\/kg/);
    // The register's stock arrives by its own request, after the session.
    await user.selectOptions(await screen.findByLabelText('Drawn from (register)'), VIAL);
    expect((screen.getByLabelText('Given (mL)') as HTMLInputElement).value).toBe('0.7');
    expect(screen.getByLabelText('Pump rate (mL/h)').getAttribute('placeholder')).toBe('1.1');
    expect(screen.queryByLabelText('Why does the dose differ from the plan?')).toBeNull();

    await user.clear(dose);
    await user.type(dose, '63');
    expect(screen.getByTestId('dose-check').textContent).toMatch(
      /dose 63 mg \(0\.9 mg\/kg of 70 kg\) is above the protocol maximum of 0\.75 mg\/kg/,
    );
    await user.type(screen.getByLabelText('Why does the dose differ from the plan?'), 'Partial response');
    await user.type(
      screen.getByLabelText('Reason for exceeding the protocol maximum'),
      'Partial response at 0.75',
    );
    await user.type(screen.getByLabelText('Verifying clinician’s email'), 'nurse@clinic.test');
    await user.type(screen.getByLabelText('Verifying clinician’s password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Record dose' }));
    expect(await screen.findAllByText('override refused: verifier credentials are wrong')).toHaveLength(2);
    expect((screen.getByLabelText('Verifying clinician’s password') as HTMLInputElement).value).toBe('');
    expect(api.callsTo('POST', `/api/v1/sessions/${SID}/administrations`)[0]?.body).toMatchObject({
      doseMg: 63,
      containerId: VIAL,
      volumeMl: 1.26,
      durationMin: 40,
      doseChangeReason: 'Partial response',
      override: {
        reason: 'Partial response at 0.75',
        verifierEmail: 'nurse@clinic.test',
        verifierPassword: 'wrong',
      },
    });
  }, 60_000);
});
