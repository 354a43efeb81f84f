import { STAFF_ROLES } from '@plasticity/contracts';
import { IconUsers } from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const DemographicsTab = lazyScreen(() => import('./DemographicsTab.tsx').then((m) => m.DemographicsTab));
const PatientChartPage = lazyScreen(() => import('./PatientChartPage.tsx').then((m) => m.PatientChartPage));
const PatientsPage = lazyScreen(() => import('./PatientsPage.tsx').then((m) => m.PatientsPage));

const STAFF = STAFF_ROLES;

registerFeature({
  id: 'patients',
  nav: [{ id: 'patients', label: 'Patients', path: '/patients', roles: STAFF, icon: IconUsers, order: 10 }],
  routes: [
    { id: 'patients', path: '/patients', roles: STAFF, title: 'Patients', component: PatientsPage },
    {
      id: 'patient-chart',
      path: '/patients/:id',
      roles: STAFF,
      title: 'Patient chart',
      component: PatientChartPage,
    },
    {
      id: 'patient-chart-tab',
      path: '/patients/:id/:tab',
      roles: STAFF,
      title: 'Patient chart',
      component: PatientChartPage,
    },
  ],
  chartTabs: [
    { id: 'demographics', label: 'Demographics', roles: STAFF, order: 0, component: DemographicsTab },
  ],
});
