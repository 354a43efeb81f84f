import { IconMessageQuestion, IconNotebook } from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const JournalPage = lazyScreen(() => import('./JournalPage.tsx').then((m) => m.JournalPage));
const JournalTab = lazyScreen(() => import('./JournalTab.tsx').then((m) => m.JournalTab));
const PromptLibraryPage = lazyScreen(() =>
  import('./PromptLibraryPage.tsx').then((m) => m.PromptLibraryPage),
);

/** The care team reads shared entries and the mood trend (the server's policy). */
const CARE_TEAM = ['admin', 'prescriber', 'nurse', 'therapist'] as const;
/** Who manages the prompt library (the server's policy). */
const LIBRARY = ['admin', 'therapist', 'prescriber'] as const;

registerFeature({
  id: 'journal',
  nav: [
    {
      id: 'my-journal',
      label: 'Journal',
      path: '/journal',
      roles: ['patient'],
      icon: IconNotebook,
      order: 8,
    },
    {
      id: 'journal-prompts',
      label: 'Journal prompts',
      path: '/journal-prompts',
      roles: LIBRARY,
      icon: IconMessageQuestion,
      order: 61,
    },
  ],
  routes: [
    { id: 'my-journal', path: '/journal', roles: ['patient'], title: 'My journal', component: JournalPage },
    {
      id: 'journal-prompts',
      path: '/journal-prompts',
      roles: LIBRARY,
      title: 'Journal prompts',
      component: PromptLibraryPage,
    },
  ],
  chartTabs: [{ id: 'journal', label: 'Journal', roles: CARE_TEAM, order: 21, component: JournalTab }],
});
