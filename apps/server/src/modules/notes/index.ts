/**
 * Notes: progress and integration notes (part of the medical record, read by the care team) and
 * psychotherapy notes (kept apart, read by their custodian only; docs/clinical-sources.md#psychotherapy-notes),
 * each signed and locked when written, changed only by addenda, never deleted; note search; and the patient's
 * record as an export (JSON) and a print (PDF), which never carry a psychotherapy note.
 */
import type { ServerModule } from '../../platform/module.ts';
import { addAddendumRoute } from './add-addendum.ts';
import { createNoteRoute } from './create-note.ts';
import { getCustodyRoute } from './get-custody.ts';
import { getNoteRoute } from './get-note.ts';
import { handOverNotesRoute } from './hand-over-notes.ts';
import { listPatientNotesRoute } from './list-patient-notes.ts';
import { markEnteredInErrorRoute } from './mark-entered-in-error.ts';
import { recordRoutes } from './record-routes.ts';
import { searchNotesRoute } from './search-notes.ts';
import { seedNotesDemo } from './seed-demo.ts';

export const notesModule: ServerModule = {
  name: 'notes',
  routes(app, ctx) {
    createNoteRoute(app, ctx);
    listPatientNotesRoute(app, ctx);
    searchNotesRoute(app, ctx);
    getNoteRoute(app, ctx);
    addAddendumRoute(app, ctx);
    markEnteredInErrorRoute(app, ctx);
    getCustodyRoute(app, ctx);
    handOverNotesRoute(app, ctx);
    recordRoutes(app, ctx);
  },
  seedDemo: seedNotesDemo,
};
