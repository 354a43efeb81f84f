import { IconCalendarEvent, IconId } from '@tabler/icons-react';
import { registerFeature } from '../../app/registry.ts';
import { BookVisitPage } from './BookVisitPage.tsx';
import { ConfirmVisitPage } from './ConfirmVisitPage.tsx';
import { PortalAppointments } from './PortalAppointments.tsx';
import { PortalHome } from './PortalHome.tsx';

registerFeature({
  id: 'portal',
  nav: [
    { id: 'my-record', label: 'My record', path: '/', roles: ['patient'], icon: IconId, order: 0 },
    {
      id: 'my-appointments',
      label: 'My appointments',
      path: '/my-appointments',
      roles: ['patient'],
      icon: IconCalendarEvent,
      order: 5,
    },
  ],
  routes: [
    { id: 'portal-home', path: '/', roles: ['patient'], title: 'My record', component: PortalHome },
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
  ],
});
