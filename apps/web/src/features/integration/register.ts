import { IconHeartHandshake } from '@tabler/icons-react';
import { registerFeature } from '../../app/registry.ts';
import { WorklistPage } from './WorklistPage.tsx';

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
