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
      nav: [{ id: 'board', label: 'Board', path: '/test-board', roles: ['nurse'], order: 20 }],
      routes: [{ id: 'board', path: '/test-board', roles: ['nurse'], title: 'Board', component: BoardPage }],
      chartTabs: [{ id: 'plan', label: 'Plan', roles: ['nurse'], order: 10, component: PlanTab }],
    });
    const nurseNav = navFor('nurse').map((n) => n.label);
    expect(nurseNav).toContain('Board');
    // ordered: Patients (order 10) before Board (order 20)
    expect(nurseNav.indexOf('Patients')).toBeLessThan(nurseNav.indexOf('Board'));
    expect(navFor('front_desk').map((n) => n.label)).not.toContain('Board');
    const nurseTabs = chartTabsFor('nurse').map((t) => t.id);
    expect(nurseTabs[0]).toBe('demographics');
    expect(nurseTabs).toContain('plan');
    expect(chartTabsFor('front_desk').map((t) => t.id)).not.toContain('plan');
    expect(matchRoute('/test-board', 'nurse')?.route.id).toBe('board');
    expect(matchRoute('/test-board', 'front_desk')).toBeNull();
    expect(matchRoute('/patients/abc/plan', 'nurse')?.params).toEqual({ id: 'abc', tab: 'plan' });
  });

  it('re-registering a feature id replaces it', () => {
    registerFeature({ id: 'test-feature', nav: [{ id: 'a', label: 'A', path: '/a', roles: ['nurse'] }] });
    registerFeature({ id: 'test-feature', nav: [{ id: 'b', label: 'B', path: '/b', roles: ['nurse'] }] });
    const labels = navFor('nurse').map((n) => n.label);
    expect(labels).toContain('B');
    expect(labels).not.toContain('A');
  });

  it('renders a registered chart tab and route inside the app', async () => {
    registerFeature({
      id: 'test-feature',
      nav: [{ id: 'board', label: 'Board', path: '/test-board', roles: ['nurse'], order: 20 }],
      routes: [{ id: 'board', path: '/test-board', roles: ['nurse'], title: 'Board', component: BoardPage }],
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
