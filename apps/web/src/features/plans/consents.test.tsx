import type { ConsentDocument, ConsentSignature } from '@plasticity/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CLINIC, makeMe, makePatient, uuid } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const patient = makePatient();
const doc: ConsentDocument = {
  id: uuid(800),
  kind: 'kap',
  version: 1,
  title: 'Ketamine-assisted psychotherapy consent',
  body: 'I understand the treatment.',
  bodySha256: 'a'.repeat(64),
  createdAt: '2026-01-01T00:00:00Z',
};
const signed = (over: Partial<ConsentSignature> = {}): ConsentSignature => ({
  id: uuid(801),
  patientId: patient.id,
  documentId: doc.id,
  kind: 'kap',
  documentVersion: 1,
  typedName: 'Pat Portal',
  signedAt: '2026-03-02T15:04:00Z',
  sourceAddress: '10.0.0.1',
  userAgent: 'Tablet',
  textSha256: 'a'.repeat(64),
  withdrawnAt: null,
  withdrawnReason: null,
  signedVia: 'clinic_device',
  handedBy: { id: uuid(1), name: 'Nora Nurse' },
  ...over,
});

describe('consents chart tab: signing on a clinic device', () => {
  it('lets a nurse hand the device to the patient, and shows it was signed that way', async () => {
    let signatures: ConsentSignature[] = [];
    const { api, user } = await renderApp({
      me: makeMe('nurse', { clinic: { ...CLINIC, clinicDeviceConsent: true } }),
      path: `/patients/${patient.id}/consents`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET /api/v1/patients/${patient.id}/consents`]: () => ({ body: { documents: [doc], signatures } }),
        [`POST /api/v1/patients/${patient.id}/consents/clinic-device`]: () => {
          signatures = [signed()];
          return { status: 201, body: signatures[0] };
        },
      },
    });
    const card = await screen.findByRole('region', { name: doc.title }, { timeout: 5_000 });
    await user.click(within(card).getByRole('button', { name: 'Sign on this device with the patient' }));
    expect(within(card).getByText('Hand this device to the patient')).toBeTruthy();
    await user.click(within(card).getByRole('checkbox'));
    await user.type(within(card).getByLabelText('Patient: type your full name to sign'), 'Pat Portal');
    await user.click(within(card).getByRole('button', { name: 'Sign electronically' }));
    expect(
      await within(card).findByText(/in the clinic on a clinic device handed over by Nora Nurse/),
    ).toBeTruthy();
    expect(
      api.callsTo('POST', `/api/v1/patients/${patient.id}/consents/clinic-device`)[0]?.body,
    ).toMatchObject({
      documentId: doc.id,
      typedName: 'Pat Portal',
      agree: true,
    });
    expect(api.callsTo('POST', `/api/v1/patients/${patient.id}/consents`)).toHaveLength(0);
  });

  it('offers no clinic-device signing when the clinic has not turned it on', async () => {
    await renderApp({
      me: makeMe('nurse'),
      path: `/patients/${patient.id}/consents`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET /api/v1/patients/${patient.id}/consents`]: { body: { documents: [doc], signatures: [] } },
      },
    });
    const card = await screen.findByRole('region', { name: doc.title }, { timeout: 5_000 });
    expect(within(card).queryByRole('button', { name: /Sign on this device/ })).toBeNull();
  });
});
