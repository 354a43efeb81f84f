/** Registers this part's routes (one operation per file beside this one). */
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { bookAppointmentRoute } from './book-appointment.ts';
import { cancelAppointmentRoute } from './cancel-appointment.ts';
import { checkInAppointmentRoute } from './check-in-appointment.ts';
import { getAppointmentRoute } from './get-appointment.ts';
import { getAppointmentHistoryRoute } from './get-appointment-history.ts';
import { listAppointmentTypesRoute } from './list-appointment-types.ts';
import { listAppointmentsRoute } from './list-appointments.ts';
import { markNoShowRoute } from './mark-no-show.ts';
import { rescheduleAppointmentRoute } from './reschedule-appointment.ts';
import { updateAppointmentTypeRoute } from './update-appointment-type.ts';

export function appointmentRoutes(app: ZodApp, ctx: ModuleContext): void {
  bookAppointmentRoute(app, ctx);
  listAppointmentsRoute(app, ctx);
  getAppointmentRoute(app, ctx);
  getAppointmentHistoryRoute(app, ctx);
  rescheduleAppointmentRoute(app, ctx);
  cancelAppointmentRoute(app, ctx);
  markNoShowRoute(app, ctx);
  checkInAppointmentRoute(app, ctx);
  listAppointmentTypesRoute(app, ctx);
  updateAppointmentTypeRoute(app, ctx);
}
