import { IconBook } from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const EducationAdminPage = lazyScreen(() =>
  import('./EducationAdminPage.tsx').then((m) => m.EducationAdminPage),
);
const EducationTab = lazyScreen(() => import('./EducationTab.tsx').then((m) => m.EducationTab));
const PortalLearnArticle = lazyScreen(() =>
  import('./PortalLearnArticle.tsx').then((m) => m.PortalLearnArticle),
);
const PortalLearnPage = lazyScreen(() => import('./PortalLearnPage.tsx').then((m) => m.PortalLearnPage));

const CARE_TEAM = ['admin', 'prescriber', 'nurse', 'therapist'] as const;
/** Who edits what patients are told (the PUT route's policy). */
const EDITORS = ['admin', 'prescriber'] as const;

registerFeature({
  id: 'education',
  nav: [
    { id: 'learn', label: 'Learn', path: '/learn', roles: ['patient'], icon: IconBook, order: 12 },
    {
      id: 'education-pages',
      label: 'Patient education',
      path: '/education',
      roles: EDITORS,
      icon: IconBook,
      order: 61,
    },
  ],
  routes: [
    { id: 'learn', path: '/learn', roles: ['patient'], title: 'Learn', component: PortalLearnPage },
    {
      id: 'learn-page',
      path: '/learn/:slug',
      roles: ['patient'],
      title: 'Learn',
      component: PortalLearnArticle,
    },
    {
      id: 'education-pages',
      path: '/education',
      roles: EDITORS,
      title: 'Patient education',
      component: EducationAdminPage,
    },
  ],
  chartTabs: [{ id: 'education', label: 'Education', roles: CARE_TEAM, order: 35, component: EducationTab }],
});
