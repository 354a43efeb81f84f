import { IconChartBar } from '@tabler/icons-react';
import { registerFeature } from '../../app/registry.ts';
import { OutcomesPage } from './OutcomesPage.tsx';

/** Who reads the outcomes dashboard (the server's policy). */
const READERS = ['admin', 'prescriber'] as const;

registerFeature({
  id: 'outcomes',
  nav: [
    { id: 'outcomes', label: 'Outcomes', path: '/outcomes', roles: READERS, icon: IconChartBar, order: 62 },
  ],
  routes: [{ id: 'outcomes', path: '/outcomes', roles: READERS, title: 'Outcomes', component: OutcomesPage }],
});
