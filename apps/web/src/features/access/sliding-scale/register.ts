import { IconScale } from '@tabler/icons-react';
import { registerFeature } from '../../../app/registry.ts';
import { SlidingScalePage } from './SlidingScalePage.tsx';
import { SlidingScaleTab } from './SlidingScaleTab.tsx';

/** Staff read a patient's assessments; the admin edits tiers and guideline years (the server's policy). */
const STAFF = ['admin', 'prescriber', 'nurse', 'therapist', 'front_desk'] as const;

registerFeature({
  id: 'sliding-scale',
  nav: [
    {
      id: 'sliding-scale',
      label: 'Sliding scale',
      path: '/sliding-scale',
      roles: ['admin'],
      icon: IconScale,
      order: 62,
    },
  ],
  routes: [
    {
      id: 'sliding-scale',
      path: '/sliding-scale',
      roles: ['admin'],
      title: 'Sliding scale',
      component: SlidingScalePage,
    },
  ],
  chartTabs: [
    { id: 'sliding-scale', label: 'Sliding scale', roles: STAFF, order: 40, component: SlidingScaleTab },
  ],
});
