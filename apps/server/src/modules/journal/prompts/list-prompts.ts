/**
 * GET /api/v1/journal-prompts — the clinic's journal-prompt library (active and retired), loading the starter
 * prompts the first time. Roles admin, therapist, prescriber. 200 JournalPromptList. No patient data.
 */
import { JournalPromptList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { authOf } from '../../../platform/request-context.ts';
import { MANAGE_PROMPTS } from '../policies.ts';
import { ensurePrompts } from './ensure-prompts.ts';
import { promptView, selectPrompts } from './prompt-view.ts';

export function listPromptsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/journal-prompts',
    {
      config: { policy: MANAGE_PROMPTS },
      schema: { response: { 200: JournalPromptList }, tags: ['journal'] },
    },
    async (req) => {
      const a = authOf(req);
      await ensurePrompts(ctx.db, a.clinicId);
      const rows = await selectPrompts(ctx.db, a.clinicId).execute();
      return { items: rows.map(promptView) };
    },
  );
}
