import { IconBook } from '@tabler/icons-react';
import { registerFeature } from '../../app/registry.ts';
import { EducationAdminPage } from './EducationAdminPage.tsx';
import { EducationTab } from './EducationTab.tsx';
import { PortalLearnArticle } from './PortalLearnArticle.tsx';
import { PortalLearnPage } from './PortalLearnPage.tsx';

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
