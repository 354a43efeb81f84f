import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient } from '../../test/fixtures.ts';
import { apiError } from '../../test/mockApi.ts';
import { renderApp } from '../../test/renderApp.tsx';

const C1 = '00000000-0000-4000-8000-00000000c001';
const LOC = '00000000-0000-4000-8000-00000000a001';
const PROD = '00000000-0000-4000-8000-00000000b001';
const patient = makePatient();
const vial = (over: Record<string, unknown> = {}) => ({
  id: C1,
  product: 'Ketamine HCl 50 mg/mL, 10 mL vial',
  productId: PROD,
  drug: 'Ketamine HCl',
  concentrationMgPerMl: '50',
  ndc: '99999-0050-10',
  lot: 'KT24B207',
  label: 'Vial K-002',
  expiresOn: '2027-06-30',
  location: 'Medication room shelf',
  locationId: LOC,
  balance: '6.4',
  unit: 'mL',
  status: 'open',
  openedAt: '2026-11-20T15:00:00.000Z',
  outstandingDraws: [],
  ...over,
});
const entry = {
  id: '00000000-0000-4000-8000-00000000e001',
  seq: 7,
  containerId: C1,
  type: 'draw',
  quantity: '1.2',
  unit: 'mL',
  containerDelta: '-1.2',
  drawId: '00000000-0000-4000-8000-00000000e001',
  patientId: patient.id,
  sessionId: null,
  wasteFrom: null,
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
  recordedBy: '00000000-0000-4000-8000-00000000d001',
  balance: '5.2',
};
const routes = (extra: Record<string, unknown> = {}) => ({
  'GET /api/v1/controlled/stock': { body: { items: [vial()] } },
  'GET /api/v1/controlled/expiring': { body: { withinDays: 60, items: [] } },
  'GET /api/v1/controlled/config': {
    body: {
      locations: [{ id: LOC, name: 'Medication room shelf', kind: 'shelf', active: true }],
      suppliers: [],
      products: [],
    },
  },
  'GET /api/v1/patients': { body: { items: [patient], nextCursor: null } },
  ...extra,
});

describe('controlled-substance register', () => {
  it('shows stock by location with balance and status, and is in the nurse’s navigation', async () => {
    await renderApp({ me: makeMe('nurse'), path: '/controlled', routes: routes() as never });
    const table = await screen.findByRole('table', { name: 'Stock in Medication room shelf' });
    expect(within(table).getByText('6.4 mL')).toBeTruthy();
    expect(within(table).getByText('Open')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Controlled substances/ })).toBeTruthy();
  });

  it('hides movement actions from an admin (read-only)', async () => {
    await renderApp({ me: makeMe('admin'), path: '/controlled', routes: routes() as never });
    await screen.findByRole('table', { name: 'Stock in Medication room shelf' });
    expect(screen.queryByRole('button', { name: /Record movement/ })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Count' })).toBeNull();
  });

  it('is not in the navigation of a therapist or front desk', async () => {
    await renderApp({ me: makeMe('therapist'), path: '/patients', routes: routes() as never });
    expect(screen.queryByRole('link', { name: /Controlled substances/ })).toBeNull();
  });

  it('records a draw for a patient with an exact decimal string', async () => {
    const { api, user } = await renderApp({
      me: makeMe('nurse'),
      path: '/controlled',
      routes: routes({
        'POST /api/v1/controlled/movements': (call: { body: { type: string } }) =>
          call.body.type === 'waste'
            ? apiError(400, 'witness_invalid', 'body.witness: witness email, password or code is wrong', [
                { field: 'body.witness', message: 'witness email, password or code is wrong' },
              ])
            : { status: 201, body: { entry, balance: '5.2', unit: 'mL' } },
      }) as never,
    });
    await user.click(await screen.findByRole('button', { name: 'Record movement for Vial K-002' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Quantity/), '1.2');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Patient' }), patient.id);
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    await screen.findByText(/now holds 5.2 mL/);
    const call = api.callsTo('POST', '/api/v1/controlled/movements')[0];
    expect(call?.body).toMatchObject({
      type: 'draw',
      containerId: C1,
      quantity: '1.2',
      unit: 'mL',
      patientId: patient.id,
      idempotencyKey: expect.stringMatching(/^mv-[0-9a-f]{32}$/),
    });
    expect(call?.headers['x-csrf-token']).toBe('csrf-test-token');
  }, 20_000);

  it('sends the same idempotency key when the same form is submitted again, a new one for a new form', async () => {
    const { api, user } = await renderApp({
      me: makeMe('nurse'),
      path: '/controlled',
      routes: routes({
        'POST /api/v1/controlled/movements': apiError(409, 'insufficient_balance', 'only 5 mL left', [
          { field: 'body.quantity', message: 'would take the balance below zero' },
        ]),
      }) as never,
    });
    const open = async () => {
      await user.click(await screen.findByRole('button', { name: 'Record movement for Vial K-002' }));
      return screen.findByRole('dialog');
    };
    let dialog = await open();
    await user.type(within(dialog).getByLabelText(/Quantity/), '9');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Patient' }), patient.id);
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/v1/controlled/movements')).toHaveLength(1));
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/v1/controlled/movements')).toHaveLength(2));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    dialog = await open();
    await user.type(within(dialog).getByLabelText(/Quantity/), '1');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Patient' }), patient.id);
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/v1/controlled/movements')).toHaveLength(3));
    const keys = api
      .callsTo('POST', '/api/v1/controlled/movements')
      .map((c) => (c.body as { idempotencyKey?: string }).idempotencyKey);
    expect(keys[0]).toMatch(/^mv-[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  }, 30_000);

  it('keeps the witness password out of every storage after a refusal', async () => {
    const { user } = await renderApp({
      me: makeMe('nurse'),
      path: '/controlled',
      routes: routes({
        'POST /api/v1/controlled/movements': apiError(400, 'witness_invalid', 'wrong', [
          { field: 'body.witness', message: 'witness email, password or code is wrong' },
        ]),
      }) as never,
    });
    await user.click(await screen.findByRole('button', { name: 'Record movement for Vial K-002' }));
    const dialog = await screen.findByRole('dialog');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Movement' }), 'waste');
    await user.type(within(dialog).getByLabelText(/Quantity/), '0.2');
    await user.type(within(dialog).getByLabelText('Reason'), 'residue');
    await user.type(within(dialog).getByLabelText('Witness email'), 'prescriber@example.org');
    await user.type(within(dialog).getByLabelText('Witness password'), 'secret-password-1');
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    await screen.findByText('witness email, password or code is wrong');
    await waitFor(() =>
      expect((within(dialog).getByLabelText('Witness password') as HTMLInputElement).value).toBe(''),
    );
    expect(JSON.stringify({ ...localStorage })).not.toContain('secret-password-1');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('secret-password-1');
  }, 20_000);
});
