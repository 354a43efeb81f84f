/**
 * GET /api/v1/instruments — the clinic's instrument definitions (built-ins with the clinic's settings,
 * then its own instruments). Definitions are data without patient information; any signed-in user
 * may read them (the portal needs them to draw forms).
 */
import { InstrumentList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { authOf } from '../../platform/request-context.ts';
import { clinicInstruments, publicDefinition } from './definitions.ts';

export function instrumentsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/instruments',
    {
      config: { policy: allow.anyUser() },
      schema: { response: { 200: InstrumentList }, tags: ['measurement'] },
    },
    async (req) => {
      const a = authOf(req);
      const defs = await clinicInstruments(ctx.db, a.clinicId);
      return { items: defs.map(publicDefinition) };
    },
  );
}
