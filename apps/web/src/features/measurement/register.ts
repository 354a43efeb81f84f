import { IconChartLine, IconClipboardCheck, IconMail } from '@tabler/icons-react';
import { registerFeature } from '../../app/registry.ts';
import { AssessmentsTab } from './AssessmentsTab.tsx';
import { DemoMailboxPage } from './DemoMailboxPage.tsx';
import { OutboxPage } from './OutboxPage.tsx';
import { PortalCheckIns } from './PortalCheckIns.tsx';
import { PortalProgress } from './PortalProgress.tsx';
import { SelfReportPage } from './SelfReportPage.tsx';

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
