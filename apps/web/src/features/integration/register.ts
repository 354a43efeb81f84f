import { IconHeartHandshake } from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const WorklistPage = lazyScreen(() => import('./WorklistPage.tsx').then((m) => m.WorklistPage));

/** The care team (the server's policy for the worklist). */
const CARE_TEAM = ['admin', 'prescriber', 'nurse', 'therapist'] as const;

registerFeature({
  id: 'integration',
  nav: [
    {
      id: 'integration',
      label: 'Integration',
      path: '/integration',
      roles: CARE_TEAM,
      icon: IconHeartHandshake,
      order: 14,
    },
  ],
  routes: [
    {
      id: 'integration',
      path: '/integration',
      roles: CARE_TEAM,
      title: 'Integration',
      component: WorklistPage,
    },
  ],
});
