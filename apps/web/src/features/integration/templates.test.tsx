import { protocolTemplates } from '@plasticity/clinical/protocols';
import type { ProtocolItem, ProtocolTemplateItem } from '@plasticity/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, uuid } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const templates: ProtocolTemplateItem[] = protocolTemplates().map((t) => ({
  key: t.key,
  indication: t.indication,
  title: t.title,
  summary: t.summary,
  evidence: t.evidence,
  route: t.protocol.route,
  drug: t.protocol.drug,
  cadence: t.cadence,
  therapy: t.therapy,
  instruments: t.instruments.map((i) => ({ ...i })),
  sources: t.sources.map((s) => ({ ...s })),
  protocol: { ...t.protocol },
}));

describe('protocol library: templates per indication', () => {
  it('shows each template with its evidence and sources, and starts a draft under the name given', async () => {
    const made: ProtocolItem = {
      id: uuid(500),
      key: 'template-aud-iv-ketamine',
      name: 'AUD infusions',
      route: 'iv',
      drug: 'ketamine',
      version: 1,
      status: 'draft',
      active: false,
      isDefault: false,
      current: true,
      changeNote: 'Draft from the template',
      createdAt: '2026-03-01T00:00:00Z',
      protocol: {},
    };
    const { api, user } = await renderApp({
      me: makeMe('prescriber'),
      path: '/protocols',
      routes: {
        'GET /api/v1/protocols': { body: { items: [] } },
        'GET /api/v1/protocol-templates': { body: { items: templates } },
        'POST /api/v1/protocol-templates/aud-iv-ketamine/draft': { status: 201, body: made },
      },
    });
    const aud = await screen.findByRole('article', { name: /Alcohol use disorder/ }, { timeout: 10_000 });
    expect(within(aud).getByText('Randomized trial')).toBeTruthy();
    expect(within(aud).getByText(/Grabski M, McAndrew A/)).toBeTruthy();
    expect(within(aud).getByText(/Drinking days, weekly/)).toBeTruthy();
    const oud = screen.getByRole('article', { name: /Opioid use disorder/ });
    expect(within(oud).getByText('Weak evidence')).toBeTruthy();
    await user.type(within(aud).getByLabelText('Name of the new draft'), 'AUD infusions');
    await user.click(within(aud).getByRole('button', { name: 'Start a draft' }));
    expect(await within(aud).findByText(/Draft “AUD infusions” is in the library above/)).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/protocol-templates/aud-iv-ketamine/draft')[0]?.body).toEqual({
      name: 'AUD infusions',
    });
  });
});
