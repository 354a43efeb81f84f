/**
 * POST /api/v1/controlled/locations | suppliers | products — admins configure the register's reference
 * data (only admins configure products and suppliers). Supplier DEA numbers and product
 * NDCs are checked with the pure validators (DEA check digit; NDC 4-4-2, 5-3-2, 5-4-1 or 5-4-2).
 */
import { isValidDeaNumber, isValidNdc, parseQuantity } from '@plasticity/clinical/controlled';
import {
  ControlledProduct,
  ControlledSupplier,
  CreateLocationRequest,
  CreateProductRequest,
  CreateSupplierRequest,
  StorageLocation,
} from '@plasticity/contracts';
import { AppError, badField } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { toProduct } from './list-config.ts';
import { CATEGORY, CONFIGURERS } from './stock-and-ledger.ts';

function positive(field: string, v: string | number | undefined): string | null {
  if (v === undefined) return null;
  const q = parseQuantity(v);
  if (!q.ok) throw badField(field, q.reason);
  if (!q.value.isPositive()) throw badField(field, 'must be greater than zero');
  return q.value.toString();
}

export function configureRoutes(app: ZodApp, ctx: ModuleContext) {
  const policy = allow.roles(...CONFIGURERS);
  app.post(
    '/api/v1/controlled/locations',
    {
      config: { policy },
      schema: { body: CreateLocationRequest, response: { 201: StorageLocation }, tags: ['controlled'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const taken = await ctx.db
        .selectFrom('cs_locations')
        .select('id')
        .where('clinic_id', '=', a.clinicId)
        .where('name', '=', req.body.name)
        .executeTakeFirst();
      if (taken)
        throw new AppError('conflict', 'a location with this name exists', [
          { field: 'body.name', message: 'is already in use' },
        ]);
      const row = await ctx.db.transaction().execute(async (trx) => {
        const r = await trx
          .insertInto('cs_locations')
          .values({ clinic_id: a.clinicId, name: req.body.name, kind: req.body.kind ?? 'cabinet' })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'controlled_location',
          resourceId: r.id,
          category: CATEGORY,
        });
        return r;
      });
      return reply.status(201).send({ id: row.id, name: row.name, kind: row.kind, active: row.active });
    },
  );

  app.post(
    '/api/v1/controlled/suppliers',
    {
      config: { policy },
      schema: { body: CreateSupplierRequest, response: { 201: ControlledSupplier }, tags: ['controlled'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      if (!isValidDeaNumber(req.body.deaNumber))
        throw badField('body.deaNumber', 'is not a valid DEA registration number');
      const row = await ctx.db.transaction().execute(async (trx) => {
        const r = await trx
          .insertInto('cs_suppliers')
          .values({
            clinic_id: a.clinicId,
            name: req.body.name,
            address: req.body.address,
            dea_number: req.body.deaNumber.toUpperCase(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'controlled_supplier',
          resourceId: r.id,
          category: CATEGORY,
        });
        return r;
      });
      return reply.status(201).send({
        id: row.id,
        name: row.name,
        address: row.address,
        deaNumber: row.dea_number,
        active: row.active,
      });
    },
  );

  app.post(
    '/api/v1/controlled/products',
    {
      config: { policy },
      schema: { body: CreateProductRequest, response: { 201: ControlledProduct }, tags: ['controlled'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      if (!isValidNdc(b.ndc)) throw badField('body.ndc', 'is not a valid NDC (4-4-2, 5-3-2, 5-4-1 or 5-4-2)');
      const size = positive('body.containerSize', b.containerSize) as string;
      const conc = positive('body.concentrationMgPerMl', b.concentrationMgPerMl);
      const taken = await ctx.db
        .selectFrom('cs_products')
        .select('id')
        .where('clinic_id', '=', a.clinicId)
        .where('ndc', '=', b.ndc)
        .executeTakeFirst();
      if (taken)
        throw new AppError('conflict', 'a product with this NDC exists', [
          { field: 'body.ndc', message: 'is already in use' },
        ]);
      const row = await ctx.db.transaction().execute(async (trx) => {
        const r = await trx
          .insertInto('cs_products')
          .values({
            clinic_id: a.clinicId,
            drug: b.drug,
            ndc: b.ndc,
            form: b.form,
            schedule: b.schedule ?? 'III',
            strength: b.strength,
            concentration_mg_per_ml: conc,
            container_size: size,
            container_label: b.containerLabel,
            unit: b.unit,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'controlled_product',
          resourceId: r.id,
          category: CATEGORY,
        });
        return r;
      });
      return reply.status(201).send(toProduct(row));
    },
  );
}
