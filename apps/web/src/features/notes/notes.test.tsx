import type { ClinicalNote } from '@plasticity/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const patient = makePatient();
const me = makeMe('therapist');
const url = `/api/v1/patients/${patient.id}/notes`;
const note = (over: Partial<ClinicalNote>): ClinicalNote => ({
  id: '00000000-0000-4000-8000-000000000b01',
  patientId: patient.id,
  sessionId: null,
  kind: 'integration',
  authorId: me.id,
  authorName: 'Theo Therapist',
  authorRole: 'therapist',
  custodianId: null,
  body: 'Engaged and reflective',
  sections: { moodRisk: 'No safety concerns' },
  signedAt: '2026-03-02T15:00:00Z',
  status: 'signed',
  enteredInErrorAt: null,
  enteredInErrorByName: null,
  enteredInErrorReason: null,
  addenda: [],
  citedJournalEntries: [],
  ...over,
});

describe('chart tab "Notes"', () => {
  it('lists notes with their template parts, and marks the caller’s psychotherapy note private', async () => {
    await renderApp({
      me,
      path: `/patients/${patient.id}/notes`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET ${url}`]: {
          body: {
            items: [
              note({}),
              note({
                id: '00000000-0000-4000-8000-000000000b02',
                kind: 'psychotherapy',
                custodianId: me.id,
                sections: null,
                body: 'Process note',
              }),
            ],
          },
        },
      },
    });
    const integration = await screen.findByRole('article', { name: 'Integration note' });
    expect(within(integration).getByText('No safety concerns')).toBeTruthy();
    expect(within(integration).getByText(/Mood and risk check/)).toBeTruthy();
    const private_ = screen.getByRole('article', { name: 'Psychotherapy note' });
    expect(within(private_).getByText('Private to you')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print record' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export record' })).toBeTruthy();
  });

  it('writes an integration note from the template, and warns that a psychotherapy note stays private', async () => {
    const made = note({ id: '00000000-0000-4000-8000-000000000b03' });
    const { api, user } = await renderApp({
      me,
      path: `/patients/${patient.id}/notes`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET ${url}`]: { body: { items: [] } },
        [`POST ${url}`]: { status: 201, body: made },
        [`GET /api/v1/patients/${patient.id}/sessions`]: { body: { items: [] } },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'New note' }));
    await user.click(screen.getByRole('radio', { name: 'Psychotherapy note' }));
    expect(screen.getByText(/Only you can read it/)).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Integration note' }));
    await user.type(screen.getByLabelText('Insights'), 'Kinder to self');
    await user.type(screen.getByLabelText(/Summary/), 'Visit went well');
    await user.click(screen.getByRole('button', { name: 'Sign and save' }));
    await screen.findByRole('button', { name: 'New note' });
    expect(api.callsTo('POST', url)[0]?.body).toEqual({
      kind: 'integration',
      body: 'Visit went well',
      sections: { insights: 'Kinder to self' },
    });
  });
});

describe('account page: handing over psychotherapy notes', () => {
  it('hands every note the therapist holds to the chosen successor after a confirmation', async () => {
    const successor = {
      id: '00000000-0000-4000-8000-000000000c01',
      displayName: 'Dr. Pat',
      role: 'prescriber',
    };
    const { api, user } = await renderApp({
      me,
      path: '/account',
      routes: {
        'GET /api/v1/psychotherapy-notes/handover': { body: { count: 3, successors: [successor] } },
        'POST /api/v1/psychotherapy-notes/handover': {
          body: { successorId: successor.id, successorName: 'Dr. Pat', count: 3, at: '2026-03-02T15:00:00Z' },
        },
      },
    });
    expect(await screen.findByText(/You hold 3 psychotherapy notes/)).toBeTruthy();
    await user.click(screen.getByRole('combobox', { name: 'Successor' }));
    await user.click(await screen.findByRole('option', { name: /Dr. Pat/ }, { timeout: 5_000 }));
    await user.click(screen.getByRole('button', { name: 'Hand over' }));
    await user.click(screen.getByRole('button', { name: 'Hand all 3 to Dr. Pat' }));
    expect(await screen.findByText(/3 notes were handed to Dr. Pat/)).toBeTruthy();
    expect(api.callsTo('POST', '/api/v1/psychotherapy-notes/handover')[0]?.body).toEqual({
      successorId: successor.id,
    });
  });
});

describe('note search', () => {
  it('finds notes by their words and links each to the patient’s notes', async () => {
    const { api, user } = await renderApp({
      me: makeMe('nurse'),
      path: '/notes',
      routes: {
        'GET /api/v1/notes/search': {
          body: {
            items: [
              {
                noteId: '00000000-0000-4000-8000-000000000d01',
                patientId: patient.id,
                patientName: 'Lovelace, Ada',
                kind: 'progress',
                authorName: 'Nia Nurse',
                signedAt: '2026-03-02T15:00:00Z',
                excerpt: '…blood pressure settled…',
              },
            ],
          },
        },
      },
    });
    await user.type(await screen.findByLabelText(/Words in a progress/), 'pressure');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const hit = await screen.findByRole('article', { name: 'Lovelace, Ada' });
    expect(within(hit).getByText('…blood pressure settled…')).toBeTruthy();
    expect(within(hit).getByRole('link', { name: 'Lovelace, Ada' }).getAttribute('href')).toBe(
      `/patients/${patient.id}/notes`,
    );
    expect(api.callsTo('GET', '/api/v1/notes/search')).toHaveLength(1);
  });
});
