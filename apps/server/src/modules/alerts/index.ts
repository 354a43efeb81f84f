/**
 * Alerts: generic clinical alerts (suicide risk from measurement; vital signs from dosing sessions),
 * listed for clinicians, acknowledged with a note, escalated on a timer. Other modules raise alerts
 * through `raiseAlert` / `updateOrRaise` in alert-store.ts, inside their own transaction.
 */
import type { ServerModule } from '../../platform/module.ts';
import { ackAlertRoute } from './acknowledge-alert-route.ts';
import { escalateDueAlerts } from './alert-store.ts';
import { careTeamRoutes } from './care-team.ts';
import { listAlertsRoute } from './list-alerts.ts';

export { escalateDueAlerts, raiseAlert, updateOrRaise } from './alert-store.ts';

/** How often each server process looks for alerts due for escalation (not a clinical threshold). */
export const ESCALATION_POLL_MS = 30_000;

export const alertsModule: ServerModule = {
  name: 'alerts',
  routes(app, ctx) {
    listAlertsRoute(app, ctx);
    ackAlertRoute(app, ctx);
    careTeamRoutes(app, ctx);
  },
  start(ctx) {
    return ctx.jobs.every('alert-escalation', ESCALATION_POLL_MS, () => escalateDueAlerts(ctx), {
      safety: true,
    });
  },
};
