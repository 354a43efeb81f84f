/** Registers this part's routes (one operation per file beside this one). */
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { bookSlotRoute } from './book-slot.ts';
import { cancelOwnAppointmentRoute } from './cancel-own-appointment.ts';
import { createSlotsRoute } from './create-slots.ts';
import { listPortalAppointmentsRoute } from './list-portal-appointments.ts';
import { listPortalSlotsRoute } from './list-portal-slots.ts';
import { listSlotsRoute } from './list-slots.ts';
import { withdrawSlotRoute } from './withdraw-slot.ts';

export function portalRoutes(app: ZodApp, ctx: ModuleContext): void {
  createSlotsRoute(app, ctx);
  listSlotsRoute(app, ctx);
  withdrawSlotRoute(app, ctx);
  listPortalAppointmentsRoute(app, ctx);
  listPortalSlotsRoute(app, ctx);
  bookSlotRoute(app, ctx);
  cancelOwnAppointmentRoute(app, ctx);
}
