import { IconReceipt } from '@tabler/icons-react';
import { lazyScreen } from '../../../app/lazy-screen.ts';
import { registerFeature } from '../../../app/registry.ts';

const EstimatesDuePage = lazyScreen(() => import('./EstimatesDuePage.tsx').then((m) => m.EstimatesDuePage));

/** Who writes estimates and sees what is due (the server's policies). */
const WRITERS = ['admin', 'front_desk', 'prescriber'] as const;

registerFeature({
  id: 'estimates',
  nav: [
    {
      id: 'estimates-due',
      label: 'Estimates due',
      path: '/estimates/due',
      roles: WRITERS,
      icon: IconReceipt,
      order: 16,
    },
  ],
  routes: [
    {
      id: 'estimates-due',
      path: '/estimates/due',
      roles: WRITERS,
      title: 'Good-faith estimates due',
      component: EstimatesDuePage,
    },
  ],
});
