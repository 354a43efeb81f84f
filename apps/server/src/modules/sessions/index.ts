/**
 * The dosing-session module: check-in to discharge with a pre-dose checklist, administration
 * record, vitals ingestion (idempotent device batches), threshold alerts with acknowledgement and
 * escalation, a live board over SSE (LISTEN/NOTIFY fan-out across processes), discharge criteria and the
 * SPRAVATO REMS Patient Monitoring Form. Clinical facts:
 * docs/clinical-sources.md#protocols-dosing-and-discharge and
 * docs/clinical-sources.md#spravato-rems-requirements.
 */
import type { ServerModule } from '../../platform/module.ts';
import { boardEventsRoute } from './board/board-events.ts';
import { getBoardRoute } from './board/get-board.ts';
import { boardHub } from './board/hub.ts';
import { updateDischargeAssessmentRoute } from './discharge/update-assessment.ts';
import { addNoteRoute } from './lifecycle/add-note.ts';
import { administrationEnteredInErrorRoute } from './lifecycle/administration-entered-in-error.ts';
import { administrationEventRoute } from './lifecycle/administration-event.ts';
import { createSessionRoute } from './lifecycle/create-session.ts';
import { getSessionRoute } from './lifecycle/get-session.ts';
import { listPatientSessionsRoute } from './lifecycle/list-patient-sessions.ts';
import { recordAdministrationRoute } from './lifecycle/record-administration.ts';
import { recordObservationRoute } from './lifecycle/record-observation.ts';
import { transitionRoute } from './lifecycle/transition.ts';
import { updateChecklistRoute } from './lifecycle/update-checklist.ts';
import { remsRoutes } from './rems/rems-routes.ts';
import { seedSessionsDemo } from './seed-demo.ts';
import { ackSessionAlertRoute } from './vitals/acknowledge-session-alert.ts';
import { confirmVitalsRoute } from './vitals/confirm-vitals.ts';
import { vitalsIngestRoute } from './vitals/ingest-vitals.ts';
import { listVitalsRoute } from './vitals/list-vitals.ts';
import { runMonitoringSweep, SWEEP_INTERVAL_MS } from './vitals/sweep.ts';
import { vitalEnteredInErrorRoute } from './vitals/vital-entered-in-error.ts';

export { runMonitoringSweep } from './vitals/sweep.ts';

export const sessionsModule: ServerModule = {
  name: 'sessions',
  routes(app, ctx) {
    createSessionRoute(app, ctx);
    getSessionRoute(app, ctx);
    listPatientSessionsRoute(app, ctx);
    transitionRoute(app, ctx);
    updateChecklistRoute(app, ctx);
    recordAdministrationRoute(app, ctx);
    administrationEventRoute(app, ctx);
    administrationEnteredInErrorRoute(app, ctx);
    recordObservationRoute(app, ctx);
    addNoteRoute(app, ctx);
    vitalsIngestRoute(app, ctx);
    listVitalsRoute(app, ctx);
    vitalEnteredInErrorRoute(app, ctx);
    confirmVitalsRoute(app, ctx);
    ackSessionAlertRoute(app, ctx);
    updateDischargeAssessmentRoute(app, ctx);
    getBoardRoute(app, ctx);
    boardEventsRoute(app, ctx);
    remsRoutes(app, ctx);
  },
  seedDemo: seedSessionsDemo,
  start(ctx) {
    const stopSweep = ctx.jobs.every('vitals-sweep', SWEEP_INTERVAL_MS, () => runMonitoringSweep(ctx), {
      safety: true,
    });
    return async () => {
      await stopSweep();
      await boardHub(ctx).stop();
    };
  },
};
