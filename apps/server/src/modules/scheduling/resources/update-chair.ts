/**
 * PATCH /api/v1/chairs/{id} (admin) UpdateChairRequest → 200 Chair: rename, change kind, monitoring device
 * or sort order, deactivate (`active: false`) or reactivate; chairs are never deleted. Another clinic's chair
 * → 404. Duplicate name → 409 naming `body.name`, duplicate device → 409 naming `body.deviceId`. A new name
 * links the clinic's dosing sessions booked with it as free text (and no chair record yet). Audited with the
 * fields changed.
 */
import { Chair, IdParams, UpdateChairRequest } from '@plasticity/contracts';
import { notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { assertChairUnique, linkSessionsToChair, mapChairUniqueViolation, toChair } from './chair-store.ts';

export function updateChairRoute(app: ZodApp, ctx: ModuleContext) {
  app.patch(
    '/api/v1/chairs/:id',
    {
      config: { policy: allow.roles('admin') },
      schema: { params: IdParams, body: UpdateChairRequest, response: { 200: Chair }, tags: ['scheduling'] },
    },
    async (req) => {
      const a = authOf(req);
      const b = req.body;
      const row = await ctx.db
        .transaction()
        .execute(async (trx) => {
          const current = await trx
            .selectFrom('chairs')
            .selectAll()
            .where('clinic_id', '=', a.clinicId)
            .where('id', '=', req.params.id)
            .forUpdate()
            .executeTakeFirst();
          if (!current) throw notFound('chair');
          await assertChairUnique(trx, a.clinicId, { name: b.name, deviceId: b.deviceId }, current.id);
          const updated = await trx
            .updateTable('chairs')
            .set({
              ...(b.name !== undefined ? { name: b.name } : {}),
              ...(b.kind !== undefined ? { kind: b.kind } : {}),
              ...(b.active !== undefined ? { active: b.active } : {}),
              ...(b.deviceId !== undefined ? { device_id: b.deviceId } : {}),
              ...(b.sortOrder !== undefined ? { sort_order: b.sortOrder } : {}),
              updated_at: ctx.clock.now(),
            })
            .where('clinic_id', '=', a.clinicId)
            .where('id', '=', current.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          const linkedSessions =
            b.name !== undefined ? await linkSessionsToChair(trx, a.clinicId, updated.id, updated.name) : 0;
          await ctx.audit.record(trx, actorOf(req), {
            action: 'update',
            resourceType: 'chair',
            resourceId: updated.id,
            category: 'configuration',
            details: { ...b, linkedSessions },
          });
          return updated;
        })
        .catch((e: unknown) => {
          throw mapChairUniqueViolation(e);
        });
      return toChair(row);
    },
  );
}
