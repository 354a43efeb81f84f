/**
 * GET /api/v1/protocols — the clinic's protocol library: current versions (one active default per route),
 * or every version with `?history=true`. Staff read it (the nurse's dose calculator needs it); protocols
 * are clinic configuration, not patient data, so reads are not audited.
 */
import { ProtocolList, ProtocolListQuery } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, STAFF } from '../../../platform/policy.ts';
import { authOf } from '../../../platform/request-context.ts';
import { ensureLibrary } from '../library/ensure-library.ts';
import { toProtocolItem } from '../library/protocol-row.ts';

const ROUTE_ORDER = ['iv', 'im', 'sublingual', 'oral', 'intranasal'];

export function listProtocolsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/protocols',
    {
      config: { policy: allow.roles(...STAFF) },
      schema: { querystring: ProtocolListQuery, response: { 200: ProtocolList }, tags: ['protocols'] },
    },
    async (req) => {
      const a = authOf(req);
      await ensureLibrary(ctx.db, a.clinicId);
      let q = ctx.db.selectFrom('plan_protocols').selectAll().where('clinic_id', '=', a.clinicId);
      if (req.query.history !== 'true') q = q.where('superseded_at', 'is', null);
      const rows = await q.orderBy('protocol_key').orderBy('version', 'desc').execute();
      rows.sort(
        (x, y) =>
          ROUTE_ORDER.indexOf(x.route) - ROUTE_ORDER.indexOf(y.route) ||
          Number(y.is_default) - Number(x.is_default) ||
          x.protocol_key.localeCompare(y.protocol_key) ||
          y.version - x.version,
      );
      return { items: rows.map(toProtocolItem) };
    },
  );
}
