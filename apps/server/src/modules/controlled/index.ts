/**
 * The controlled-substance register: stock, an append-only movement ledger with witnessed
 * waste, derived balances, two-person counts and discrepancies, theft/loss records, expiry alerts and
 * inspector-ready reports (PDF and CSV). DEA Schedule III rules per 21 CFR 1304
 * (docs/clinical-sources.md#controlled-substances).
 */
import type { ServerModule } from '../../platform/module.ts';
import { configureRoutes } from './configure.ts';
import { correctMovementRoute } from './correct-movement.ts';
import { createContainerRoute } from './create-container.ts';
import { countRoutes } from './create-count.ts';
import { createMovementRoute } from './create-movement.ts';
import { discrepancyRoutes } from './discrepancies.ts';
import { listConfigRoute } from './list-config.ts';
import { listExpiringRoute } from './list-expiring.ts';
import { listLedgerRoute } from './list-ledger.ts';
import { listStockRoute } from './list-stock.ts';
import { lossRoutes } from './loss-reports.ts';
import { administrationReportRoutes } from './reports/administration-report.ts';
import { inventoryReportRoute } from './reports/inventory-report.ts';
import { seedControlledDemo } from './seed-demo.ts';

export const controlledModule: ServerModule = {
  name: 'controlled',
  routes(app, ctx) {
    listStockRoute(app, ctx);
    listLedgerRoute(app, ctx);
    listConfigRoute(app, ctx);
    configureRoutes(app, ctx);
    createContainerRoute(app, ctx);
    createMovementRoute(app, ctx);
    correctMovementRoute(app, ctx);
    countRoutes(app, ctx);
    discrepancyRoutes(app, ctx);
    lossRoutes(app, ctx);
    listExpiringRoute(app, ctx);
    inventoryReportRoute(app, ctx);
    administrationReportRoutes(app, ctx);
  },
  seedDemo: seedControlledDemo,
};
