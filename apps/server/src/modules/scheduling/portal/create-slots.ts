/**
 * POST /api/v1/appointment-slots {type, start, durationMin?, clinicianId?, chairId?, count?} — staff (admin,
 * front desk, therapist, prescriber, nurse) open slots patients may book on the portal: one, or `count`
 * one after the other (the type's buffer between them). 201 with the slots. 400 naming the field: a type
 * the clinic's settings do not mark self-bookable (`body.type`), a clinician not of this clinic or in a role
 * that does not run the type, a chair or room not of this clinic or of another kind, a start in the past.
 */
import { CreateSlotsRequest, OpenSlotList } from '@plasticity/contracts';
import { badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { selectSlots, slotView } from './slot-view.ts';
import { clinicTypeSettings } from './type-settings.ts';

const MIN_MS = 60_000;

export function createSlotsRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/appointment-slots',
    {
      config: { policy: allow.roles('admin', 'front_desk', 'therapist', 'prescriber', 'nurse') },
      schema: { body: CreateSlotsRequest, response: { 201: OpenSlotList }, tags: ['scheduling'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const settings = await clinicTypeSettings(ctx.db, a.clinicId);
      const s = settings[b.type];
      if (!s.selfBookable)
        throw badField(
          'body.type',
          `${s.label} is not open for booking on the portal (appointment type settings)`,
        );
      const durationMin = b.durationMin ?? s.durationMin;
      if (durationMin === null) throw badField('body.durationMin', 'is required for this type');
      const start = new Date(b.start);
      if (start.getTime() < ctx.clock.now().getTime()) throw badField('body.start', 'must be in the future');
      if (b.clinicianId) {
        const staff = await ctx.db
          .selectFrom('memberships as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select(['m.role', 'm.active', 'u.active as user_active'])
          .where('m.clinic_id', '=', a.clinicId)
          .where('m.user_id', '=', b.clinicianId)
          .where('m.role', '!=', 'patient')
          .execute();
        if (staff.length === 0) throw badField('body.clinicianId', 'is not a staff member of this clinic');
        const roles: readonly string[] = s.roles;
        if (!staff.some((m) => m.active && m.user_active && roles.includes(m.role)))
          throw badField('body.clinicianId', `may not run a ${s.label.toLowerCase()}`);
      }
      if (b.chairId) {
        const chair = await ctx.db
          .selectFrom('chairs')
          .select(['name', 'kind'])
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', b.chairId)
          .where('active', '=', true)
          .executeTakeFirst();
        if (!chair) throw badField('body.chairId', 'is not an active chair or room of this clinic');
        if (s.chairKind && chair.kind !== s.chairKind)
          throw badField('body.chairId', `${chair.name} is not the kind of room this visit needs`);
      }
      const count = b.count ?? 1;
      // Back-to-back slots leave the type's buffer between them, so booking them all never double-books
      // the clinician or the room.
      const stepMin = durationMin + s.bufferMin;
      const ids = await ctx.db.transaction().execute(async (trx) => {
        const rows = await trx
          .insertInto('appointment_slots')
          .values(
            Array.from({ length: count }, (_, i) => ({
              clinic_id: a.clinicId,
              type: b.type,
              start_at: new Date(start.getTime() + i * stepMin * MIN_MS),
              end_at: new Date(start.getTime() + (i * stepMin + durationMin) * MIN_MS),
              clinician_id: b.clinicianId ?? null,
              chair_id: b.chairId ?? null,
              created_by: a.userId,
            })),
          )
          .returning('id')
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'appointment_slot',
          resourceId: rows[0]?.id ?? null,
          category: 'scheduling',
          details: { type: b.type, start: b.start, durationMin, count },
        });
        return rows.map((r) => r.id);
      });
      const rows = await selectSlots(ctx.db, a.clinicId)
        .where('s.id', 'in', ids)
        .orderBy('s.start_at')
        .execute();
      return reply.status(201).send({ items: rows.map((r) => slotView(r, settings)) });
    },
  );
}
