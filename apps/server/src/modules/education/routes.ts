/** Registers the education routes (one operation per file beside this one). */
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { getAftercareRoute } from './get-aftercare.ts';
import { getPageRoute } from './get-page.ts';
import { getPatientEducationRoute } from './get-patient-education.ts';
import { listPagesRoute } from './list-pages.ts';
import { markReadRoute } from './mark-read.ts';
import { savePageRoute } from './save-page.ts';

export function educationRoutes(app: ZodApp, ctx: ModuleContext): void {
  listPagesRoute(app, ctx);
  getPageRoute(app, ctx);
  markReadRoute(app, ctx);
  savePageRoute(app, ctx);
  getPatientEducationRoute(app, ctx);
  getAftercareRoute(app, ctx);
}
