/**
 * Outcomes: the clinic's outcomes dashboard (response and remission by indication, protocol, route,
 * clinician, age band and sex, time points, safety and engagement figures) and its CSV export, aggregates
 * only, with small cells suppressed (docs/clinical-sources.md#outcomes-small-cell-suppression). The demo clinic
 * gets a synthetic treatment history (seed-demo.ts) so the dashboard has figures to show.
 */
import type { ServerModule } from '../../platform/module.ts';
import { exportOutcomesCsvRoute } from './export-outcomes-csv.ts';
import { getOutcomesRoute } from './get-outcomes.ts';
import { seedOutcomesDemo } from './seed-demo.ts';

export const outcomesModule: ServerModule = {
  name: 'outcomes',
  routes(app, ctx) {
    getOutcomesRoute(app, ctx);
    exportOutcomesCsvRoute(app, ctx);
  },
  seedDemo: seedOutcomesDemo,
};
