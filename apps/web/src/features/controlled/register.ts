import { IconPill } from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const RegisterPage = lazyScreen(() => import('./RegisterPage.tsx').then((m) => m.RegisterPage));

/** Prescribers and nurses move stock; admins read and download reports; nobody else sees the register. */
const ROLES = ['prescriber', 'nurse', 'admin'] as const;

registerFeature({
  id: 'controlled',
  nav: [
    {
      id: 'controlled',
      label: 'Controlled substances',
      path: '/controlled',
      roles: ROLES,
      icon: IconPill,
      order: 40,
    },
  ],
  routes: [
    {
      id: 'controlled',
      path: '/controlled',
      roles: ROLES,
      title: 'Controlled substances',
      component: RegisterPage,
    },
    {
      id: 'controlled-tab',
      path: '/controlled/:tab',
      roles: ROLES,
      title: 'Controlled substances',
      component: RegisterPage,
    },
  ],
});
