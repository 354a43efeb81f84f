import { IconBook2 } from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const ConsentsTab = lazyScreen(() => import('./ConsentsTab.tsx').then((m) => m.ConsentsTab));
const IntakeTab = lazyScreen(() => import('./IntakeTab.tsx').then((m) => m.IntakeTab));
const PlanTab = lazyScreen(() => import('./PlanTab.tsx').then((m) => m.PlanTab));
const PortalConsents = lazyScreen(() => import('./PortalPages.tsx').then((m) => m.PortalConsents));
const PortalIntake = lazyScreen(() => import('./PortalPages.tsx').then((m) => m.PortalIntake));
const ProtocolsPage = lazyScreen(() => import('./ProtocolsPage.tsx').then((m) => m.ProtocolsPage));

const CLINICAL = ['admin', 'prescriber', 'nurse', 'therapist'] as const;
const LIBRARY = ['admin', 'prescriber'] as const;

registerFeature({
  id: 'plans',
  // The patient's intake and consents open from the portal home's "To do" card (no menu items of their own).
  nav: [
    { id: 'protocols', label: 'Protocols', path: '/protocols', roles: LIBRARY, icon: IconBook2, order: 60 },
  ],
  routes: [
    { id: 'my-intake', path: '/intake', roles: ['patient'], title: 'My intake', component: PortalIntake },
    {
      id: 'my-consents',
      path: '/consents',
      roles: ['patient'],
      title: 'My consents',
      component: PortalConsents,
    },
    {
      id: 'protocols',
      path: '/protocols',
      roles: LIBRARY,
      title: 'Protocol library',
      component: ProtocolsPage,
    },
  ],
  chartTabs: [
    { id: 'intake', label: 'Intake & eligibility', roles: CLINICAL, order: 30, component: IntakeTab },
    { id: 'consents', label: 'Consents', roles: CLINICAL, order: 31, component: ConsentsTab },
    { id: 'plan', label: 'Treatment plan', roles: CLINICAL, order: 32, component: PlanTab },
  ],
});
