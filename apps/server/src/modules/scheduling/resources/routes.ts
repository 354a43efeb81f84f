/** Registers this part's routes (one operation per file beside this one). */
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { addHoursExceptionRoute } from './add-hours-exception.ts';
import { cancelHoursExceptionRoute } from './cancel-hours-exception.ts';
import { createChairRoute } from './create-chair.ts';
import { listChairsRoute } from './list-chairs.ts';
import { listCliniciansRoute } from './list-clinicians.ts';
import { setWeeklyHoursRoute } from './set-weekly-hours.ts';
import { updateChairRoute } from './update-chair.ts';

export function resourceRoutes(app: ZodApp, ctx: ModuleContext): void {
  listChairsRoute(app, ctx);
  createChairRoute(app, ctx);
  updateChairRoute(app, ctx);
  listCliniciansRoute(app, ctx);
  setWeeklyHoursRoute(app, ctx);
  addHoursExceptionRoute(app, ctx);
  cancelHoursExceptionRoute(app, ctx);
}
