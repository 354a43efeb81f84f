/**
 * The billing module: the clinic's price list, charges (from discharged dosing sessions — written in the
 * discharge transaction by `chargeDischargedSession` — or added by staff; voided with a reason), payments taken
 * by hand, the balance, receipts and superbills as PDF. Code list and charge rules:
 * `@plasticity/clinical/billing`, docs/clinical-sources.md#charge-lines.
 */
import type { ServerModule } from '../../../platform/module.ts';
import { addChargeRoute } from './add-charge.ts';
import { getBalanceRoute } from './get-balance.ts';
import { getReceiptRoute } from './get-receipt.ts';
import { getSuperbillRoute } from './get-superbill.ts';
import { listChargesRoute } from './list-charges.ts';
import { listPaymentsRoute } from './list-payments.ts';
import { listPricesRoute } from './list-prices.ts';
import { recordPaymentRoute } from './record-payment.ts';
import { renderingCliniciansRoutes } from './rendering-clinicians.ts';
import { seedBillingDemo } from './seed-demo.ts';
import { setPriceRoute } from './set-price.ts';
import { voidChargeRoute } from './void-charge.ts';
import { voidPaymentRoute } from './void-payment.ts';

export const billingModule: ServerModule = {
  name: 'billing',
  routes(app, ctx) {
    listPricesRoute(app, ctx);
    setPriceRoute(app, ctx);
    listChargesRoute(app, ctx);
    addChargeRoute(app, ctx);
    voidChargeRoute(app, ctx);
    listPaymentsRoute(app, ctx);
    recordPaymentRoute(app, ctx);
    voidPaymentRoute(app, ctx);
    getBalanceRoute(app, ctx);
    getReceiptRoute(app, ctx);
    getSuperbillRoute(app, ctx);
    renderingCliniciansRoutes(app, ctx);
  },
  seedDemo: seedBillingDemo,
};
