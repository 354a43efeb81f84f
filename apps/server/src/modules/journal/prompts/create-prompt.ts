/**
 * POST /api/v1/journal-prompts — adds a prompt to the clinic's library {text, phase, protocolKey?, sortOrder?}.
 * Roles admin, therapist, prescriber. 201 JournalPrompt; 400 naming `body.protocolKey` when it is not a protocol
 * line of the clinic's library (nothing stored). Without a sort order the prompt goes last. Audited.
 */
import { CreateJournalPromptRequest, JournalPrompt } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { MANAGE_PROMPTS } from '../policies.ts';
import { ensurePrompts } from './ensure-prompts.ts';
import { promptView } from './prompt-view.ts';
import { requireProtocolKey } from './protocol-key.ts';

export function createPromptRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/journal-prompts',
    {
      config: { policy: MANAGE_PROMPTS },
      schema: { body: CreateJournalPromptRequest, response: { 201: JournalPrompt }, tags: ['journal'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const now = ctx.clock.now();
      const row = await ctx.db.transaction().execute(async (trx) => {
        await ensurePrompts(trx, a.clinicId);
        const protocolKey = b.protocolKey ?? null;
        if (protocolKey !== null) await requireProtocolKey(trx, a.clinicId, protocolKey);
        let sortOrder = b.sortOrder;
        if (sortOrder === undefined) {
          const last = await trx
            .selectFrom('journal_prompts')
            .select((e) => e.fn.max('sort_order').as('max'))
            .where('clinic_id', '=', a.clinicId)
            .executeTakeFirst();
          sortOrder = Math.min(10_000, Number(last?.max ?? 0) + 10);
        }
        const inserted = await trx
          .insertInto('journal_prompts')
          .values({
            clinic_id: a.clinicId,
            text: b.text,
            phase: b.phase,
            protocol_key: protocolKey,
            sort_order: sortOrder,
            created_by: a.userId,
            created_at: now,
            updated_by: a.userId,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'journal_prompt',
          resourceId: inserted.id,
          category: 'configuration',
          details: { phase: b.phase, protocolKey },
        });
        return inserted;
      });
      return reply.status(201).send(promptView(row));
    },
  );
}
