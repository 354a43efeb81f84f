/**
 * POST /api/v1/fhir-clients {name, publicKey, scopes} (admin) → 201 FhirClient: registers a system client of
 * the FHIR interface (SMART Backend Services). `publicKey` is a JWK or a JWKS given inline (client-keys.ts: RS384
 * or ES384, public members only); `scopes` are the SMART system scopes it may be granted (scopes.ts). A bad key
 * → 400 naming the member (`body.publicKey.keys[0].kty`), a bad scope → 400 naming it (`body.scopes[1]`), and
 * nothing is stored. The client's id (its `iss`/`sub`) is in the answer. Audited (configuration), without the key.
 */
import { FhirClient, RegisterFhirClientRequest } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { checkPublicKey } from './client-keys.ts';
import { toFhirClient } from './client-store.ts';
import { parseScope } from './scopes.ts';

export function registerClientRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/fhir-clients',
    {
      config: { policy: allow.roles('admin') },
      schema: { body: RegisterFhirClientRequest, response: { 201: FhirClient }, tags: ['fhir'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      for (const [i, s] of b.scopes.entries()) {
        const parsed = parseScope(s);
        if ('error' in parsed) throw badField(`body.scopes[${i}]`, parsed.error);
      }
      const scopes = [...new Set(b.scopes)];
      const jwks = await checkPublicKey(b.publicKey);
      const row = await ctx.db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('fhir_clients')
          .values({
            clinic_id: a.clinicId,
            name: b.name,
            jwks: toJson(jwks),
            scopes: toJson(scopes),
            created_by: a.userId,
            created_at: ctx.clock.now(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'fhir_client',
          resourceId: inserted.id,
          category: 'configuration',
          details: { name: inserted.name, scopes, keys: jwks.keys.length },
        });
        return inserted;
      });
      return reply.status(201).send(toFhirClient(row));
    },
  );
}
