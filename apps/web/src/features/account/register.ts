import { Role } from '@plasticity/contracts';
import { registerFeature } from '../../app/registry.ts';
import { AccountPage } from './AccountPage.tsx';

// Reached from the user menu (not the side navigation), for every role including patients.
registerFeature({
  id: 'account',
  routes: [
    { id: 'account', path: '/account', roles: Role.options, title: 'Account', component: AccountPage },
  ],
});
