import type { Part2Consent, Part2Disclosure } from '@plasticity/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeMe, makePatient, uuid } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const patient = makePatient();
const base = `/api/v1/patients/${patient.id}`;
const recipient = { id: uuid(900), name: 'Primary care network' };
const TITLE = 'Disclosure consents (42 CFR Part 2)';

const consent = (over: Partial<Part2Consent> = {}): Part2Consent => ({
  id: uuid(901),
  patientId: patient.id,
  recipientClientId: recipient.id,
  recipientName: recipient.name,
  purpose: 'Coordination of care',
  resourceTypes: ['Observation', 'QuestionnaireResponse'],
  information: 'Vital signs and questionnaire scores',
  expiresOn: '2027-03-01',
  expiryEvent: null,
  signedByName: 'Pat Example',
  signedOn: '2026-03-01',
  recordedAt: '2026-03-01T15:00:00Z',
  recordedByName: 'Nora Nurse',
  revokedAt: null,
  revokedReason: null,
  enteredInErrorAt: null,
  enteredInErrorReason: null,
  active: true,
  ...over,
});

const disclosure: Part2Disclosure = {
  id: uuid(902),
  disclosedAt: '2026-03-05T16:30:00Z',
  recipientClientId: recipient.id,
  recipientName: recipient.name,
  interaction: 'search',
  resourceType: 'QuestionnaireResponse',
  resourceCount: 3,
  consentId: uuid(901),
  purpose: 'Coordination of care',
};

const routes = (items: () => Part2Consent[], extra = {}) => ({
  [`GET ${base}`]: { body: patient },
  [`GET ${base}/consents`]: { body: { documents: [], signatures: [] } },
  [`GET ${base}/part2-consents`]: () => ({ body: { items: items() } }),
  [`GET ${base}/part2-disclosures`]: { body: { items: [disclosure] } },
  'GET /api/v1/part2-recipients': { body: { items: [recipient] } },
  ...extra,
});

