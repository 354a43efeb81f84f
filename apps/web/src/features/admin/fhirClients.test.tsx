import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const CLIENT_ID = '7f0c6a52-8d7e-4b1c-9a3e-2f4d5b6c7d8e';
const client = {
  id: CLIENT_ID,
  name: 'State registry',
  scopes: ['system/Observation.rs'],
  keys: [{ kty: 'RSA', alg: 'RS384', kid: 'key-1', crv: null }],
  createdAt: '2026-11-02T15:00:00Z',
  disabledAt: null,
  disabledReason: null,
};
const TOKEN = 'http://localhost/fhir/R4/auth/token';

describe('FHIR system clients admin', () => {
  it('lists clients, registers one from a pasted key, and shows a refused key on its field', async () => {
    let posts = 0;
    const { api, user } = await renderApp({
      me: makeMe('admin'),
      path: '/admin/fhir-clients',
      routes: {
        'GET /api/v1/fhir-clients': { body: { items: [client], tokenEndpoint: TOKEN } },
        'POST /api/v1/fhir-clients': () =>
          ++posts === 1
            ? {
                status: 400,
                body: {
                  error: {
                    code: 'validation_failed',
                    message: 'bad',
                    details: [{ field: 'body.publicKey.crv', message: 'must be P-384 (ES384)' }],
                  },
                },
              }
            : { status: 201, body: { ...client, id: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d', name: 'Payer' } },
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'FHIR system clients' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'System clients' });
    expect(within(table).getByText('State registry')).toBeTruthy();
    expect(within(table).getByText(CLIENT_ID)).toBeTruthy();
    expect(within(table).getByText('Active')).toBeTruthy();
    expect(screen.getByText(TOKEN)).toBeTruthy();

    await user.type(screen.getByLabelText('Name'), 'Payer');
    const key = screen.getByLabelText('Public key (JWK or JWKS, as JSON)');
    fireEvent.change(key, { target: { value: '{not json' } });
    await user.type(screen.getByLabelText('Scopes'), 'system/Patient.rs  system/Observation.rs');
    await user.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('This is not valid JSON.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/fhir-clients')).toHaveLength(0);

    fireEvent.change(key, { target: { value: '{"kty":"EC","crv":"P-256","x":"a","y":"b"}' } });
    await user.click(screen.getByRole('button', { name: 'Register' }));
    expect((await screen.findAllByText(/must be P-384/i)).length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Register' }));
    const calls = api.callsTo('POST', '/api/v1/fhir-clients');
    expect(calls).toHaveLength(2);
    expect(calls[1]?.body).toEqual({
      name: 'Payer',
      publicKey: { kty: 'EC', crv: 'P-256', x: 'a', y: 'b' },
      scopes: ['system/Patient.rs', 'system/Observation.rs'],
    });
  });

  it('disables a client with a reason', async () => {
    const { api, user } = await renderApp({
      me: makeMe('admin'),
      path: '/admin/fhir-clients',
      routes: {
        'GET /api/v1/fhir-clients': { body: { items: [client], tokenEndpoint: TOKEN } },
        [`POST /api/v1/fhir-clients/${CLIENT_ID}/disable`]: {
          body: { ...client, disabledAt: '2026-11-03T10:00:00Z', disabledReason: 'contract ended' },
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Disable' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Reason'), 'contract ended');
    await user.click(within(dialog).getByRole('button', { name: 'Disable client' }));
    const [call] = api.callsTo('POST', `/api/v1/fhir-clients/${CLIENT_ID}/disable`);
    expect(call?.body).toEqual({ reason: 'contract ended' });
  });
});
