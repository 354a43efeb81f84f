import { CHAIR_KIND_LABELS } from '@plasticity/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { CHAIR_1, CHAIRS, CLINICIANS, makeChair, NURSE, TYPES } from './testFixtures.ts';

describe('scheduling admin', { timeout: 40_000 }, () => {
  it('adds a chair, renames one and changes an appointment type', async () => {
    const { api, user } = await renderApp({
      me: makeMe('admin'),
      path: '/admin/chairs',
      routes: {
        'GET /api/v1/chairs': { body: { items: CHAIRS } },
        'GET /api/v1/appointment-types': { body: { items: TYPES } },
        'POST /api/v1/chairs': {
          status: 201,
          body: makeChair(3, { name: 'Spravato room', kind: 'spravato_room' }),
        },
        [`PATCH /api/v1/chairs/${CHAIR_1}`]: { body: makeChair(1, { name: 'Window chair' }) },
        'PATCH /api/v1/appointment-types/consultation': {
          body: { ...TYPES[0], bufferMin: 10, isDefault: false },
        },
      },
    });
    const table = await screen.findByRole('table', { name: 'Chairs and rooms' }, { timeout: 10_000 });
    const name = await within(table).findByRole('textbox', { name: 'Name of Chair 1' });
    await user.clear(name);
    await user.type(name, 'Window chair');
    await user.click(within(table).getAllByRole('button', { name: 'Save' })[0] as HTMLElement);
    expect(api.callsTo('PATCH', `/api/v1/chairs/${CHAIR_1}`)[0]?.body).toEqual({ name: 'Window chair' });

    await user.type(screen.getByRole('textbox', { name: 'New chair or room' }), 'Spravato room');
    await user.click(screen.getByRole('combobox', { name: 'Kind' }));
    await user.click(
      await screen.findByRole('option', { name: CHAIR_KIND_LABELS.spravato_room }, { timeout: 5_000 }),
    );
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(api.callsTo('POST', '/api/v1/chairs')[0]?.body).toEqual({
      name: 'Spravato room',
      kind: 'spravato_room',
    });

    const buffer = await screen.findByRole('textbox', { name: 'Consultation: buffer minutes' });
    await user.clear(buffer);
    await user.type(buffer, '10');
    const types = screen.getByRole('region', { name: 'Appointment types' });
    await user.click(within(types).getAllByRole('button', { name: 'Save' })[0] as HTMLElement);
    expect(api.callsTo('PATCH', '/api/v1/appointment-types/consultation')[0]?.body).toEqual({
      bufferMin: 10,
    });
  });

  it('sets a chair’s monitoring device alone, and shows the server’s refusal beside it', async () => {
    const eui = '0123456789ABCDEF';
    let answer: { status: number; body: unknown } = { status: 200, body: makeChair(1, { deviceId: eui }) };
    const { api, user } = await renderApp({
      me: makeMe('admin'),
      path: '/admin/chairs',
      routes: {
        'GET /api/v1/chairs': { body: { items: CHAIRS } },
        'GET /api/v1/appointment-types': { body: { items: TYPES } },
        [`PATCH /api/v1/chairs/${CHAIR_1}`]: () => answer,
      },
    });
    const table = await screen.findByRole('table', { name: 'Chairs and rooms' }, { timeout: 10_000 });
    const device = await within(table).findByRole('textbox', { name: 'Monitoring device of Chair 1' });
    expect(device.getAttribute('maxlength')).toBe('64');
    answer = {
      status: 409,
      body: {
        error: {
          code: 'conflict',
          message: 'body.deviceId: another chair holds this monitoring device',
          details: [{ field: 'body.deviceId', message: 'another chair holds this monitoring device' }],
        },
      },
    };
    await user.type(device, eui);
    await user.click(within(table).getAllByRole('button', { name: 'Save' })[0] as HTMLElement);
    expect(api.callsTo('PATCH', `/api/v1/chairs/${CHAIR_1}`).map((c) => c.body)).toEqual([{ deviceId: eui }]);
    expect(await within(table).findByText('another chair holds this monitoring device')).toBeTruthy();
  });

  it('saves a clinician’s weekly hours', async () => {
    const { api, user } = await renderApp({
      me: makeMe('admin'),
      path: '/admin/hours',
      routes: {
        'GET /api/v1/clinicians': { body: { items: CLINICIANS } },
        [`PUT /api/v1/clinicians/${NURSE}/hours`]: { body: CLINICIANS[0] },
      },
    });
    const card = await screen.findByRole('region', { name: 'Nora Nurse' }, { timeout: 10_000 });
    await user.click(within(card).getByRole('button', { name: 'Add hours' }));
    await user.click(within(card).getByRole('button', { name: 'Save weekly hours' }));
    expect(api.callsTo('PUT', `/api/v1/clinicians/${NURSE}/hours`)[0]?.body).toEqual({
      weekly: [
        { weekday: 1, start: '08:00', end: '16:00' },
        { weekday: 1, start: '09:00', end: '17:00' },
      ],
    });
  });
});
