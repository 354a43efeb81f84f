/**
 * The integration module: the care path around each dose — preparation-visit records (intentions, support person)
 * and the integration worklist (the visit due 24–72 h after each discharged dosing session, per protocol).
 * Protocol templates per indication live beside the protocol library (plans module). Clinical rules:
 * `@plasticity/clinical/integration`, docs/clinical-sources.md#integration-window.
 */
import type { ServerModule } from '../../platform/module.ts';
import { listPreparationRoute } from './preparation/list-preparation.ts';
import { recordPreparationRoute } from './preparation/record-preparation.ts';
import { seedIntegrationDemo } from './seed-demo.ts';
import { getWorklistRoute } from './worklist/get-worklist.ts';

export const integrationModule: ServerModule = {
  name: 'integration',
  routes(app, ctx) {
    getWorklistRoute(app, ctx);
    recordPreparationRoute(app, ctx);
    listPreparationRoute(app, ctx);
  },
  seedDemo: seedIntegrationDemo,
};