describe('Part 2 disclosure consents card on the chart’s consents tab', () => {
  it('lists each consent in words with its status and PDF, and the accounting for a prescriber', async () => {
    const items = [
      consent(),
      consent({ id: uuid(903), active: false, revokedAt: '2026-04-01T15:00:00Z', revokedReason: 'Asked' }),
      consent({ id: uuid(904), active: false, expiresOn: '2026-03-02' }),
    ];
    await renderApp({
      me: makeMe('prescriber'),
      path: `/patients/${patient.id}/consents`,
      routes: routes(() => items),
    });
    const card = await screen.findByRole('region', { name: TITLE }, { timeout: 5_000 });
    const rows = await within(card).findAllByRole('article');
    expect(rows).toHaveLength(3);
    expect(within(rows[0] as HTMLElement).getByText('In force')).toBeTruthy();
    expect(
      within(rows[0] as HTMLElement).getByText(/Vital signs and measurements, Questionnaire answers/),
    ).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('Expires: 2027-03-01')).toBeTruthy();
    expect(
      within(rows[0] as HTMLElement)
        .getByRole('link', { name: 'PDF' })
        .getAttribute('href'),
    ).toBe(`${base}/part2-consents/${uuid(901)}/pdf`);
    expect(within(rows[1] as HTMLElement).getByText('Revoked')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).queryByRole('button', { name: 'Record revocation' })).toBeNull();
    expect(within(rows[2] as HTMLElement).getByText('Expired')).toBeTruthy();
    const table = await within(card).findByRole('table', { name: 'Accounting of disclosures' });
    expect(within(table).getByText('Search')).toBeTruthy();
    expect(within(table).getByText('Questionnaire answers')).toBeTruthy();
    expect(within(table).getByText('2026-03-05 10:30')).toBeTruthy();
  });

  it('shows a nurse no accounting of disclosures', async () => {
    const { api } = await renderApp({
      me: makeMe('nurse'),
      path: `/patients/${patient.id}/consents`,
      routes: routes(() => [consent()]),
    });
    const card = await screen.findByRole('region', { name: TITLE }, { timeout: 5_000 });
    await within(card).findByRole('article');
    expect(within(card).queryByRole('table')).toBeNull();
    expect(api.callsTo('GET', `${base}/part2-disclosures`)).toHaveLength(0);
  });

  it('records a consent, showing the server’s field errors beside their fields', async () => {
    let items: Part2Consent[] = [];
    let attempts = 0;
    const { api, user } = await renderApp({
      me: makeMe('nurse'),
      path: `/patients/${patient.id}/consents`,
      routes: routes(() => items, {
        [`POST ${base}/part2-consents`]: () => {
          attempts += 1;
          if (attempts === 1)
            return {
              status: 400,
              body: {
                error: {
                  code: 'validation_failed',
                  message: 'bad',
                  details: [
                    { field: 'body.expiresOn', message: 'is before the date the consent was signed' },
                    { field: 'body.purpose', message: 'is required' },
                  ],
                },
              },
            };
          items = [consent()];
          return { status: 201, body: items[0] };
        },
      }),
    });
    const card = await screen.findByRole('region', { name: TITLE }, { timeout: 5_000 });
    await user.click(within(card).getByRole('button', { name: 'Record a disclosure consent' }));
    const select = within(card).getByRole('combobox', { name: 'Recipient' });
    await waitFor(() => expect(select.hasAttribute('disabled')).toBe(false));
    await user.click(select);
    await user.click(await screen.findByRole('option', { name: recipient.name }, { timeout: 5_000 }));
    await user.type(within(card).getByLabelText('Purpose of the disclosure'), ' ');
    await user.click(within(card).getByLabelText('Only these kinds'));
    await user.click(within(card).getByLabelText('Vital signs and measurements'));
    await user.type(
      within(card).getByLabelText('Information to be disclosed, as written on the signed form'),
      'Vital signs',
    );
    const expires = within(card).getByLabelText('Expires on');
    await user.type(expires, '2020-01-01');
    await user.type(within(card).getByLabelText('Signed by (patient or authorized person)'), 'Pat Example');
    await user.click(within(card).getByRole('button', { name: 'Record consent' }));
    expect(await within(card).findByText('is before the date the consent was signed')).toBeTruthy();
    expect(within(card).getByLabelText('Purpose of the disclosure').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(expires.getAttribute('aria-invalid')).toBe('true');
    expect(api.callsTo('POST', `${base}/part2-consents`)[0]?.body).toMatchObject({
      recipientClientId: recipient.id,
      resourceTypes: ['Observation'],
      expiresOn: '2020-01-01',
      expiryEvent: null,
      signedByName: 'Pat Example',
    });
    await user.clear(expires);
    await user.type(expires, '2027-03-01');
    await user.type(within(card).getByLabelText('Purpose of the disclosure'), 'Coordination of care');
    await user.click(within(card).getByRole('button', { name: 'Record consent' }));
    expect(
      await within(card).findByRole('article', { name: `Consent to disclose to ${recipient.name}` }),
    ).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Record consent' })).toBeNull();
  }, 40_000);

  it('dates the signature on the clinic’s today, not the browser’s', async () => {
    // 02:00 UTC on 8 December is still 7 December in the clinic (America/Chicago, makeMe's time zone).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-08T02:00:00Z'));
    try {
      const { user } = await renderApp({
        me: makeMe('nurse'),
        path: `/patients/${patient.id}/consents`,
        routes: routes(() => []),
      });
      const card = await screen.findByRole('region', { name: TITLE }, { timeout: 5_000 });
      await user.click(within(card).getByRole('button', { name: 'Record a disclosure consent' }));
      expect((within(card).getByLabelText('Date signed') as HTMLInputElement).value).toBe('2026-12-07');
    } finally {
      vi.useRealTimers();
    }
  });

  it('revokes a consent after a confirmation with a reason', async () => {
    let items = [consent()];
    const { api, user } = await renderApp({
      me: makeMe('therapist'),
      path: `/patients/${patient.id}/consents`,
      routes: routes(() => items, {
        [`POST ${base}/part2-consents/${uuid(901)}/revoke`]: () => {
          items = [
            consent({ active: false, revokedAt: '2026-04-01T15:00:00Z', revokedReason: 'Patient asked' }),
          ];
          return { body: items[0] };
        },
      }),
    });
    const row = await screen.findByRole(
      'article',
      { name: `Consent to disclose to ${recipient.name}` },
      { timeout: 5_000 },
    );
    await user.click(within(row).getByRole('button', { name: 'Record revocation' }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Confirm revocation' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    await user.type(within(dialog).getByLabelText('Reason'), 'Patient asked');
    await user.click(confirm);
    expect(await within(row).findByText('Revoked')).toBeTruthy();
    expect(within(row).getByText(/Revoked 2026-04-01: Patient asked/)).toBeTruthy();
    expect(api.callsTo('POST', `${base}/part2-consents/${uuid(901)}/revoke`)[0]?.body).toEqual({
      kind: 'revoked',
      reason: 'Patient asked',
    });
  });
});
