/**
 * POST /api/v1/protocol-templates/{key}/draft — starts a DRAFT protocol in the clinic's library from a cited
 * template (docs/clinical-sources.md#protocol-templates-per-indication): version 1, status draft, never the route's
 * default, so no plan can use it until the medical director edits and activates it (PUT /api/v1/protocols/{id}).
 * The protocol key is the template's (`template-ptsd-iv-ketamine`), with `-2`, `-3`… when the clinic already has it.
 * Roles: admin, prescriber (the medical director's decision). 201 with the protocol; 404 for an unknown template.
 * Written with its audit entry in one transaction, under the library lock.
 */
import { protocolTemplate, validateProtocol } from '@plasticity/clinical/protocols';
import { DraftFromTemplateRequest, ProtocolItem, TemplateKeyParams } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { sql } from 'kysely';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { ensureLibrary } from '../library/ensure-library.ts';
import { toProtocolItem } from '../library/protocol-row.ts';

export function draftFromTemplateRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/protocol-templates/:key/draft',
    {
      config: { policy: allow.roles('admin', 'prescriber') },
      schema: {
        params: TemplateKeyParams,
        body: DraftFromTemplateRequest,
        response: { 201: ProtocolItem },
        tags: ['protocols'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const template = protocolTemplate(req.params.key);
      if (!template) throw notFound('protocol template');
      const p = { ...template.protocol, name: req.body.name ?? template.protocol.name };
      const v = validateProtocol(p, { strict: true });
      if (!v.ok) throw new AppError('internal', 'the template does not pass the protocol checks');
      await ensureLibrary(ctx.db, a.clinicId);
      const row = await ctx.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`plans-library:${a.clinicId}`}))`.execute(trx);
        const taken = new Set(
          (
            await trx
              .selectFrom('plan_protocols')
              .select('protocol_key')
              .where('clinic_id', '=', a.clinicId)
              .where('protocol_key', 'like', `${p.id}%`)
              .execute()
          ).map((r) => r.protocol_key),
        );
        let key = p.id;
        for (let n = 2; taken.has(key); n++) key = `${p.id}-${n}`;
        const r = await trx
          .insertInto('plan_protocols')
          .values({
            clinic_id: a.clinicId,
            protocol_key: key,
            version: 1,
            name: p.name,
            route: p.route,
            drug: p.drug,
            status: 'draft',
            is_default: false,
            data: toJson({ ...p, id: key, version: 1, status: 'draft' as const }),
            change_note: `Draft from the template “${template.title}”`,
            created_by: a.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'protocol',
          resourceId: r.id,
          category: 'configuration',
          details: { key, version: 1, template: template.key },
        });
        return r;
      });
      return reply.status(201).send(toProtocolItem(row));
    },
  );
}
