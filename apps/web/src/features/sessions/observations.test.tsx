import { formatTime } from '@plasticity/clinical/time-format';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CLINIC, makeMe } from '../../test/fixtures.ts';
import { apiError } from '../../test/mockApi.ts';
import { renderApp } from '../../test/renderApp.tsx';
import type { SessionRecord } from './api.ts';
import { makeSession, SID } from './testSession.ts';

const OBS = `/api/v1/sessions/${SID}/observations`;

async function openSession(
  session: SessionRecord,
  observe: () => unknown = () => ({ status: 201, body: {} }),
) {
  const r = await renderApp({
    me: makeMe('nurse'),
    path: `/sessions/${SID}`,
    routes: {
      [`GET /api/v1/sessions/${SID}`]: { body: session },
      [`POST ${OBS}`]: () => observe() as never,
    },
  });
  await screen.findByRole('heading', { name: 'Observations' });
  return r;
}

const posted = (api: Awaited<ReturnType<typeof renderApp>>['api']) =>
  api.callsTo('POST', OBS).map((c) => c.body as Record<string, unknown>);

describe('session observations', () => {
  it('shows what is due: MOAA/S overdue 25 min after the dose (15 min interval + 5 min grace passed)', async () => {
    await openSession(makeSession(25));
    const due = screen.getByTestId('observation-due');
    expect(within(due).getByText(/MOAA\/S overdue since/)).toBeTruthy();
    expect(screen.getByText('No observations recorded yet.')).toBeTruthy();
  });

  it('shows the next one when nothing is due, and nothing before the patient is in the chair', async () => {
    const now = new Date().toISOString();
    const s = makeSession(5, {
      observations: [
        {
          id: '00000000-0000-4000-8000-000000000801',
          kind: 'moaas',
          at: now,
          data: { score: 5 },
          recordedBy: null,
        },
      ],
    });
    const view = await openSession(s);
    expect(within(screen.getByTestId('observation-due')).getByText(/Next: MOAA\/S at/)).toBeTruthy();
    expect(screen.getByTestId('observation-timeline').textContent).toContain(
      'Responds readily to name spoken in normal tone',
    );
    view.unmount();
    await openSession(makeSession(5, { status: 'checked_in', doseStartedAt: null, observationsDue: null }));
    expect(screen.queryByTestId('observation-due')).toBeNull();
  });

  it('records a MOAA/S with the scale’s anchor texts', async () => {
    const { api, user } = await openSession(makeSession(20));
    const group = screen.getByRole('radiogroup', { name: 'MOAA/S score' });
    expect(within(group).getAllByRole('radio')).toHaveLength(6);
    await user.click(
      within(group).getByLabelText('3 — Responds only after name is called loudly and/or repeatedly'),
    );
    await user.click(screen.getByRole('button', { name: 'Save MOAA/S' }));
    expect(posted(api)).toEqual([{ kind: 'moaas', at: expect.any(String), score: 3 }]);
  });

  it('records a CADSS-6: six items 0–4 with the total shown', async () => {
    const { api, user } = await openSession(makeSession(41));
    await user.click(screen.getByRole('tab', { name: 'Dissociation (CADSS-6)' }));
    const save = screen.getByRole('button', { name: 'Save CADSS-6' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    const ratings = [1, 2, 0, 1, 0, 4];
    // Each item has a plain-words label (the CADSS wording is not licensed for reproduction).
    const labels = [
      'Item 1 — time seems slowed (CADSS 1)',
      'Item 2 — surroundings feel unreal (CADSS 2)',
      'Item 3 — feeling detached from the body (CADSS 6)',
      'Item 4 — body size or shape feels changed (CADSS 7)',
      'Item 5 — spacing out, losing track of events (CADSS 15)',
      'Item 6 — CADSS item 22 (ask as worded in the CADSS manual)',
    ];
    for (const [i, v] of ratings.entries()) {
      const item = screen.getByRole('radiogroup', { name: labels[i] });
      await user.click(within(item).getByRole('radio', { name: String(v) }));
    }
    expect(screen.getByTestId('cadss6-total').textContent).toBe('Total 8 / 24');
    await user.click(save);
    expect(posted(api)).toEqual([{ kind: 'cadss6', at: expect.any(String), items: ratings }]);
  });

  it('records a distress event with interventions and a medication with its dose', async () => {
    const { api, user } = await openSession(makeSession(20));
    await user.click(screen.getByRole('tab', { name: 'Distress event' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'emergence_reaction');
    await user.type(screen.getByLabelText('Description (optional)'), 'crying, frightened');
    await user.click(screen.getByLabelText('Reassurance'));
    await user.click(screen.getByLabelText('Music or eyeshade'));
    await user.click(screen.getByRole('button', { name: 'Add medication' }));
    await user.type(screen.getByLabelText('Medication'), 'midazolam');
    await user.type(screen.getByLabelText('Medication dose (mg)'), '1');
    await user.click(screen.getByRole('button', { name: 'Save distress event' }));
    expect(posted(api)).toEqual([
      {
        kind: 'distress',
        at: expect.any(String),
        type: 'emergence_reaction',
        description: 'crying, frightened',
        interventions: [
          { kind: 'reassurance' },
          { kind: 'music_or_eyeshade' },
          { kind: 'medication', medication: 'midazolam', doseMg: 1 },
        ],
      },
    ]);
  });

  it('shows the server’s error beside the medication it names', async () => {
    const { user } = await openSession(makeSession(20), () =>
      apiError(400, 'validation_failed', 'body.interventions[1]: medication needs its name and doseMg', [
        { field: 'body.interventions[1]', message: 'medication needs its name and doseMg' },
      ]),
    );
    await user.click(screen.getByRole('tab', { name: 'Distress event' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'anxiety');
    await user.click(screen.getByLabelText('Reassurance'));
    await user.click(screen.getByRole('button', { name: 'Add medication' }));
    await user.type(screen.getByLabelText('Medication dose (mg)'), '1');
    await user.click(screen.getByRole('button', { name: 'Save distress event' }));
    const med = screen.getByLabelText('Medication');
    expect(med.getAttribute('aria-invalid')).toBe('true');
    const describedBy = med.getAttribute('aria-describedby') ?? '';
    expect(
      document.getElementById(describedBy.split(' ').find((x) => x.includes('error')) ?? '')?.textContent,
    ).toBe('medication needs its name and dose (mg)');
  });

  it('records an adverse event with severity, seriousness and outcome', async () => {
    const { api, user } = await openSession(makeSession(20));
    await user.click(screen.getByRole('tab', { name: 'Adverse event' }));
    await user.type(screen.getByLabelText('What happened'), 'vomited once');
    await user.click(screen.getByLabelText('Moderate'));
    await user.click(screen.getByLabelText('Serious adverse event'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'resolved');
    await user.type(screen.getByLabelText(/^Time/), '14:05');
    await user.click(screen.getByRole('button', { name: 'Save adverse event' }));
    const [body] = posted(api);
    expect(body).toEqual({
      kind: 'adverse_event',
      at: expect.any(String),
      description: 'vomited once',
      severity: 'moderate',
      serious: true,
      outcome: 'resolved',
    });
    // The typed time is the clinic's wall clock (fixture clinic: America/Chicago), not the browser's.
    expect(formatTime(body?.at as string, CLINIC.timeZone)).toBe('14:05');
  });

  it('shows a field error from the API beside the MOAA/S score', async () => {
    const { user } = await openSession(makeSession(20), () =>
      apiError(400, 'validation_failed', 'body.score: too big', [
        { field: 'body.score', message: 'Too big' },
      ]),
    );
    await user.click(screen.getByLabelText(/^5 — /));
    await user.click(screen.getByRole('button', { name: 'Save MOAA/S' }));
    const group = screen.getByRole('radiogroup', { name: 'MOAA/S score' });
    expect(await within(group.parentElement as HTMLElement).findByText('Too big')).toBeTruthy();
  });
});

describe('board observation flag', () => {
  const chair = (observations: unknown) => ({
    now: new Date().toISOString(),
    lastEventId: 1,
    closedVisibleMin: 30,
    sessions: [
      {
        id: SID,
        chair: '3',
        patient: {
          id: '00000000-0000-4000-8000-000000000500',
          firstName: 'Ada',
          lastName: 'Lovelace',
          mrn: 'MRN-1',
        },
        protocol: { id: 'p', name: 'IV ketamine', drug: 'ketamine', route: 'iv', cadenceMin: 15 },
        status: 'monitoring',
        scheduledAt: new Date().toISOString(),
        phaseSince: null,
        doseStartedAt: new Date(Date.now() - 20 * 60_000).toISOString(),
        dischargedAt: null,
        dose: null,
        latestVitals: null,
        trend: [],
        alerts: [],
        observations,
      },
    ],
  });
  const minAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

  // Each flag is made when its test runs: times are relative to then, not to when the table was read.
  it.each<[string, (() => unknown) | null, string | null]>([
    [
      'due from the server',
      () => ({
        graceMin: 5,
        anyDue: true,
        anyOverdue: false,
        due: [{ kind: 'moaas', when: 'every', dueAt: minAgo(1), state: 'due' }],
        nextAt: null,
        nextKind: null,
      }),
      'MOAA/S due',
    ],
    [
      'due on the server, overdue by now (grace passed since)',
      () => ({
        graceMin: 5,
        anyDue: true,
        anyOverdue: false,
        due: [{ kind: 'cadss6', when: 'at_minute', dueAt: minAgo(6), state: 'due' }],
        nextAt: null,
        nextKind: null,
      }),
      'CADSS-6 overdue by 6 min',
    ],
    [
      'the next one has come due since the board loaded',
      () => ({
        graceMin: 5,
        anyDue: false,
        anyOverdue: false,
        due: [],
        nextAt: minAgo(2),
        nextKind: 'moaas',
      }),
      'MOAA/S due',
    ],
    [
      'nothing due yet',
      () => ({
        graceMin: 5,
        anyDue: false,
        anyOverdue: false,
        due: [],
        nextAt: new Date(Date.now() + 60_000).toISOString(),
        nextKind: 'moaas',
      }),
      null,
    ],
    ['not in the chair', null, null],
  ])('%s', async (_name, flag, text) => {
    await renderApp({
      me: makeMe('nurse'),
      path: '/board',
      routes: { 'GET /api/v1/board': { body: chair(flag ? flag() : null) } },
    });
    const card = await screen.findByTestId('chair-3');
    const badge = within(card).queryByTestId('board-observation-due');
    expect(badge?.textContent ?? null).toBe(text);
  });
});
