import { registerFeature } from '../../app/registry.ts';
import { NotesTab } from './NotesTab.tsx';

registerFeature({
  id: 'notes',
  chartTabs: [
    {
      id: 'notes',
      label: 'Notes',
      roles: ['admin', 'prescriber', 'nurse', 'therapist'],
      order: 35,
      component: NotesTab,
    },
  ],
});
