/**
 * Clinic edits of the protocol library (admin and prescriber — the medical director's decision):
 * - POST /api/v1/protocols — a new protocol line from full protocol data (version 1);
 * - PUT /api/v1/protocols/{id} — an edit of the current version: a new version; the old one is kept
 *   (superseded) so plans and dose results keep the version they used.
 * The data must pass `validateProtocol(…, { strict: true })` — every new version carries an mg cap, a
 * dosing-weight rule, a minimum observation time and, for esketamine, the REMS recovery checks and the US-label
 * doses (its errors come back as 400 naming `body.protocol.<path>`); versions stored before those existed keep
 * their version and are read as they are;
 * `makeDefault` makes it the route's one active default (only an active protocol can be the default).
 */
import { type Protocol, validateProtocol } from '@plasticity/clinical/protocols';
import { IdParams, ProtocolItem, UpdateProtocolRequest } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { sql } from 'kysely';
import { AppError } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { ensureLibrary } from '../library/ensure-library.ts';
import { protocolById, toProtocolItem } from '../library/protocol-row.ts';
import type { Executor } from '../patient-and-settings.ts';

function validated(data: unknown): Protocol {
  const v = validateProtocol(data, { strict: true });
  if (!v.ok) {
    const details = v.errors
      .slice(0, 20)
      .map((e) => ({ field: `body.protocol.${e.path}`, message: e.message }));
    throw new AppError(
      'validation_failed',
      `protocol is invalid: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`,
      details,
    );
  }
  return v.protocol;
}

async function insertVersion(
  trx: Executor,
  clinicId: string,
  userId: string,
  key: string,
  version: number,
  p: Protocol,
  isDefault: boolean,
  note: string,
) {
  if (isDefault) {
    if (p.status !== 'active')
      throw new AppError('validation_failed', 'only an active protocol can be the default', [
        { field: 'body.makeDefault', message: 'protocol status must be active' },
      ]);
    await trx
      .updateTable('plan_protocols')
      .set({ is_default: false })
      .where('clinic_id', '=', clinicId)
      .where('route', '=', p.route)
      .where('superseded_at', 'is', null)
      .execute();
  }
  return trx
    .insertInto('plan_protocols')
    .values({
      clinic_id: clinicId,
      protocol_key: key,
      version,
      name: p.name,
      route: p.route,
      drug: p.drug,
      status: p.status,
      is_default: isDefault,
      data: toJson({ ...p, id: key, version }),
      change_note: note,
      created_by: userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function saveProtocolRoutes(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/protocols',
    {
      config: { policy: allow.roles('admin', 'prescriber') },
      schema: { body: UpdateProtocolRequest, response: { 201: ProtocolItem }, tags: ['protocols'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const p = validated(req.body.protocol);
      await ensureLibrary(ctx.db, a.clinicId);
      const row = await ctx.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`plans-library:${a.clinicId}`}))`.execute(trx);
        const taken = await trx
          .selectFrom('plan_protocols')
          .select('id')
          .where('clinic_id', '=', a.clinicId)
          .where('protocol_key', '=', p.id)
          .executeTakeFirst();
        if (taken)
          throw new AppError('conflict', 'a protocol with this id already exists; edit it instead', [
            { field: 'body.protocol.id', message: 'is already in use' },
          ]);
        const r = await insertVersion(
          trx,
          a.clinicId,
          a.userId,
          p.id,
          1,
          p,
          req.body.makeDefault === true,
          req.body.changeNote,
        );
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'protocol',
          resourceId: r.id,
          category: 'configuration',
          details: { key: p.id, version: 1 },
        });
        return r;
      });
      return reply.status(201).send(toProtocolItem(row));
    },
  );

  app.put(
    '/api/v1/protocols/:id',
    {
      config: { policy: allow.roles('admin', 'prescriber') },
      schema: {
        params: IdParams,
        body: UpdateProtocolRequest,
        response: { 200: ProtocolItem },
        tags: ['protocols'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const p = validated(req.body.protocol);
      const old = await protocolById(ctx.db, a.clinicId, req.params.id);
      if (p.route !== old.route || p.drug !== old.drug) {
        throw new AppError(
          'validation_failed',
          'an edit cannot change the route or drug; create a new protocol instead',
          [{ field: 'body.protocol.route', message: `must stay ${old.route} / ${old.drug}` }],
        );
      }
      const row = await ctx.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`plans-library:${a.clinicId}`}))`.execute(trx);
        const current = await trx
          .selectFrom('plan_protocols')
          .selectAll()
          .where('clinic_id', '=', a.clinicId)
          .where('protocol_key', '=', old.protocol_key)
          .where('superseded_at', 'is', null)
          .executeTakeFirstOrThrow();
        if (current.id !== old.id)
          throw new AppError(
            'conflict',
            `protocol was edited meanwhile; the current version is ${current.version}`,
          );
        await trx
          .updateTable('plan_protocols')
          .set({ superseded_at: ctx.clock.now(), is_default: false })
          .where('id', '=', old.id)
          .execute();
        const makeDefault = req.body.makeDefault ?? (old.is_default && p.status === 'active');
        const r = await insertVersion(
          trx,
          a.clinicId,
          a.userId,
          old.protocol_key,
          old.version + 1,
          p,
          makeDefault,
          req.body.changeNote,
        );
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'protocol',
          resourceId: r.id,
          category: 'configuration',
          details: { key: old.protocol_key, fromVersion: old.version, toVersion: r.version },
        });
        return r;
      });
      return toProtocolItem(row);
    },
  );
}
