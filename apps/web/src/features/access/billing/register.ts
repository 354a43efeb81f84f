import { IconReceipt } from '@tabler/icons-react';
import { lazyScreen } from '../../../app/lazy-screen.ts';
import { registerFeature } from '../../../app/registry.ts';

const BillingTab = lazyScreen(() => import('./BillingTab.tsx').then((m) => m.BillingTab));
const PriceListPage = lazyScreen(() => import('./PriceListPage.tsx').then((m) => m.PriceListPage));

/** The server's policy for a patient's bill: front desk, admin and prescribers. */
const BILLING = ['admin', 'front_desk', 'prescriber'] as const;

registerFeature({
  id: 'billing',
  nav: [
    {
      id: 'prices',
      label: 'Price list',
      path: '/admin/prices',
      roles: ['admin'],
      icon: IconReceipt,
      order: 82,
    },
  ],
  routes: [
    { id: 'prices', path: '/admin/prices', roles: ['admin'], title: 'Price list', component: PriceListPage },
  ],
  chartTabs: [{ id: 'billing', label: 'Billing', roles: BILLING, order: 60, component: BillingTab }],
});
