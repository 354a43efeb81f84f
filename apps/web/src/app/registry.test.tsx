import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeMe, makePatient } from '../test/fixtures.ts';
import { renderApp } from '../test/renderApp.tsx';
import {
  type ChartTabProps,
  chartTabsFor,
  matchRoute,
  navFor,
  registerFeature,
  unregisterFeature,
} from './registry.ts';

function PlanTab({ patient }: ChartTabProps) {
  return <p>Plan for {patient.firstName}</p>;
}
function BoardPage() {
  return <h1>Board</h1>;
}

afterEach(() => unregisterFeature('test-feature'));

describe('feature registry', () => {
  it('adds nav items, routes and chart tabs for the roles given, in order', () => {
    registerFeature({
      id: 'test-feature',
      nav: [{ id: 'board', label: 'Board', path: '/board', roles: ['nurse'], order: 20 }],
      routes: [{ id: 'board', path: '/board', roles: ['nurse'], title: 'Board', component: BoardPage }],
      chartTabs: [{ id: 'plan', label: 'Plan', roles: ['nurse'], order: 10, component: PlanTab }],
    });
    expect(navFor('nurse').map((n) => n.label)).toEqual(['Patients', 'Board']);
    expect(navFor('front_desk').map((n) => n.label)).toEqual(['Patients']);
    expect(chartTabsFor('nurse').map((t) => t.id)).toEqual(['demographics', 'plan']);
    expect(chartTabsFor('front_desk').map((t) => t.id)).toEqual(['demographics']);
    expect(matchRoute('/board', 'nurse')?.route.id).toBe('board');
    expect(matchRoute('/board', 'front_desk')).toBeNull();
    expect(matchRoute('/patients/abc/plan', 'nurse')?.params).toEqual({ id: 'abc', tab: 'plan' });
  });

  it('re-registering a feature id replaces it', () => {
    registerFeature({ id: 'test-feature', nav: [{ id: 'a', label: 'A', path: '/a', roles: ['nurse'] }] });
    registerFeature({ id: 'test-feature', nav: [{ id: 'b', label: 'B', path: '/b', roles: ['nurse'] }] });
    expect(navFor('nurse').map((n) => n.label)).toEqual(['Patients', 'B']);
  });

  it('renders a registered chart tab and route inside the app', async () => {
    registerFeature({
      id: 'test-feature',
      nav: [{ id: 'board', label: 'Board', path: '/board', roles: ['nurse'], order: 20 }],
      routes: [{ id: 'board', path: '/board', roles: ['nurse'], title: 'Board', component: BoardPage }],
      chartTabs: [{ id: 'plan', label: 'Plan', roles: ['nurse'], order: 10, component: PlanTab }],
    });
    const patient = makePatient();
    const { user } = await renderApp({
      me: makeMe('nurse'),
      path: `/patients/${patient.id}/plan`,
      routes: { [`GET /api/v1/patients/${patient.id}`]: { body: patient } },
    });
    expect(await screen.findByText('Plan for Ada')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Plan' }).getAttribute('aria-selected')).toBe('true');
    await user.click(screen.getByRole('tab', { name: 'Demographics' }));
    expect(window.location.pathname).toBe(`/patients/${patient.id}`);
    await user.click(screen.getByRole('link', { name: 'Board' }));
    expect(await screen.findByRole('heading', { name: 'Board' })).toBeTruthy();
    expect(document.title).toBe('Board · Plasticity');
  });
});
