/**
 * Outcomes: the clinic's outcomes dashboard (response and remission by indication, protocol, route,
 * clinician, age band and sex, time points, safety and engagement figures) and its CSV export, aggregates
 * only, with small cells suppressed (docs/clinical-sources.md#outcomes-small-cell-suppression). Its summaries
 * are kept current by triggers that queue changed patients; a background job rebuilds queued patients every
 * few seconds, and each dashboard read rebuilds whatever is still queued first (docs/ARCHITECTURE.md#outcomes-summaries).
 * The demo clinic gets a synthetic treatment history (seed-demo.ts) so the dashboard has figures to show.
 */
import type { ServerModule } from '../../platform/module.ts';
import { exportOutcomesCsvRoute } from './export-outcomes-csv.ts';
import { getOutcomesRoute } from './get-outcomes.ts';
import { seedOutcomesDemo } from './seed-demo.ts';
import { refreshAllQueuedOutcomes } from './summaries/refresh.ts';

/** How often queued patients' summaries are rebuilt in the background. */
const REFRESH_POLL_MS = 5_000;

export const outcomesModule: ServerModule = {
  name: 'outcomes',
  routes(app, ctx) {
    getOutcomesRoute(app, ctx);
    exportOutcomesCsvRoute(app, ctx);
  },
  seedDemo: seedOutcomesDemo,
  start(ctx) {
    return ctx.jobs.every('outcome-summaries', REFRESH_POLL_MS, () => refreshAllQueuedOutcomes(ctx.db));
  },
};
