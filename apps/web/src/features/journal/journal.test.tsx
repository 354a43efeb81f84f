import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const me = makeMe('patient');
const PATIENT_ID = me.patientId as string;
const PROMPT = '00000000-0000-4000-8000-000000000701';
const ENTRY = '00000000-0000-4000-8000-000000000702';
interface EntryT {
  id: string;
  text: string;
  promptId: string | null;
  promptText: string | null;
  shared: boolean;
  sharedAt: string | null;
  createdAt: string;
}
const entry = (over: Partial<EntryT> = {}): EntryT => ({
  id: ENTRY,
  text: 'A calm evening.',
  promptId: null,
  promptText: null,
  shared: false,
  sharedAt: null,
  createdAt: '2026-12-05T02:00:00Z',
  ...over,
});
const prompts = {
  phase: 'evening_after',
  items: [{ id: PROMPT, text: 'What do you remember most from today’s session?', phase: 'evening_after' }],
};

describe('portal journal', () => {
  it('writes a private entry by default, shares one only when asked, and changes sharing', async () => {
    let items = [entry()];
    const { api, user } = await renderApp({
      me,
      path: '/journal',
      routes: {
        'GET /api/v1/portal/journal': () => ({ body: { items } }),
        'GET /api/v1/portal/journal/prompts': { body: prompts },
        [`GET /api/v1/patients/${PATIENT_ID}/mood`]: { body: { items: [] } },
        'POST /api/v1/portal/journal': (call) => {
          const body = call.body as { text: string; shared: boolean; promptId?: string };
          const made = entry({
            id: `00000000-0000-4000-8000-00000000080${items.length}`,
            text: body.text,
            shared: body.shared,
            sharedAt: body.shared ? '2026-12-06T02:00:00Z' : null,
          });
          items = [made, ...items];
          return { status: 201, body: made };
        },
        [`PATCH /api/v1/portal/journal/${ENTRY}`]: (call) => {
          const shared = (call.body as { shared: boolean }).shared;
          items = items.map((e) =>
            e.id === ENTRY ? { ...e, shared, sharedAt: shared ? '2026-12-06T03:00:00Z' : null } : e,
          );
          return { body: items.find((e) => e.id === ENTRY) };
        },
      },
    });
    const first = await screen.findByRole('article', { name: /^Entry of/ });
    expect(within(first).getByText('Private')).toBeTruthy();
    expect(screen.getByText(/Suggested for now: the evening after a session/)).toBeTruthy();

    const sharing = screen.getByRole('switch', { name: /^Share with my care team/ }) as HTMLInputElement;
    expect(sharing.checked).toBe(false);
    await user.type(screen.getByRole('textbox', { name: 'Your entry' }), 'Only for me.');
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    expect(await screen.findByText('Saved. Only you can read it.')).toBeTruthy();
    const posts = () => api.calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/portal/journal');
    expect(posts()[0]?.body).toEqual({ text: 'Only for me.', shared: false });

    await user.type(screen.getByRole('textbox', { name: 'Your entry' }), 'For my therapist.');
    await user.click(screen.getByRole('switch', { name: /^Share with my care team/ }));
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    expect(await screen.findByText('Saved and shared with your care team.')).toBeTruthy();
    expect(posts()[1]?.body).toEqual({ text: 'For my therapist.', shared: true });
    expect(
      ((await screen.findByRole('switch', { name: /^Share with my care team/ })) as HTMLInputElement).checked,
    ).toBe(false);

    const original = screen
      .getAllByRole('article', { name: /^Entry of/ })
      .find((a) => within(a).queryByText('A calm evening.'));
    if (!original) throw new Error('the first entry is gone');
    await user.click(within(original).getByRole('button', { name: 'Share with my care team' }));
    expect(await within(original).findByText('Shared with my care team')).toBeTruthy();
    await user.click(within(original).getByRole('button', { name: 'Stop sharing' }));
    expect(await within(original).findByText('Private')).toBeTruthy();
    const patches = api.calls.filter((c) => c.method === 'PATCH').map((c) => c.body);
    expect(patches).toEqual([{ shared: true }, { shared: false }]);
  }, 30_000);

  it('records the mood with one tap and shows crisis resources for a low rating', async () => {
    const { api, user } = await renderApp({
      me,
      path: '/journal',
      routes: {
        'GET /api/v1/portal/journal': { body: { items: [] } },
        'GET /api/v1/portal/journal/prompts': { body: { phase: 'any', items: [] } },
        [`GET /api/v1/patients/${PATIENT_ID}/mood`]: { body: { items: [] } },
        'POST /api/v1/portal/mood': (call) => ({
          status: 201,
          body: {
            id: '00000000-0000-4000-8000-000000000901',
            score: (call.body as { score: number }).score,
            note: null,
            recordedAt: new Date().toISOString(),
            date: new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date()),
          },
        }),
      },
    });
    const scale = await screen.findByRole('group', { name: 'Mood from 0 to 10' });
    await user.click(within(scale).getByRole('button', { name: '7 out of 10' }));
    expect(await screen.findByText('Thank you. Today’s check-in: 7 out of 10.')).toBeTruthy();
    expect(screen.queryByText('If you need help now')).toBeNull();
    await user.click(within(scale).getByRole('button', { name: '1 out of 10' }));
    expect(await screen.findByText('If you need help now')).toBeTruthy();
    expect(api.calls.filter((c) => c.path === '/api/v1/portal/mood').map((c) => c.body)).toEqual([
      { score: 7 },
      { score: 1 },
    ]);
  }, 30_000);
});

describe('chart tab "Journal"', () => {
  it('shows the shared entries and the mood trend', async () => {
    const patient = makePatient();
    await renderApp({
      me: makeMe('therapist'),
      path: `/patients/${patient.id}/journal`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET /api/v1/patients/${patient.id}/journal`]: {
          body: {
            items: [
              {
                id: ENTRY,
                patientId: patient.id,
                text: 'I let the fear pass.',
                promptText: 'What do you remember most?',
                sharedAt: '2026-12-05T03:00:00Z',
                createdAt: '2026-12-05T02:00:00Z',
              },
            ],
          },
        },
        [`GET /api/v1/patients/${patient.id}/mood`]: {
          body: {
            items: [
              { date: '2026-12-04', score: 5, recordedAt: '2026-12-04T15:00:00Z' },
              { date: '2026-12-05', score: 7, recordedAt: '2026-12-05T15:00:00Z' },
            ],
          },
        },
      },
    });
    expect(await screen.findByText('I let the fear pass.')).toBeTruthy();
    expect(screen.getByText('What do you remember most?')).toBeTruthy();
    expect(await screen.findByRole('img', { name: /latest 7 on 2026-12-05/ })).toBeTruthy();
  }, 30_000);
});
