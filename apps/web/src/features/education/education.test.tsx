import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { parseEducationBody } from './EducationBody.tsx';

const SLUG = 'what-integration-is';
const page = (over = {}) => ({
  slug: SLUG,
  version: 2,
  title: 'What integration is',
  summary: 'Turning what you notice into change.',
  topic: 'integration',
  sortOrder: 40,
  updatedAt: '2026-11-01T12:00:00Z',
  read: null,
  body: '## Making sense\nIntegration is the work\nof making sense.\n\n- A journal\n- A visit\n\n<b>not markup</b>',
  editedByName: 'Dr. Pat Prescriber',
  changeNote: null,
  versions: [],
  ...over,
});

describe('education body', () => {
  it('reads headings, paragraphs and lists from plain text, and nothing else', () => {
    expect(parseEducationBody(page().body)).toEqual([
      { kind: 'heading', text: 'Making sense' },
      { kind: 'paragraph', text: 'Integration is the work of making sense.' },
      { kind: 'list', items: ['A journal', 'A visit'] },
      { kind: 'paragraph', text: '<b>not markup</b>' },
    ]);
  });
});

describe('portal education page', () => {
  it('shows the page as text and records the version read', async () => {
    const me = makeMe('patient');
    const { api, user } = await renderApp({
      me,
      path: `/learn/${SLUG}`,
      routes: {
        [`GET /api/v1/education/${SLUG}`]: { body: page() },
        [`POST /api/v1/education/${SLUG}/read`]: {
          body: { slug: SLUG, version: 2, readAt: '2026-12-01T12:00:00Z', current: true },
        },
      },
    });
    expect(await screen.findByRole('heading', { name: 'What integration is', level: 1 })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Making sense', level: 2 })).toBeTruthy();
    expect(screen.getByText('<b>not markup</b>')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'I have read this page' }));
    const sent = api.calls.find((c) => c.method === 'POST');
    expect(sent?.body).toEqual({ version: 2 });
  });
});

describe('chart education tab', () => {
  it('shows which pages the patient read and whether in the current version', async () => {
    const patient = makePatient();
    await renderApp({
      me: makeMe('therapist'),
      path: `/patients/${patient.id}/education`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET /api/v1/patients/${patient.id}/education`]: {
          body: {
            items: [
              {
                slug: SLUG,
                title: 'What integration is',
                topic: 'integration',
                currentVersion: 2,
                readVersion: 1,
                readAt: '2026-11-20T12:00:00Z',
                readCurrent: false,
              },
              {
                slug: 'after-your-session',
                title: 'After your session',
                topic: 'aftercare',
                currentVersion: 1,
                readVersion: null,
                readAt: null,
                readCurrent: false,
              },
            ],
          },
        },
      },
    });
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Read version 1 of 2')).toBeTruthy();
    expect(within(table).getByText('Not read')).toBeTruthy();
    expect(screen.getByText('0 of 2 pages read in their current version.')).toBeTruthy();
  });
});

describe('education editor', () => {
  it('saves an edit as a new version and shows a field error the server names', async () => {
    const saved = page({ version: 3, summary: 'Shorter.' });
    let attempt = 0;
    const { api, user } = await renderApp({
      me: makeMe('admin'),
      path: '/education',
      routes: {
        'GET /api/v1/education': { body: { items: [page()] } },
        [`GET /api/v1/education/${SLUG}`]: {
          body: page({
            versions: [
              {
                version: 2,
                title: 'What integration is',
                status: 'current',
                editedByName: 'Dr. Pat Prescriber',
                changeNote: 'Clinic wording',
                createdAt: '2026-11-01T12:00:00Z',
              },
              {
                version: 1,
                title: 'What integration is',
                status: 'superseded',
                editedByName: null,
                changeNote: null,
                createdAt: '2026-10-01T12:00:00Z',
              },
            ],
          }),
        },
        [`PUT /api/v1/education/${SLUG}`]: () =>
          ++attempt === 1
            ? {
                status: 400,
                body: {
                  error: {
                    code: 'validation_failed',
                    message: 'bad',
                    details: [{ field: 'body.summary', message: 'is too long' }],
                  },
                },
              }
            : { body: saved },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Edit What integration is' }));
    expect(await screen.findByText('Clinic wording')).toBeTruthy();
    expect(screen.getByText('Plasticity default')).toBeTruthy();
    const summary = screen.getByLabelText('Summary');
    await user.clear(summary);
    await user.type(summary, 'Shorter.');
    await user.click(screen.getByRole('button', { name: 'Save as a new version' }));
    expect(await screen.findByText('is too long')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save as a new version' }));
    await screen.findByRole('button', { name: 'New page' });
    const puts = api.calls.filter((c) => c.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts[1]?.body).toMatchObject({
      summary: 'Shorter.',
      topic: 'integration',
      title: 'What integration is',
    });
  });
});
