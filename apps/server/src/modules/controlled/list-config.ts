/**
 * GET /api/v1/controlled/config — the clinic's storage locations, suppliers (DEA registrants) and
 * products, for the movement forms. Readers of the register only.
 */
import { ConfigLists } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { authOf } from '../../platform/request-context.ts';
import { canon, productDisplay, READERS } from './stock-and-ledger.ts';

export function listConfigRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/controlled/config',
    {
      config: { policy: allow.roles(...READERS) },
      schema: { response: { 200: ConfigLists }, tags: ['controlled'] },
    },
    async (req) => {
      const a = authOf(req);
      const [locations, suppliers, products] = await Promise.all([
        ctx.db
          .selectFrom('cs_locations')
          .selectAll()
          .where('clinic_id', '=', a.clinicId)
          .orderBy('name')
          .execute(),
        ctx.db
          .selectFrom('cs_suppliers')
          .selectAll()
          .where('clinic_id', '=', a.clinicId)
          .orderBy('name')
          .execute(),
        ctx.db
          .selectFrom('cs_products')
          .selectAll()
          .where('clinic_id', '=', a.clinicId)
          .orderBy('drug')
          .execute(),
      ]);
      return {
        locations: locations.map((l) => ({ id: l.id, name: l.name, kind: l.kind, active: l.active })),
        suppliers: suppliers.map((s) => ({
          id: s.id,
          name: s.name,
          address: s.address,
          deaNumber: s.dea_number,
          active: s.active,
        })),
        products: products.map(toProduct),
      };
    },
  );
}

export function toProduct(p: {
  id: string;
  drug: string;
  ndc: string;
  form: string;
  schedule: string;
  strength: string;
  concentration_mg_per_ml: string | null;
  container_size: string;
  container_label: string;
  unit: 'mg' | 'mL';
  active: boolean;
}) {
  return {
    id: p.id,
    drug: p.drug,
    ndc: p.ndc,
    form: p.form,
    schedule: p.schedule,
    strength: p.strength,
    concentrationMgPerMl: p.concentration_mg_per_ml === null ? null : canon(p.concentration_mg_per_ml),
    containerSize: canon(p.container_size),
    containerLabel: p.container_label,
    unit: p.unit,
    display: productDisplay(p),
    active: p.active,
  };
}
