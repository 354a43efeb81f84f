/** Patients: the minimal record (demographics) every later capability hangs on. */
import type { ServerModule } from '../../platform/module.ts';
import { createPatientRoute } from './create-patient.ts';
import { getChartSummaryRoute } from './get-chart-summary.ts';
import { getPatientRoute } from './get-patient.ts';
import { listPatientsRoute } from './list-patients.ts';
import { updatePatientRoute } from './update-patient.ts';

export const patientsModule: ServerModule = {
  name: 'patients',
  routes(app, ctx) {
    listPatientsRoute(app, ctx);
    createPatientRoute(app, ctx);
    getPatientRoute(app, ctx);
    getChartSummaryRoute(app, ctx);
    updatePatientRoute(app, ctx);
  },
};
