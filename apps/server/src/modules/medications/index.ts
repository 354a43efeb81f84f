/**
 * Medications: the patient's medication list and allergy list (entered by the patient at intake or in the
 * portal, or by staff; reconciled by a clinician; never deleted), read by eligibility and the REMS form.
 */
import type { ServerModule } from '../../platform/module.ts';
import { addEntryRoute } from './add-entry.ts';
import { listEntriesRoute } from './list-entries.ts';
import { reconcileEntriesRoute } from './reconcile-entries.ts';
import { stopEntryRoutes } from './stop-entry.ts';

export const medicationsModule: ServerModule = {
  name: 'medications',
  routes(app, ctx) {
    listEntriesRoute(app, ctx);
    addEntryRoute(app, ctx);
    reconcileEntriesRoute(app, ctx);
    stopEntryRoutes(app, ctx);
  },
};
