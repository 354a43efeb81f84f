/**
 * POST /api/v1/chairs {name, kind, deviceId?, sortOrder?} (admin) → 201 Chair. `kind` is infusion_chair,
 * spravato_room or therapy_room (400 naming `body.kind` otherwise). A name already used in the clinic
 * (trimmed, case-insensitive) → 409 `conflict` naming `body.name`; a monitoring device another chair
 * holds → 409 naming `body.deviceId`. Dosing sessions of the clinic booked with this chair's name as free
 * text are linked to the new record in the same transaction. Audited (configuration).
 */
import { Chair, CreateChairRequest } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { assertChairUnique, linkSessionsToChair, mapChairUniqueViolation, toChair } from './chair-store.ts';

export function createChairRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/chairs',
    {
      config: { policy: allow.roles('admin') },
      schema: { body: CreateChairRequest, response: { 201: Chair }, tags: ['scheduling'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const now = ctx.clock.now();
      const row = await ctx.db
        .transaction()
        .execute(async (trx) => {
          await assertChairUnique(trx, a.clinicId, { name: b.name, deviceId: b.deviceId }, null);
          const inserted = await trx
            .insertInto('chairs')
            .values({
              clinic_id: a.clinicId,
              name: b.name,
              kind: b.kind,
              device_id: b.deviceId ?? null,
              sort_order: b.sortOrder ?? 0,
              created_at: now,
              updated_at: now,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          const linkedSessions = await linkSessionsToChair(trx, a.clinicId, inserted.id, inserted.name);
          await ctx.audit.record(trx, actorOf(req), {
            action: 'create',
            resourceType: 'chair',
            resourceId: inserted.id,
            category: 'configuration',
            details: {
              name: inserted.name,
              kind: inserted.kind,
              deviceId: inserted.device_id,
              linkedSessions,
            },
          });
          return inserted;
        })
        .catch((e: unknown) => {
          throw mapChairUniqueViolation(e);
        });
      return reply.status(201).send(toChair(row));
    },
  );
}
