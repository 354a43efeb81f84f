import { IconChartBar } from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const OutcomesPage = lazyScreen(() => import('./OutcomesPage.tsx').then((m) => m.OutcomesPage));

/** Who reads the outcomes dashboard (the server's policy). */
const READERS = ['admin', 'prescriber'] as const;

registerFeature({
  id: 'outcomes',
  nav: [
    { id: 'outcomes', label: 'Outcomes', path: '/outcomes', roles: READERS, icon: IconChartBar, order: 62 },
  ],
  routes: [{ id: 'outcomes', path: '/outcomes', roles: READERS, title: 'Outcomes', component: OutcomesPage }],
});
