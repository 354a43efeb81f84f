/**
 * Measurement-based care: the instrument library over HTTP, scoring and storing
 * assessments, trends with response and remission, self-report links, schedules with reminders
 * through the outbox (SMTP when configured), and the demo histories. Suicide-risk alerts are raised
 * through the alerts module's service.
 */
import type { ServerModule } from '../../platform/module.ts';
import { checkInsRoute } from './checkins-route.ts';
import { createAssessmentRoute } from './create-assessment.ts';
import { createLinkRoute } from './create-link.ts';
import { demoMailboxRoute } from './demo-mailbox.ts';
import { enteredInErrorRoute } from './entered-in-error.ts';
import { instrumentsRoute } from './instruments-route.ts';
import { listAssessmentsRoute } from './list-assessments.ts';
import { outboxRoute, sendPending, smtpTransport } from './outbox.ts';
import { profileRoutes } from './profile-route.ts';
import { publicSelfReportRoutes } from './public-self-report.ts';
import { scheduleRoutes } from './schedule-routes.ts';
import { runScheduler } from './scheduler.ts';
import { seedMeasurementDemo } from './seed.ts';
import { settingsRoutes } from './settings-route.ts';

export { requestBeforeSession } from './scheduler.ts';

/** How often the scheduler and the SMTP sender run in each process (not clinical thresholds). */
export const SCHEDULER_POLL_MS = 5 * 60_000;
export const OUTBOX_POLL_MS = 30_000;

export const measurementModule: ServerModule = {
  name: 'measurement',
  routes(app, ctx) {
    instrumentsRoute(app, ctx);
    createAssessmentRoute(app, ctx);
    listAssessmentsRoute(app, ctx);
    enteredInErrorRoute(app, ctx);
    profileRoutes(app, ctx);
    createLinkRoute(app, ctx);
    publicSelfReportRoutes(app, ctx);
    scheduleRoutes(app, ctx);
    checkInsRoute(app, ctx);
    outboxRoute(app, ctx);
    demoMailboxRoute(app, ctx);
    settingsRoutes(app, ctx);
  },
  start(ctx) {
    const stops = [
      ctx.jobs.every('questionnaire-scheduler', SCHEDULER_POLL_MS, () => runScheduler(ctx), { runNow: true }),
    ];
    if (ctx.config.smtpUrl) {
      const transport = smtpTransport(ctx.config.smtpUrl);
      stops.push(ctx.jobs.every('outbox-sender', OUTBOX_POLL_MS, () => sendPending(ctx, transport)));
    }
    return async () => {
      await Promise.all(stops.map((stop) => stop()));
    };
  },
  seedDemo: seedMeasurementDemo,
};
