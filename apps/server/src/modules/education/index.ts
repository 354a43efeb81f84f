/**
 * Education: the clinic's patient-education pages (product-written defaults seeded lazily per clinic, then
 * versioned by the clinic's edits), which versions each patient has read, and the after-care sheet of the
 * patient's last discharged session (migration 0022; docs/clinical-sources.md#patient-education).
 */
import type { ServerModule } from '../../platform/module.ts';
import { educationRoutes } from './routes.ts';
import { seedEducationDemo } from './seed-demo.ts';

export const educationModule: ServerModule = {
  name: 'education',
  routes(app, ctx) {
    educationRoutes(app, ctx);
  },
  seedDemo: seedEducationDemo,
};
