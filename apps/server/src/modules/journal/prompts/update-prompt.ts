/**
 * PATCH /api/v1/journal-prompts/{id} — edits a prompt of the clinic's library (text, phase, protocol, order) or
 * retires it (`active: false`; prompts are never deleted, and entries keep the words they were written
 * under). Roles admin, therapist, prescriber. 200 JournalPrompt; 404 for a prompt of another clinic; 400 naming
 * the field (nothing changed). Audited with the names of the fields changed and the previous text.
 */
import { IdParams, JournalPrompt, UpdateJournalPromptRequest } from '@plasticity/contracts';
import { notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { MANAGE_PROMPTS } from '../policies.ts';
import { promptView } from './prompt-view.ts';
import { requireProtocolKey } from './protocol-key.ts';

export function updatePromptRoute(app: ZodApp, ctx: ModuleContext) {
  app.patch(
    '/api/v1/journal-prompts/:id',
    {
      config: { policy: MANAGE_PROMPTS },
      schema: {
        params: IdParams,
        body: UpdateJournalPromptRequest,
        response: { 200: JournalPrompt },
        tags: ['journal'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const b = req.body;
      const now = ctx.clock.now();
      const row = await ctx.db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('journal_prompts')
          .selectAll()
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', req.params.id)
          .forUpdate()
          .executeTakeFirst();
        if (!current) throw notFound('journal prompt');
        if (b.protocolKey) await requireProtocolKey(trx, a.clinicId, b.protocolKey);
        const updated = await trx
          .updateTable('journal_prompts')
          .set({
            ...(b.text !== undefined ? { text: b.text } : {}),
            ...(b.phase !== undefined ? { phase: b.phase } : {}),
            ...(b.protocolKey !== undefined ? { protocol_key: b.protocolKey } : {}),
            ...(b.active !== undefined ? { active: b.active } : {}),
            ...(b.sortOrder !== undefined ? { sort_order: b.sortOrder } : {}),
            updated_by: a.userId,
            updated_at: now,
          })
          .where('id', '=', current.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'journal_prompt',
          resourceId: current.id,
          category: 'configuration',
          details: {
            fields: Object.keys(b),
            ...(b.text !== undefined && b.text !== current.text ? { previousText: current.text } : {}),
            ...(b.active !== undefined ? { active: b.active } : {}),
          },
        });
        return updated;
      });
      return promptView(row);
    },
  );
}
