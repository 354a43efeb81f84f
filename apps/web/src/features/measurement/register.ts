import { IconChartLine, IconClipboardCheck, IconMail } from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const AssessmentsTab = lazyScreen(() => import('./AssessmentsTab.tsx').then((m) => m.AssessmentsTab));
const DemoMailboxPage = lazyScreen(() => import('./DemoMailboxPage.tsx').then((m) => m.DemoMailboxPage));
const OutboxPage = lazyScreen(() => import('./OutboxPage.tsx').then((m) => m.OutboxPage));
const PortalCheckIns = lazyScreen(() => import('./PortalCheckIns.tsx').then((m) => m.PortalCheckIns));
const PortalProgress = lazyScreen(() => import('./PortalProgress.tsx').then((m) => m.PortalProgress));
const SelfReportPage = lazyScreen(() => import('./SelfReportPage.tsx').then((m) => m.SelfReportPage));

const CLINICAL = ['admin', 'prescriber', 'nurse', 'therapist'] as const;
const OUTBOX = ['admin', 'front_desk'] as const;

registerFeature({
  id: 'measurement',
  nav: [
    {
      id: 'my-check-ins',
      label: 'My check-ins',
      path: '/check-ins',
      roles: ['patient'],
      icon: IconClipboardCheck,
      order: 10,
    },
    {
      id: 'my-progress',
      label: 'My progress',
      path: '/progress',
      roles: ['patient'],
      icon: IconChartLine,
      order: 11,
    },
    { id: 'outbox', label: 'Outbox', path: '/outbox', roles: OUTBOX, icon: IconMail, order: 70 },
  ],
  routes: [
    { id: 'self-report', path: '/r/:token', roles: 'public', title: 'Check-in', component: SelfReportPage },
    {
      id: 'my-check-ins',
      path: '/check-ins',
      roles: ['patient'],
      title: 'My check-ins',
      component: PortalCheckIns,
    },
    {
      id: 'my-progress',
      path: '/progress',
      roles: ['patient'],
      title: 'My progress',
      component: PortalProgress,
    },
    { id: 'outbox', path: '/outbox', roles: OUTBOX, title: 'Outbox', component: OutboxPage },
    {
      id: 'demo-mailbox',
      path: '/demo/mailbox',
      roles: ['admin'],
      title: 'Demo mailbox',
      component: DemoMailboxPage,
    },
  ],
  chartTabs: [
    { id: 'assessments', label: 'Assessments', roles: CLINICAL, order: 20, component: AssessmentsTab },
  ],
});
