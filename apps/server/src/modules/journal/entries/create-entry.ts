/**
 * POST /api/v1/portal/journal — the signed-in patient writes a journal entry {text, promptId?, shared}.
 * Role patient only, for their own record. 201 JournalEntry. The entry is private unless `shared` is true;
 * a chosen prompt's words are copied onto the entry, so later edits of the library do not change what the
 * patient answered. 400 naming `body.promptId` for a prompt that is not an active one of the clinic's library
 * (nothing stored). The audit entry records the action and whether the entry is shared, never its text.
 */
import { CreateJournalEntryRequest, JournalEntry } from '@plasticity/contracts';
import { badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { ownPatientId } from '../../scheduling/portal/slot-view.ts';
import { PATIENT_ONLY } from '../policies.ts';
import { ownEntry } from './entry-view.ts';

export function createEntryRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/portal/journal',
    {
      config: { policy: PATIENT_ONLY },
      schema: { body: CreateJournalEntryRequest, response: { 201: JournalEntry }, tags: ['journal'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const patientId = ownPatientId(a);
      const b = req.body;
      const now = ctx.clock.now();
      const row = await ctx.db.transaction().execute(async (trx) => {
        let promptText: string | null = null;
        if (b.promptId) {
          const prompt = await trx
            .selectFrom('journal_prompts')
            .select(['text', 'active'])
            .where('clinic_id', '=', a.clinicId)
            .where('id', '=', b.promptId)
            .executeTakeFirst();
          if (!prompt?.active) throw badField('body.promptId', 'is not a prompt of this clinic’s library');
          promptText = prompt.text;
        }
        const inserted = await trx
          .insertInto('journal_entries')
          .values({
            clinic_id: a.clinicId,
            patient_id: patientId,
            text: b.text,
            prompt_id: b.promptId ?? null,
            prompt_text: promptText,
            shared: b.shared,
            shared_at: b.shared ? now : null,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'journal_entry',
          resourceId: inserted.id,
          patientId,
          category: 'journal',
          details: { shared: b.shared, prompted: b.promptId !== undefined },
        });
        return inserted;
      });
      return reply.status(201).send(ownEntry(row));
    },
  );
}
