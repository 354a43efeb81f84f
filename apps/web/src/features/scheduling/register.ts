import { STAFF_ROLES } from '@plasticity/contracts';
import { IconArmchair, IconCalendarEvent, IconClock, IconListCheck } from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const DayListPage = lazyScreen(() => import('./DayListPage.tsx').then((m) => m.DayListPage));
const VisitsTab = lazyScreen(() => import('./VisitsTab.tsx').then((m) => m.VisitsTab));

// The calendar brings react-big-calendar: loaded when the page is opened.
const SchedulePage = lazyScreen(() => import('./SchedulePage.tsx').then((m) => m.SchedulePage));
const ChairsPage = lazyScreen(() => import('./ChairsPage.tsx').then((m) => m.ChairsPage));
const HoursPage = lazyScreen(() => import('./HoursPage.tsx').then((m) => m.HoursPage));

const STAFF = STAFF_ROLES;
// After Patients: every role's landing page (its first item) stays what it was.
const ADMIN = ['admin'] as const;
const BOOKERS = ['admin', 'prescriber', 'nurse', 'front_desk'] as const;

registerFeature({
  id: 'scheduling',
  nav: [
    { id: 'today', label: 'Today', path: '/today', roles: STAFF, icon: IconListCheck, order: 11 },
    {
      id: 'schedule',
      label: 'Schedule',
      path: '/schedule',
      roles: STAFF,
      icon: IconCalendarEvent,
      order: 11,
    },
    {
      id: 'chairs',
      label: 'Chairs and rooms',
      path: '/admin/chairs',
      roles: ADMIN,
      icon: IconArmchair,
      order: 82,
    },
    { id: 'hours', label: 'Working hours', path: '/admin/hours', roles: ADMIN, icon: IconClock, order: 83 },
  ],
  routes: [
    { id: 'today', path: '/today', roles: STAFF, title: 'Today', component: DayListPage },
    { id: 'schedule', path: '/schedule', roles: STAFF, title: 'Schedule', component: SchedulePage },
    {
      id: 'chairs',
      path: '/admin/chairs',
      roles: ADMIN,
      title: 'Chairs and rooms',
      component: ChairsPage,
    },
    { id: 'hours', path: '/admin/hours', roles: ADMIN, title: 'Working hours', component: HoursPage },
  ],
  chartTabs: [
    // Who books courses (the server's policy for course plans, proposals and bookings).
    { id: 'visits', label: 'Visits', roles: BOOKERS, order: 33, component: VisitsTab },
  ],
});
