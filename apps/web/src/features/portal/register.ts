import { IconCalendarEvent, IconCalendarPlus, IconHome, IconId } from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const BookVisitPage = lazyScreen(() => import('./BookVisitPage.tsx').then((m) => m.BookVisitPage));
const ConfirmVisitPage = lazyScreen(() => import('./ConfirmVisitPage.tsx').then((m) => m.ConfirmVisitPage));
const MyRecordPage = lazyScreen(() => import('./MyRecordPage.tsx').then((m) => m.MyRecordPage));
const PortalAppointments = lazyScreen(() =>
  import('./PortalAppointments.tsx').then((m) => m.PortalAppointments),
);
const PortalHome = lazyScreen(() => import('./PortalHome.tsx').then((m) => m.PortalHome));
const StaffSlotsPage = lazyScreen(() => import('./StaffSlotsPage.tsx').then((m) => m.StaffSlotsPage));

/** Staff who open portal slots (the slot routes' policy). */
const SLOT_STAFF = ['admin', 'front_desk', 'therapist', 'prescriber', 'nurse'] as const;

registerFeature({
  id: 'portal',
  nav: [
    { id: 'portal-home', label: 'Home', path: '/', roles: ['patient'], icon: IconHome, order: 0 },
    { id: 'my-record', label: 'My record', path: '/my-record', roles: ['patient'], icon: IconId, order: 90 },
    {
      id: 'my-appointments',
      label: 'My appointments',
      path: '/my-appointments',
      roles: ['patient'],
      icon: IconCalendarEvent,
      order: 5,
    },
    {
      id: 'online-booking',
      label: 'Online booking',
      path: '/online-booking',
      roles: SLOT_STAFF,
      icon: IconCalendarPlus,
      order: 65,
    },
  ],
  routes: [
    { id: 'portal-home', path: '/', roles: ['patient'], title: 'Home', component: PortalHome },
    { id: 'my-record', path: '/my-record', roles: ['patient'], title: 'My record', component: MyRecordPage },
    {
      id: 'confirm-visit',
      path: '/c/:token',
      roles: 'public',
      title: 'Confirm your visit',
      component: ConfirmVisitPage,
    },
    {
      id: 'my-appointments',
      path: '/my-appointments',
      roles: ['patient'],
      title: 'My appointments',
      component: PortalAppointments,
    },
    {
      id: 'book-visit',
      path: '/my-appointments/book',
      roles: ['patient'],
      title: 'Book a visit',
      component: BookVisitPage,
    },
    {
      id: 'online-booking',
      path: '/online-booking',
      roles: SLOT_STAFF,
      title: 'Online booking',
      component: StaffSlotsPage,
    },
  ],
});
