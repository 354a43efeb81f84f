import { IconId } from '@tabler/icons-react';
import { registerFeature } from '../../app/registry.ts';
import { PortalHome } from './PortalHome.tsx';

registerFeature({
  id: 'portal',
  nav: [{ id: 'my-record', label: 'My record', path: '/', roles: ['patient'], icon: IconId, order: 0 }],
  routes: [{ id: 'portal-home', path: '/', roles: ['patient'], title: 'My record', component: PortalHome }],
});
