import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const me = makeMe('patient');
const P = `/api/v1/patients/${me.patientId}`;
const page = (
  slug: string,
  title: string,
  read: null | { version: number; readAt: string; current: boolean },
) => ({
  slug,
  version: 2,
  title,
  summary: `${title} in short.`,
  topic: slug === 'after-your-session' ? 'aftercare' : 'treatment',
  sortOrder: 10,
  updatedAt: '2026-11-01T12:00:00Z',
  read,
});
const aftercare = {
  ...page('after-your-session', 'After your session', {
    version: 1,
    readAt: '2026-11-20T12:00:00Z',
    current: false,
  }),
  body: '## The rest of today\n- Rest at home.\n\nNo driving until tomorrow.',
  editedByName: null,
  changeNote: null,
  versions: [],
};
const visit = {
  id: '00000000-0000-4000-8000-000000000901',
  type: 'dosing',
  typeLabel: 'Dosing visit',
  status: 'booked',
  start: '2026-12-08T16:00:00Z',
  end: '2026-12-08T18:30:00Z',
  clinicName: 'Riverside Clinic',
  clinicAddress: '1 Main St',
  clinicPhone: null,
  placeName: 'Chair 3',
  clinicianName: null,
  instructions: ['Bring an adult escort who will take you home after the visit; you cannot leave alone.'],
  canCancel: false,
  cancelDeadline: null,
  cancelNote: null,
  bookedVia: 'staff',
};

const ASSESSMENT = {
  id: '00000000-0000-4000-8000-000000000801',
  patientId: me.patientId,
  instrument: 'phq9',
  instrumentVersion: '1',
  answers: [],
  total: 8,
  severity: null,
  flags: [],
  missing: [],
  prorated: false,
  warnings: [],
  administeredAt: '2026-11-28T12:00:00Z',
  source: 'portal',
  completedVia: 'portal',
  handedBy: null,
  createdAt: '2026-11-28T12:00:00Z',
};

const routes = {
  'GET /api/v1/portal/appointments': { body: { items: [visit] } },
  [`GET ${P}/check-ins`]: {
    body: {
      items: [
        {
          requestId: '00000000-0000-4000-8000-000000000701',
          instrument: 'phq9',
          dueAt: '2026-12-01T12:00:00Z',
        },
      ],
      instruments: [],
    },
  },
  [`GET ${P}/plans`]: { body: { items: [] } },
  [`GET ${P}/intake`]: { body: { items: [] } },
  [`GET ${P}/assessments`]: (call: { query: URLSearchParams }) => ({
    body: {
      items: [{ instrument: 'phq9' }].map((x) => ({ ...ASSESSMENT, instrument: x.instrument })),
      ...(call.query.get('instrument') === 'phq9'
        ? {
            baseline: 19,
            baselineAt: '2026-10-01T12:00:00Z',
            latest: 8,
            latestAt: '2026-11-28T12:00:00Z',
            changePct: -57.9,
            response: true,
            remission: false,
          }
        : {
            baseline: null,
            baselineAt: null,
            latest: null,
            latestAt: null,
            changePct: null,
            response: null,
            remission: null,
          }),
      firstDoseAt: null,
      progress: 'Long wording.',
    },
  }),
  'GET /api/v1/education': {
    body: {
      items: [
        page('what-ketamine-and-esketamine-do', 'What ketamine and esketamine do', {
          version: 2,
          readAt: '2026-11-20T12:00:00Z',
          current: true,
        }),
        page('what-integration-is', 'What integration is', null),
        page('after-your-session', 'After your session', {
          version: 1,
          readAt: '2026-11-20T12:00:00Z',
          current: false,
        }),
      ],
    },
  },
  'GET /api/v1/portal/aftercare': {
    body: {
      session: {
        id: '00000000-0000-4000-8000-000000000601',
        startedAt: '2026-11-30T15:00:00Z',
        dischargedAt: '2026-11-30T17:10:00Z',
      },
      page: aftercare,
    },
  },
};

describe('portal home', () => {
  it('shows the next visit with its preparation, what is due, the journal, after-care and education', async () => {
    await renderApp({ me, path: '/', routes });
    expect(await screen.findByRole('heading', { name: 'Welcome', level: 1 })).toBeTruthy();
    const next = screen.getByRole('region', { name: 'Your next visit' });
    expect(await within(next).findByText(/Bring an adult escort/)).toBeTruthy();
    const todo = screen.getByRole('region', { name: 'To do' });
    expect(await within(todo).findByRole('link', { name: 'Fill in 1 form for your care team' })).toBeTruthy();
    expect(await within(todo).findByRole('link', { name: 'Complete your intake questions' })).toBeTruthy();
    expect(within(todo).getByRole('link', { name: 'My consents' }).getAttribute('href')).toBe('/consents');
    const journal = screen.getByRole('region', { name: 'Journal' });
    expect(within(journal).getByRole('link', { name: 'Open my journal' }).getAttribute('href')).toBe(
      '/journal',
    );
    const after = screen.getByRole('region', { name: 'After your session' });
    expect(await within(after).findByText('Updated since you read it')).toBeTruthy();
    const learn = screen.getByRole('region', { name: 'Learn about your treatment' });
    expect(await within(learn).findByText('You have read 1 of 3 pages.')).toBeTruthy();
    expect(within(learn).getByRole('link', { name: 'What integration is' }).getAttribute('href')).toBe(
      '/learn/what-integration-is',
    );
    const progress = screen.getByRole('region', { name: 'Your progress' });
    expect(
      await within(progress).findByText(
        'Your PHQ-9 went from 19 to 8 since you started: that is a response.',
      ),
    ).toBeTruthy();
  });

  it('keeps the crisis line one tap away: call or text 988, call 911', async () => {
    await renderApp({ me, path: '/', routes });
    const crisis = await screen.findByRole('complementary', { name: 'Help in a crisis' });
    expect(
      within(crisis)
        .getByRole('link', { name: /Call 988/ })
        .getAttribute('href'),
    ).toBe('tel:988');
    expect(
      within(crisis)
        .getByRole('link', { name: /Text 988/ })
        .getAttribute('href'),
    ).toBe('sms:988');
    expect(
      within(crisis)
        .getByRole('link', { name: /Call 911/ })
        .getAttribute('href'),
    ).toBe('tel:911');
  });
});
