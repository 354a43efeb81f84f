import { registerFeature } from '../../app/registry.ts';
import { AcceptInvitePage } from './AcceptInvitePage.tsx';

// The login page itself is not a route: the app shows it whenever nobody is signed in.
registerFeature({
  id: 'auth',
  routes: [
    {
      id: 'accept-invite',
      path: '/accept/:token',
      roles: 'public',
      title: 'Set your password',
      component: AcceptInvitePage,
    },
  ],
});
