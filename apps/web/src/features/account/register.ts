import { Role } from '@plasticity/contracts';
import { lazyScreen } from '../../app/lazy-screen.ts';
import { registerFeature } from '../../app/registry.ts';

const AccountPage = lazyScreen(() => import('./AccountPage.tsx').then((m) => m.AccountPage));

// Reached from the user menu (not the side navigation), for every role including patients.
registerFeature({
  id: 'account',
  routes: [
    { id: 'account', path: '/account', roles: Role.options, title: 'Account', component: AccountPage },
  ],
});
