import { IconBook2 } from '@tabler/icons-react';
import { registerFeature } from '../../app/registry.ts';
import { ConsentsTab } from './ConsentsTab.tsx';
import { IntakeTab } from './IntakeTab.tsx';
import { PlanTab } from './PlanTab.tsx';
import { PortalConsents, PortalIntake } from './PortalPages.tsx';
import { ProtocolsPage } from './ProtocolsPage.tsx';

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
