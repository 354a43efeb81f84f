/**
 * Scheduling: chairs and rooms, clinicians' hours, appointment types, appointments (booked, moved,
 * cancelled, checked in into a dosing session), courses booked from a treatment plan, confirmations before
 * each dosing visit, and the patient's own bookings on the portal. The database refuses a double-booked
 * chair or clinician (exclusion constraints, migration 0019).
 */
import type { ServerModule } from '../../platform/module.ts';
import { appointmentRoutes } from './appointments/routes.ts';
import { confirmationRoutes } from './confirmations/routes.ts';
import { courseRoutes } from './course/routes.ts';
import { portalRoutes } from './portal/routes.ts';
import { resourceRoutes } from './resources/routes.ts';
import { seedSchedulingDemo } from './seed-demo.ts';

export const schedulingModule: ServerModule = {
  name: 'scheduling',
  routes(app, ctx) {
    resourceRoutes(app, ctx);
    appointmentRoutes(app, ctx);
    courseRoutes(app, ctx);
    confirmationRoutes(app, ctx);
    portalRoutes(app, ctx);
  },
  seedDemo: seedSchedulingDemo,
};
