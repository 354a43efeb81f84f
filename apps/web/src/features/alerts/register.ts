import { IconAlertTriangle } from '@tabler/icons-react';
import { registerFeature } from '../../app/registry.ts';
import { AlertsPage } from './AlertsPanel.tsx';

/**
 * Clinical roles see alerts (never front desk or patients). The staff landing page stays the
 * patient list (shell tests rely on it); `AlertsPanel` is ready for a home-panel slot once the
 * registry offers one.
 */
const CLINICAL = ['admin', 'prescriber', 'nurse', 'therapist'] as const;

registerFeature({
  id: 'alerts',
  nav: [
    { id: 'alerts', label: 'Alerts', path: '/alerts', roles: CLINICAL, icon: IconAlertTriangle, order: 12 },
  ],
  routes: [{ id: 'alerts', path: '/alerts', roles: CLINICAL, title: 'Alerts', component: AlertsPage }],
});
