import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const AcceptInvitePage = lazyScreen(() => import('./AcceptInvitePage.tsx').then((m) => m.AcceptInvitePage));

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
