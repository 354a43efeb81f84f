/**
 * The discharge panel: the recovery observations the SPRAVATO REMS requires before an esketamine patient leaves
 * are recorded, and the instruction sheet exists once, under <body>, with the clinic's name, phone and the date
 * in the clinic's time zone (not the browser's).
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { makeSession, SID } from './testSession.ts';

describe('discharge panel', () => {
  it('prints one sheet with the clinic name, phone and the date in the clinic time zone', async () => {
    const s = makeSession(130, {
      status: 'recovery',
      doseStartedAt: '2026-11-28T03:30:00Z', // 22:30 on 27 Nov in New York
      clinic: { name: 'Fresh Start Ketamine', phone: '919-555-0100', timeZone: 'America/New_York' },
    });
    await renderApp({
      me: makeMe('nurse'),
      path: `/sessions/${SID}`,
      routes: { [`GET /api/v1/sessions/${SID}`]: { body: s } },
    });
    await screen.findByRole('button', { name: 'Print discharge instructions' });
    const sheets = screen.getAllByTestId('discharge-sheet');
    expect(sheets).toHaveLength(1);
    const sheet = sheets[0] as HTMLElement;
    expect(sheet.closest('[data-testid="discharge-print"]')?.parentElement).toBe(document.body);
    expect(sheet.textContent).toContain('Fresh Start Ketamine · 919-555-0100');
    expect(sheet.textContent).toContain('2026-11-27 at 22:30 (America/New_York)');
  });

  it('records sedation and dissociation resolved and respiratory depression', async () => {
    const s = makeSession(130, { status: 'recovery' });
    const r = await renderApp({
      me: makeMe('nurse'),
      path: `/sessions/${SID}`,
      routes: {
        [`GET /api/v1/sessions/${SID}`]: { body: s },
        [`PUT /api/v1/sessions/${SID}/discharge-assessment`]: { body: {} },
      },
    });
    const { user } = r;
    await user.click(await screen.findByLabelText('Sedation resolved'));
    await user.click(screen.getByLabelText('Dissociation resolved'));
    await user.selectOptions(screen.getByLabelText('Respiratory depression'), 'None');
    const sent = r.api.callsTo('PUT', `/api/v1/sessions/${SID}/discharge-assessment`).map((c) => c.body);
    expect(sent).toEqual([
      { sedationResolved: true },
      { dissociationResolved: true },
      { respiratoryDepression: false },
    ]);
    expect(within(document.body).queryAllByTestId('discharge-sheet')).toHaveLength(1);
  });
});
