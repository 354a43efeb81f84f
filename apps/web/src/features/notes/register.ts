import { IconNotes } from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const NoteSearchPage = lazyScreen(() => import('./NoteSearchPage.tsx').then((m) => m.NoteSearchPage));
const NotesTab = lazyScreen(() => import('./NotesTab.tsx').then((m) => m.NotesTab));

/** The care team reads progress and integration notes; the front desk and patients never do. */
const CARE_TEAM = ['admin', 'prescriber', 'nurse', 'therapist'] as const;

registerFeature({
  id: 'notes',
  nav: [
    { id: 'note-search', label: 'Note search', path: '/notes', roles: CARE_TEAM, icon: IconNotes, order: 13 },
  ],
  routes: [
    { id: 'note-search', path: '/notes', roles: CARE_TEAM, title: 'Note search', component: NoteSearchPage },
  ],
  chartTabs: [{ id: 'notes', label: 'Notes', roles: CARE_TEAM, order: 35, component: NotesTab }],
});
