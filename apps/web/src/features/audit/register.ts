import { IconListSearch } from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const AuditPage = lazyScreen(() => import('./AuditPage.tsx').then((m) => m.AuditPage));

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
