import { IconListSearch } from '@tabler/icons-react';
import { lazy } from 'react';
import { registerFeature } from '../../app/registry.ts';

const AuditPage = lazy(() => import('./AuditPage.tsx').then((m) => ({ default: m.AuditPage })));

registerFeature({
  id: 'audit',
  nav: [
    {
      id: 'audit',
      label: 'Audit report',
      path: '/admin/audit',
      roles: ['admin'],
      icon: IconListSearch,
      order: 90,
    },
  ],
  routes: [
    { id: 'audit', path: '/admin/audit', roles: ['admin'], title: 'Audit report', component: AuditPage },
  ],
});
