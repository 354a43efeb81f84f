import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient } from '../../test/fixtures.ts';
import { apiError } from '../../test/mockApi.ts';
import { renderApp } from '../../test/renderApp.tsx';

const ada = makePatient();
const grace = makePatient({
  id: '00000000-0000-4000-8000-000000000501',
  firstName: 'Grace',
  lastName: 'Hopper',
  mrn: 'MRN-0002',
  dateOfBirth: '1966-12-09',
  phone: null,
});

describe('patient list', () => {
  it('searches on the server with the debounced term and renders the rows', async () => {
    const { api, user } = await renderApp({
      me: makeMe('nurse'),
      path: '/patients',
      routes: {
        'GET /api/v1/patients': (call) => {
          const q = call.query.get('query') ?? '';
          return {
            body: {
              items: [ada, grace].filter((p) => p.lastName.toLowerCase().includes(q.toLowerCase())),
              nextCursor: null,
            },
          };
        },
      },
    });
    await screen.findByRole('link', { name: 'Hopper, Grace' });
    expect(api.callsTo('GET', '/api/v1/patients')[0]?.query.has('query')).toBe(false);

    await user.type(screen.getByLabelText('Search patients'), 'love');
    // A generous wait: the debounce plus a render of the table take seconds on a loaded test machine.
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Hopper, Grace' })).toBeNull(), {
      timeout: 5000,
    });
    const searches = api.callsTo('GET', '/api/v1/patients');
    // Debounced: one request for the whole term, not one per keystroke.
    expect(searches.map((c) => c.query.get('query'))).toEqual([null, 'love']);

    const table = screen.getByRole('table', { name: 'Patients' });
    const cells = within(table).getAllByRole('row')[1]?.querySelectorAll('td');
    expect([...(cells ?? [])].map((td) => td.textContent)).toEqual([
      'Lovelace, Ada',
      expect.stringContaining('1985-12-10'),
      'Female',
      'MRN-0001',
      '555-0101',
    ]);
    // The search term stays in component state only.
    expect(window.location.search).toBe('');
    expect(window.location.pathname).toBe('/patients');
  });

  it('shows 50 at a time and loads the next page on request', async () => {
    const { api, user } = await renderApp({
      me: makeMe('nurse'),
      path: '/patients',
      routes: {
        'GET /api/v1/patients': (call) =>
          call.query.get('after') === ada.id
            ? { body: { items: [grace], nextCursor: null } }
            : { body: { items: [ada], nextCursor: ada.id } },
      },
    });
    await screen.findByRole('link', { name: 'Lovelace, Ada' });
    expect(screen.getByText('First 1 patient')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Load more patients' }));
    await screen.findByRole('link', { name: 'Hopper, Grace' });
    expect(screen.getByRole('link', { name: 'Lovelace, Ada' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more patients' })).toBeNull();
    expect(api.callsTo('GET', '/api/v1/patients').map((c) => c.query.get('after'))).toEqual([null, ada.id]);
  });

  it('opens the chart with the header and the Demographics tab', async () => {
    const { user } = await renderApp({
      me: makeMe('nurse'),
      path: '/patients',
      routes: {
        'GET /api/v1/patients': { body: { items: [ada], nextCursor: null } },
        [`GET /api/v1/patients/${ada.id}`]: { body: ada },
      },
    });
    await user.click(await screen.findByRole('link', { name: 'Lovelace, Ada' }));
    expect(await screen.findByRole('heading', { name: 'Lovelace, Ada', level: 1 })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Demographics' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getAllByText('MRN-0001').length).toBeGreaterThan(0);
    expect(window.location.pathname).toBe(`/patients/${ada.id}`);
  });
});

describe('new patient', () => {
  async function openForm() {
    const ctx = await renderApp({
      me: makeMe('front_desk'),
      path: '/patients',
      routes: {
        'GET /api/v1/patients': { body: { items: [], nextCursor: null } },
        'POST /api/v1/patients': apiError(400, 'validation_failed', 'Invalid request', [
          { field: 'body.dateOfBirth', message: 'is before 1900' },
          { field: 'body.emergencyContact.phone', message: 'may contain only digits' },
        ]),
      },
    });
    await ctx.user.click(screen.getByRole('button', { name: 'New patient' }));
    await screen.findByRole('dialog');
    return ctx;
  }

  async function fillValid(user: Awaited<ReturnType<typeof openForm>>['user']) {
    await user.type(screen.getByRole('textbox', { name: 'First name' }), 'Mary');
    await user.type(screen.getByRole('textbox', { name: 'Last name' }), 'Shelley');
    fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value: '1950-08-30' } });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sex' }), 'female');
    await user.type(screen.getByRole('textbox', { name: 'Address line 1' }), '1 Main St');
    await user.type(screen.getByRole('textbox', { name: 'City' }), 'Bath');
    await user.type(screen.getByRole('textbox', { name: 'State' }), 'SO');
    await user.type(screen.getByRole('textbox', { name: 'Postal code' }), 'BA1');
    await user.type(screen.getByRole('textbox', { name: 'Contact name' }), 'Percy');
    await user.type(screen.getByRole('textbox', { name: 'Contact phone' }), 'abc');
  }

  it('shows field errors from a 400 beside their fields', async () => {
    const { api, user } = await openForm();
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Create patient' }));

    const dobError = await screen.findByText('is before 1900');
    const dob = screen.getByLabelText('Date of birth');
    expect(dob.getAttribute('aria-invalid')).toBe('true');
    expect(dob.getAttribute('aria-describedby')).toContain(dobError.id);
    const ecPhone = screen.getByRole('textbox', { name: 'Contact phone' });
    expect(ecPhone.getAttribute('aria-describedby')).toContain(
      screen.getByText('may contain only digits').id,
    );
    expect(screen.getByRole('alert').textContent).toContain('Check the highlighted fields');

    expect(api.callsTo('POST', '/api/v1/patients')[0]?.body).toEqual({
      firstName: 'Mary',
      lastName: 'Shelley',
      dateOfBirth: '1950-08-30',
      sex: 'female',
      address: { line1: '1 Main St', city: 'Bath', state: 'SO', postalCode: 'BA1' },
      emergencyContact: { name: 'Percy', phone: 'abc' },
    });
  });

  it('checks required fields before sending', async () => {
    const { api, user } = await openForm();
    await user.type(screen.getByRole('textbox', { name: 'Address line 1' }), '1 Main St');
    await user.click(screen.getByRole('button', { name: 'Create patient' }));
    expect(screen.getByRole('textbox', { name: 'First name' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('combobox', { name: 'Sex' }).getAttribute('aria-invalid')).toBe('true');
    // A started address needs its other required parts.
    expect(screen.getByRole('textbox', { name: 'City' }).getAttribute('aria-invalid')).toBe('true');
    expect(api.callsTo('POST', '/api/v1/patients')).toHaveLength(0);
  });

  it('creates the patient and opens the chart', async () => {
    const { api, user } = await openForm();
    const created = makePatient({
      id: '00000000-0000-4000-8000-000000000777',
      firstName: 'Mary',
      lastName: 'Shelley',
    });
    api.on({
      'POST /api/v1/patients': { status: 201, body: created },
      [`GET /api/v1/patients/${created.id}`]: { body: created },
    });
    await fillValid(user);
    await user.clear(screen.getByRole('textbox', { name: 'Contact phone' }));
    await user.type(screen.getByRole('textbox', { name: 'Contact phone' }), '555 0100');
    await user.click(screen.getByRole('button', { name: 'Create patient' }));
    expect(await screen.findByRole('heading', { name: 'Shelley, Mary', level: 1 })).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/patients')[0]?.headers['x-csrf-token']).toBe('csrf-test-token');
  });
});
