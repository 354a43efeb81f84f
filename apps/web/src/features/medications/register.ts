import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const MedicationsTab = lazyScreen(() => import('./MedicationsTab.tsx').then((m) => m.MedicationsTab));

registerFeature({
  id: 'medications',
  chartTabs: [
    {
      id: 'medications',
      label: 'Medications & allergies',
      roles: ['admin', 'prescriber', 'nurse', 'therapist'],
      order: 29,
      component: MedicationsTab,
    },
  ],
});
