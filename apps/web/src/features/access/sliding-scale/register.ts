import { IconScale } from '@tabler/icons-react';
import { lazyScreen } from '../../../app/lazy-screen.ts';
import { registerFeature } from '../../../app/registry.ts';

const SlidingScalePage = lazyScreen(() => import('./SlidingScalePage.tsx').then((m) => m.SlidingScalePage));

/** The admin's sliding-scale settings (tiers, guideline years); patients' assessments are in the chart's Billing tab. */
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
});
