import type { AuditEntry } from '@plasticity/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeMe, makeUser } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const entry = (n: number): AuditEntry => ({
  id: `e${n}`,
  seq: n,
  at: new Date(Date.UTC(2026, 10, 27, 12, n)).toISOString(),
  userId: null,
  userEmail: `user${n}@clinic.test`,
  role: 'nurse',
  patientId: null,
  patientName: null,
  action: 'read',
  resourceType: 'Patient',
  resourceId: null,
  category: null,
  outcome: 'success',
  sourceAddress: '10.0.0.1',
});

async function openAudit(gate?: Promise<void>) {
  const ctx = await renderApp({
    me: makeMe('admin'),
    path: '/admin/audit',
    routes: {
      'GET /api/v1/users': { body: { items: [makeUser(1)] } },
      'GET /api/v1/audit': (call) => {
        if (call.query.get('format') === 'csv') return { text: 'id,at\ne1,2026\n', contentType: 'text/csv' };
        const offset = Number(call.query.get('offset'));
        if (gate && call.query.get('action'))
          return gate.then(() => ({ body: { items: [entry(1)], total: 120 } }));
        return { body: { items: [entry(offset + 1), entry(offset + 2)], total: 120 } };
      },
    },
  });
  await screen.findByText('1–50 of 120 entries');
  return ctx;
}

const auditQueries = (api: Awaited<ReturnType<typeof openAudit>>['api']) =>
  api
    .callsTo('GET', '/api/v1/audit')
    .filter((c) => c.query.get('format') !== 'csv')
    .map((c) => Object.fromEntries(c.query));

describe('audit report', () => {
  it('sorts on the server: a header click toggles asc/desc', async () => {
    const { api, user } = await openAudit();
    expect(auditQueries(api)).toEqual([{ sort: 'at', order: 'desc', limit: '50', offset: '0' }]);
    const timeHeader = screen.getByRole('columnheader', { name: /Time/ });
    expect(timeHeader.getAttribute('aria-sort')).toBe('descending');

    await user.click(screen.getByRole('button', { name: 'User' }));
    await waitFor(() => expect(auditQueries(api)).toHaveLength(2));
    expect(auditQueries(api)[1]).toEqual({ sort: 'userEmail', order: 'asc', limit: '50', offset: '0' });
    expect(screen.getByRole('columnheader', { name: /User/ }).getAttribute('aria-sort')).toBe('ascending');

    await user.click(screen.getByRole('button', { name: 'User' }));
    await waitFor(() => expect(auditQueries(api)).toHaveLength(3));
    expect(auditQueries(api)[2]).toMatchObject({ sort: 'userEmail', order: 'desc' });

    await user.click(screen.getByRole('button', { name: 'Time' }));
    await waitFor(() => expect(auditQueries(api)).toHaveLength(4));
    expect(auditQueries(api)[3]).toMatchObject({ sort: 'at', order: 'desc' });
  });

  it('pages with limit/offset and keeps the sort', async () => {
    const { api, user } = await openAudit();
    await user.click(screen.getByRole('button', { name: 'Outcome' }));
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    await screen.findByText('51–100 of 120 entries');
    expect(auditQueries(api).at(-1)).toEqual({ sort: 'outcome', order: 'asc', limit: '50', offset: '50' });
  });

  it('applies filters and shows a loading state', async () => {
    let release = () => {};
    const { api, user } = await openAudit(new Promise<void>((resolve) => (release = resolve)));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'export');
    await user.selectOptions(screen.getByRole('combobox', { name: 'User' }), makeUser(1).id);
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(screen.getByText('Loading audit entries…')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Audit entries' }).getAttribute('aria-busy')).toBe('true');
    release();
    await screen.findByText('1–50 of 120 entries');
    expect(auditQueries(api).at(-1)).toMatchObject({ action: 'export', userId: makeUser(1).id, offset: '0' });
  });

  it('rejects a malformed patient id beside the field', async () => {
    const { api, user } = await openAudit();
    await user.type(screen.getByRole('textbox', { name: 'Patient id' }), 'Lovelace');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(screen.getByText('Enter a full patient id (a UUID)')).toBeTruthy();
    expect(auditQueries(api)).toHaveLength(1);
  });

  it('exports CSV through fetch → Blob → object URL with a dated file name', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:audit');
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { api, user } = await openAudit();
    await user.click(screen.getByRole('button', { name: 'User' }));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(clicked).toHaveLength(1));

    const csv = api.callsTo('GET', '/api/v1/audit').find((c) => c.query.get('format') === 'csv');
    expect(Object.fromEntries(csv?.query ?? [])).toEqual({ sort: 'userEmail', order: 'asc', format: 'csv' });
    const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('text/csv');
    expect(await blob.text()).toBe('id,at\ne1,2026\n');
    expect(clicked[0]?.download).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(clicked[0]?.href).toBe('blob:audit');
  });

  it('renders the rows in the clinic time zone', async () => {
    await openAudit();
    const table = screen.getByRole('table', { name: 'Audit entries' });
    // 12:01 UTC is 06:01 in America/Chicago (CST) on 27 November.
    expect(within(table).getByText('2026-11-27 06:01:00')).toBeTruthy();
  });
});
