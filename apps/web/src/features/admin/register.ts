import { IconApi, IconBuildingHospital, IconUsersGroup } from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const UsersPage = lazyScreen(() => import('./UsersPage.tsx').then((m) => m.UsersPage));
const ClinicSettingsPage = lazyScreen(() =>
  import('./ClinicSettingsPage.tsx').then((m) => m.ClinicSettingsPage),
);
const FhirClientsPage = lazyScreen(() => import('./FhirClientsPage.tsx').then((m) => m.FhirClientsPage));

const ADMIN = ['admin'] as const;

registerFeature({
  id: 'admin',
  nav: [
    { id: 'users', label: 'Users', path: '/admin/users', roles: ADMIN, icon: IconUsersGroup, order: 80 },
    {
      id: 'clinic-settings',
      label: 'Clinic settings',
      path: '/admin/clinic',
      roles: ADMIN,
      icon: IconBuildingHospital,
      order: 81,
    },
    {
      id: 'fhir-clients',
      label: 'FHIR clients',
      path: '/admin/fhir-clients',
      roles: ADMIN,
      icon: IconApi,
      order: 84,
    },
  ],
  routes: [
    { id: 'users', path: '/admin/users', roles: ADMIN, title: 'Users', component: UsersPage },
    {
      id: 'clinic-settings',
      path: '/admin/clinic',
      roles: ADMIN,
      title: 'Clinic settings',
      component: ClinicSettingsPage,
    },
    {
      id: 'fhir-clients',
      path: '/admin/fhir-clients',
      roles: ADMIN,
      title: 'FHIR system clients',
      component: FhirClientsPage,
    },
  ],
});
