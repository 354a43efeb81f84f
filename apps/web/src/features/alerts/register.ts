import { IconAlertTriangle } from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const AlertsPage = lazyScreen(() => import('./AlertsPanel.tsx').then((m) => m.AlertsPage));
const OpenAlertsBanner = lazyScreen(() => import('./OpenAlertsBanner.tsx').then((m) => m.OpenAlertsBanner));

/**
 * Clinical roles see alerts (never front desk or patients): an Alerts page, and a strip above
 * every staff page while any alert is open, so an unacknowledged alert is on every clinician's
 * screen until someone acknowledges it with a note.
 */
const CLINICAL = ['admin', 'prescriber', 'nurse', 'therapist'] as const;

registerFeature({
  id: 'alerts',
  nav: [
    { id: 'alerts', label: 'Alerts', path: '/alerts', roles: CLINICAL, icon: IconAlertTriangle, order: 12 },
  ],
  routes: [{ id: 'alerts', path: '/alerts', roles: CLINICAL, title: 'Alerts', component: AlertsPage }],
  shellBanners: [{ id: 'open-alerts', roles: CLINICAL, component: OpenAlertsBanner }],
});
