import { registerFeature } from '../../app/registry.ts';
import { MedicationsTab } from './MedicationsTab.tsx';

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
