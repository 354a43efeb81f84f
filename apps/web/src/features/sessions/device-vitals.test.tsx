/**
 * Readings from a bedside monitor on the session page: marked "Device", confirmed by the nurse one at a time or
 * all at once (the validation of device data); typed readings need no confirmation.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { makeSession, SID } from './testSession.ts';

const reading = (id: string, at: string, source: 'manual' | 'device', confirmedAt: string | null = null) => ({
  id,
  at,
  sbp: 120,
  dbp: 80,
  hr: 70,
  spo2: 97,
  rr: 14,
  etco2: null,
  tempC: null,
  source,
  deviceId: source === 'device' ? '0123456789ABCDEF' : null,
  confirmedAt,
  confirmedBy: confirmedAt ? '00000000-0000-4000-8000-000000000900' : null,
});
const V1 = '00000000-0000-4000-8000-000000000801';
const V2 = '00000000-0000-4000-8000-000000000802';
const V3 = '00000000-0000-4000-8000-000000000803';
const V4 = '00000000-0000-4000-8000-000000000804';

describe('device readings on the session page', () => {
  it('marks device readings and confirms one, or all that wait', async () => {
    const s = makeSession(30, {
      vitals: [
        reading(V1, '2026-11-27T15:00:00Z', 'manual'),
        reading(V2, '2026-11-27T15:05:00Z', 'device', '2026-11-27T15:06:00Z'),
        reading(V3, '2026-11-27T15:10:00Z', 'device'),
        reading(V4, '2026-11-27T15:15:00Z', 'device'),
      ],
    });
    const r = await renderApp({
      me: makeMe('nurse'),
      path: `/sessions/${SID}`,
      routes: {
        [`GET /api/v1/sessions/${SID}`]: { body: s },
        [`POST /api/v1/sessions/${SID}/vitals/confirm`]: { body: { confirmed: 1, vitals: [] } },
      },
    });
    const table = (await screen.findByText('Source')).closest('table') as HTMLElement;
    expect(within(table).getAllByText('Device')).toHaveLength(3);
    expect(within(table).getByText('Typed')).toBeTruthy();
    expect(within(table).getByText('Confirmed')).toBeTruthy();
    expect(screen.getByText(/2 readings from the bedside monitor wait for your confirmation/)).toBeTruthy();
    const one = within(table).getAllByRole('button', { name: /Confirm the reading of/ });
    expect(one).toHaveLength(2);
    // Newest first: the first button is the reading of 15:15.
    await r.user.click(one[0] as HTMLElement);
    await r.user.click(screen.getByRole('button', { name: 'Confirm all from the monitor' }));
    expect(r.api.callsTo('POST', `/api/v1/sessions/${SID}/vitals/confirm`).map((c) => c.body)).toEqual([
      { vitalIds: [V4] },
      { vitalIds: [V3, V4] },
    ]);
  });
});
