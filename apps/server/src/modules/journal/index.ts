/**
 * Journal: the patient's journal between sessions (private unless the patient shares an entry with the care
 * team; staff read shared entries only), the clinic's library of journal prompts offered per phase of the
 * course and per protocol, and the daily mood check-in (0–10) with its trend per clinic-local day.
 */
import type { ServerModule } from '../../platform/module.ts';
import { createEntryRoute } from './entries/create-entry.ts';
import { listOwnEntriesRoute } from './entries/list-own-entries.ts';
import { listSharedEntriesRoute } from './entries/list-shared-entries.ts';
import { updateEntrySharingRoute } from './entries/update-entry-sharing.ts';
import { getMoodTrendRoute } from './mood/get-mood-trend.ts';
import { recordMoodRoute } from './mood/record-mood.ts';
import { createPromptRoute } from './prompts/create-prompt.ts';
import { listPortalPromptsRoute } from './prompts/list-portal-prompts.ts';
import { listPromptsRoute } from './prompts/list-prompts.ts';
import { updatePromptRoute } from './prompts/update-prompt.ts';
import { seedJournalDemo } from './seed-demo.ts';

export const journalModule: ServerModule = {
  name: 'journal',
  routes(app, ctx) {
    createEntryRoute(app, ctx);
    listOwnEntriesRoute(app, ctx);
    updateEntrySharingRoute(app, ctx);
    listSharedEntriesRoute(app, ctx);
    listPortalPromptsRoute(app, ctx);
    listPromptsRoute(app, ctx);
    createPromptRoute(app, ctx);
    updatePromptRoute(app, ctx);
    recordMoodRoute(app, ctx);
    getMoodTrendRoute(app, ctx);
  },
  seedDemo: seedJournalDemo,
};
