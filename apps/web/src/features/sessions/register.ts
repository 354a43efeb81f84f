import type { Role } from '@plasticity/contracts';
import { IconActivityHeartbeat, IconFileCertificate } from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const BoardPage = lazyScreen(() => import('./BoardPage.tsx').then((m) => m.BoardPage));
const RemsPage = lazyScreen(() => import('./RemsPage.tsx').then((m) => m.RemsPage));
const SessionPage = lazyScreen(() => import('./SessionPage.tsx').then((m) => m.SessionPage));
const SessionsTab = lazyScreen(() => import('./SessionsTab.tsx').then((m) => m.SessionsTab));

/** Clinicians and the admin see the board and sessions (the server enforces the same roles). */
const CLINICAL: readonly Role[] = ['admin', 'prescriber', 'nurse', 'therapist'];

registerFeature({
  id: 'sessions',
  nav: [
    {
      id: 'board',
      label: 'Live board',
      path: '/board',
      roles: CLINICAL,
      icon: IconActivityHeartbeat,
      order: 5,
    },
    {
      id: 'rems-forms',
      label: 'REMS forms',
      path: '/rems-forms',
      roles: CLINICAL,
      icon: IconFileCertificate,
      order: 60,
    },
  ],
  routes: [
    { id: 'board', path: '/board', roles: CLINICAL, title: 'Live board', component: BoardPage },
    {
      id: 'session',
      path: '/sessions/:id',
      roles: CLINICAL,
      title: 'Dosing session',
      component: SessionPage,
    },
    { id: 'rems-forms', path: '/rems-forms', roles: CLINICAL, title: 'REMS forms', component: RemsPage },
  ],
  chartTabs: [{ id: 'sessions', label: 'Sessions', roles: CLINICAL, order: 33, component: SessionsTab }],
});
